package org.sipredundancy.hal.sim;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteOrder;
import java.util.zip.CRC32C;

/**
 * A {@link SimTrace} that folds every happening into a running CRC32C without allocating, so a run of millions of
 * packets can still be compared with another run of the same seed (SPEC R-RT-3) and used in allocation tests.
 * Each happening contributes a fixed little-endian record followed by its bytes:
 * <pre>
 *   0       4        12         16       20     24       28     32       36
 *   +-------+--------+----------+--------+------+--------+------+--------+---------------+
 *   | happ. | timeNs | transport| srcAddr| sPort| dstAddr| dPort| length | payload bytes |
 *   +-------+--------+----------+--------+------+--------+------+--------+---------------+
 * </pre>
 * Not thread safe.
 */
public final class ChecksumSimTrace implements SimTrace
{
    private static final int RECORD_LENGTH = 36;
    private static final int CHUNK_LENGTH = 4096;

    private final CRC32C crc = new CRC32C();
    private final byte[] scratch = new byte[CHUNK_LENGTH];
    private final UnsafeBuffer record = new UnsafeBuffer(scratch);
    private long happeningCount;

    /**
     * An empty checksum.
     */
    public ChecksumSimTrace()
    {
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
        happeningCount++;
        record.putInt(0, happening, ByteOrder.LITTLE_ENDIAN);
        record.putLong(4, timeNs, ByteOrder.LITTLE_ENDIAN);
        record.putInt(12, transport, ByteOrder.LITTLE_ENDIAN);
        record.putInt(16, sourceAddress, ByteOrder.LITTLE_ENDIAN);
        record.putInt(20, sourcePort, ByteOrder.LITTLE_ENDIAN);
        record.putInt(24, destinationAddress, ByteOrder.LITTLE_ENDIAN);
        record.putInt(28, destinationPort, ByteOrder.LITTLE_ENDIAN);
        record.putInt(32, length, ByteOrder.LITTLE_ENDIAN);
        crc.update(scratch, 0, RECORD_LENGTH);
        for (int offset = 0; offset < length; offset += CHUNK_LENGTH)
        {
            final int chunk = Math.min(CHUNK_LENGTH, length - offset);
            payload.getBytes(offset, scratch, 0, chunk);
            crc.update(scratch, 0, chunk);
        }
    }

    /**
     * @return the CRC32C of everything traced so far.
     */
    public long checksum()
    {
        return crc.getValue();
    }

    /**
     * @return the number of happenings traced.
     */
    public long happeningCount()
    {
        return happeningCount;
    }

    /**
     * Start again from an empty checksum.
     */
    public void clear()
    {
        crc.reset();
        happeningCount = 0;
    }
}
