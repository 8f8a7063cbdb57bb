package org.sipredundancy.hal.sim;

import org.agrona.DirectBuffer;
import org.sipredundancy.hal.Transport;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.Map;

/**
 * Writes every packet a simulated network sends as a classic libpcap file (link type RAW: each record is an IPv4
 * packet), so tshark or Wireshark can read a simulation as a capture: UDP datagrams as they are, TCP and TLS payloads
 * as segments with PSH|ACK and a running sequence number per direction. Time stamps are virtual time. A copy the
 * link made ({@link SimHappening#DUPLICATED}) is a record too, a TCP copy with its original's sequence number, as a
 * retransmission looks on a wire. Control happenings (connects, resets, losses) are not packets and are left out; a
 * packet lost on the way was still sent, so it is in the file. A tool, not the hot path: it writes through the
 * caller's stream and reuses one buffer. An I/O error stops writing and is kept for {@link #failure()}; it is never
 * thrown into the network.
 */
public final class PcapSimTrace implements SimTrace
{
    /** Link type RAW (101): records start with the IP header. */
    public static final int LINKTYPE_RAW = 101;
    /** The pcap magic number, written in little-endian order. */
    public static final int MAGIC = 0xa1b2c3d4;

    private static final int SNAP_LENGTH = 65_535;
    private static final int IP_HEADER = 20;
    private static final int UDP_HEADER = 8;
    private static final int TCP_HEADER = 20;
    private static final int RECORD_HEADER = 16;

    private final OutputStream out;
    private final ByteBuffer record = ByteBuffer.allocate(RECORD_HEADER + IP_HEADER + TCP_HEADER + SNAP_LENGTH);
    private static final int NEXT = 0;
    private static final int LAST = 1;

    /** Per direction: the next sequence number and the last segment's, which a duplicate repeats. */
    private final Map<Flow, int[]> tcpSequence = new HashMap<>();
    private IOException failure;
    private long packets;

    /**
     * Write the file header.
     *
     * @param out where the capture goes; the caller closes it.
     */
    public PcapSimTrace(final OutputStream out)
    {
        this.out = out;
        final ByteBuffer header = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        header.putInt(MAGIC).putShort((short)2).putShort((short)4).putInt(0).putInt(0).putInt(SNAP_LENGTH)
            .putInt(LINKTYPE_RAW);
        write(header.array(), header.position());
    }

    /**
     * {@inheritDoc}
     */
    public void onHappening(
        final int happening,
        final long timeNs,
        final int transport,
        final int sourceAddress,
        final int sourcePort,
        final int destinationAddress,
        final int destinationPort,
        final DirectBuffer payload,
        final int length)
    {
        final boolean duplicate = happening == SimHappening.DUPLICATED;
        if ((happening != SimHappening.SENT && !duplicate) || length <= 0 || failure != null)
        {
            return;
        }
        final boolean udp = transport == Transport.UDP;
        final int payloadLength = Math.min(length, SNAP_LENGTH - IP_HEADER - TCP_HEADER);
        final int transportHeader = udp ? UDP_HEADER : TCP_HEADER;
        final int ipLength = IP_HEADER + transportHeader + payloadLength;
        record.clear().order(ByteOrder.LITTLE_ENDIAN);
        record.putInt((int)(timeNs / 1_000_000_000L)).putInt((int)(timeNs % 1_000_000_000L / 1_000))
            .putInt(ipLength).putInt(ipLength);
        record.order(ByteOrder.BIG_ENDIAN);
        final int ip = record.position();
        record.put((byte)0x45).put((byte)0).putShort((short)ipLength).putShort((short)(packets & 0xFFFF))
            .putShort((short)0x4000).put((byte)64).put((byte)(udp ? 17 : 6)).putShort((short)0)
            .putInt(sourceAddress).putInt(destinationAddress);
        record.putShort(ip + 10, checksum(ip, IP_HEADER));
        record.putShort((short)sourcePort).putShort((short)destinationPort);
        if (udp)
        {
            record.putShort((short)(UDP_HEADER + payloadLength)).putShort((short)0);
        }
        else
        {
            final Flow flow = new Flow(sourceAddress, sourcePort, destinationAddress, destinationPort);
            final int[] sequences = tcpSequence.computeIfAbsent(flow, f -> new int[] {1, 1});
            if (!duplicate)
            {
                sequences[LAST] = sequences[NEXT];
                sequences[NEXT] += payloadLength;
            }
            final int sequence = sequences[LAST];
            record.putInt(sequence).putInt(1).put((byte)0x50).put((byte)0x18).putShort((short)0xFFFF)
                .putShort((short)0).putShort((short)0);
        }
        payload.getBytes(0, record.array(), record.position(), payloadLength);
        packets++;
        write(record.array(), record.position() + payloadLength);
    }

    /** One direction of a TCP connection: its sequence numbers run on their own. */
    private record Flow(int sourceAddress, int sourcePort, int destinationAddress, int destinationPort)
    {
    }

    private short checksum(final int offset, final int length)
    {
        int sum = 0;
        for (int i = offset; i < offset + length; i += 2)
        {
            sum += record.getShort(i) & 0xFFFF;
        }
        while ((sum >>> 16) != 0)
        {
            sum = (sum & 0xFFFF) + (sum >>> 16);
        }
        return (short)~sum;
    }

    private void write(final byte[] bytes, final int length)
    {
        try
        {
            out.write(bytes, 0, length);
        }
        catch (final IOException ex)
        {
            failure = ex;
        }
    }

    /**
     * Flush the stream.
     *
     * @return the failure that stopped writing, this flush's or an earlier one, or null.
     */
    public IOException flush()
    {
        if (failure == null)
        {
            try
            {
                out.flush();
            }
            catch (final IOException ex)
            {
                failure = ex;
            }
        }
        return failure;
    }

    /**
     * @return the I/O error that stopped writing, or null.
     */
    public IOException failure()
    {
        return failure;
    }

    /**
     * @return packets written.
     */
    public long packets()
    {
        return packets;
    }
}
