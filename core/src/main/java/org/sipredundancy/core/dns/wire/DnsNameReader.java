package org.sipredundancy.core.dns.wire;

import org.agrona.DirectBuffer;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Reads names in a received message: first {@link #check(int)}, which proves a name well formed with bounded work,
 * then, once the whole message is proven, {@link #skip(int)} and {@link #read(int, DnsName)}, which trust it.
 * <p>
 * A name is a run of labels ended by the root (a zero octet) or by a compression pointer to a prior occurrence:
 * <pre>
 *   offset: 12                                    40          52
 *           | 4 | _ s i p | 4 | _ t c p | 7 ...  | 0 |  ...   | 6 | s e r v e r | 11 000000 00101010 |
 *                                   ^ offset 22                                     pointer to 22 = "_tcp..."
 * </pre>
 * Why the check terminates: a pointer must go strictly back, before every octet this name has read so far
 * (otherwise it is a {@link DnsDecodeStatus#POINTER_LOOP} or {@link DnsDecodeStatus#POINTER_FORWARD}), so the
 * lowest offset read falls with every jump; besides, labels are capped at 255 octets in all and pointers at
 * {@link #MAX_POINTER_HOPS}. One name therefore costs at most {@link #MAX_STEPS_PER_NAME} steps (a step is one
 * label or one pointer), whatever the message, and {@link #steps()} counts them so tests can prove the bound.
 * <p>
 * Positions are offsets from the first octet of the message, as compression pointers are. When the buffer wraps a
 * {@code byte[]} (received datagrams usually are), octets are read from the array directly: plain array reads the
 * JIT can optimise, not an Agrona call with its own bounds check per octet.
 * <p>
 * Compression makes a message repeat its names by pointer (the SRV owners point at the question, the A owners at
 * the SRV targets), so {@link #read(int, DnsName)} remembers, for the message wrapped now, the text of every label
 * position it has turned into text: a pointer to a remembered position copies that text in one bulk copy instead of
 * translating it octet by octet again. The memo is keyed by the wrap's generation, so {@link #wrap} forgets it in
 * O(1); it is a cache only, and reads give the same text with or without it. {@link #check(int)} likewise remembers
 * the names it has proven, with their octets and pointer hops, so a pointer to one adds them instead of walking it
 * again (when the sums stay within the limits; otherwise it walks, so a refusal is the same refusal). Not thread safe.
 */
final class DnsNameReader
{
    /** Most pointers one name may follow: one per label of the longest name, and one more. */
    static final int MAX_POINTER_HOPS = 128;
    /**
     * Most steps one name may take to check: 127 labels and the root, one label more that breaks the 255 octets,
     * {@link #MAX_POINTER_HOPS} pointers and one more that is refused.
     */
    static final int MAX_STEPS_PER_NAME = DnsHeader.MAX_NAME_OCTETS / 2 + 2 + MAX_POINTER_HOPS + 1;
    /** Slots of the direct-mapped memo of label texts, a power of two, indexed by the label's position. */
    static final int MEMO_SLOTS = 128;
    /** Characters of name text the memo keeps per message; names read past it are simply not remembered. */
    static final int MEMO_TEXT_CAPACITY = 4096;
    private static final int MEMO_MASK = MEMO_SLOTS - 1;
    /** Eight octets of a {@code byte[]} as one {@code long}, the first octet lowest. */
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101_0101_0101_0101L;
    private static final long HIGH_BITS = 0x8080_8080_8080_8080L;
    /** Most labels one name can have: each costs at least 2 of its 255 octets. */
    private static final int MAX_LABELS = DnsHeader.MAX_NAME_OCTETS / 2 + 1;

    private final long[] checkedKeys = new long[MEMO_SLOTS];
    private final int[] checkedSizes = new int[MEMO_SLOTS];
    private final long[] memoKeys = new long[MEMO_SLOTS];
    private final int[] memoFrom = new int[MEMO_SLOTS];
    private final int[] memoLengths = new int[MEMO_SLOTS];
    private final byte[] memoText = new byte[MEMO_TEXT_CAPACITY];
    private final int[] labelPositions = new int[MAX_LABELS];
    private final int[] labelTextStarts = new int[MAX_LABELS];
    private int memoTextEnd;
    private int runLabels;
    private int runEnd;
    private int generation;
    private DirectBuffer buffer;
    private byte[] array;
    private int offset;
    private int arrayOffset;
    private int length;
    private long steps;

    void wrap(final DirectBuffer buffer, final int offset, final int length)
    {
        this.buffer = buffer;
        this.offset = offset;
        this.length = length;
        array = buffer.byteArray();
        arrayOffset = array == null ? 0 : buffer.wrapAdjustment() + offset;
        memoTextEnd = 0;
        if (++generation == 0)
        {
            Arrays.fill(memoKeys, 0L);
            Arrays.fill(checkedKeys, 0L);
            generation = 1;
        }
    }

    /**
     * @return steps taken by {@link #check(int)} since this reader was made.
     */
    long steps()
    {
        return steps;
    }

    /**
     * Prove the name at a position well formed.
     *
     * @param start position of the name's first octet.
     * @return the position just after the name as it lies here (after its root or its first pointer), or a
     *         negated {@link DnsDecodeStatus}.
     */
    int check(final int start)
    {
        int position = start;
        int lowest = start;
        int end = -1;
        int octets = 0;
        int hops = 0;
        final byte[] message = array;
        final int base = arrayOffset;
        while (true)
        {
            steps++;
            if (position >= length)
            {
                return -DnsDecodeStatus.NAME_PAST_END;
            }
            final int lengthOctet = message != null ? message[base + position] & 0xFF : octet(position);
            if ((lengthOctet & DnsHeader.POINTER_BITS) == DnsHeader.POINTER_BITS)
            {
                if (position + 1 >= length)
                {
                    return -DnsDecodeStatus.NAME_PAST_END;
                }
                final int target = ((lengthOctet & 0x3F) << 8) |
                    (message != null ? message[base + position + 1] & 0xFF : octet(position + 1));
                end = end < 0 ? position + 2 : end;
                final int refusal = checkPointer(target, position, lowest, ++hops);
                if (refusal != 0)
                {
                    return refusal;
                }
                final int slot = target & MEMO_MASK;
                if (checkedKeys[slot] == (((long)generation << 32) | target))
                {
                    final int checkedOctets = octets + (checkedSizes[slot] & 0xFFFF);
                    final int checkedHops = hops + (checkedSizes[slot] >>> 16);
                    if (checkedOctets <= DnsHeader.MAX_NAME_OCTETS && checkedHops <= MAX_POINTER_HOPS)
                    {
                        return checked(start, end, checkedOctets, checkedHops);
                    }
                }
                lowest = target;
                position = target;
            }
            else if (lengthOctet > DnsHeader.MAX_LABEL_OCTETS)
            {
                return -DnsDecodeStatus.LABEL_TOO_LONG;
            }
            else
            {
                octets += lengthOctet + 1;
                if (octets > DnsHeader.MAX_NAME_OCTETS)
                {
                    return -DnsDecodeStatus.NAME_TOO_LONG;
                }
                if (lengthOctet == 0)
                {
                    return checked(start, end < 0 ? position + 1 : end, octets, hops);
                }
                position += lengthOctet + 1;
            }
        }
    }

    /**
     * Remember that the name at a position is well formed, with how many octets and pointers it takes, so that a
     * later pointer to it need not walk it again; the walk from there would be the same, whatever came before.
     */
    private int checked(final int start, final int end, final int octets, final int hops)
    {
        final int slot = start & MEMO_MASK;
        checkedKeys[slot] = ((long)generation << 32) | start;
        checkedSizes[slot] = octets | (hops << 16);
        return end;
    }

    /**
     * Skip a name already checked.
     *
     * @param start position of the name's first octet.
     * @return the position just after the name as it lies here.
     */
    int skip(final int start)
    {
        int position = start;
        while (true)
        {
            final int lengthOctet = octet(position);
            if (lengthOctet >= DnsHeader.POINTER_BITS)
            {
                return position + 2;
            }
            if (lengthOctet == 0)
            {
                return position + 1;
            }
            position += lengthOctet + 1;
        }
    }

    /**
     * Read a name already checked into a holder, following pointers.
     *
     * @param start position of the name's first octet.
     * @param name  the holder, emptied first.
     */
    void read(final int start, final DnsName name)
    {
        if (array == null)
        {
            readFromBuffer(start, name);
            return;
        }
        final byte[] octets = array;
        final int base = arrayOffset;
        final byte[] text = name.text();
        final long generationKey = (long)generation << 32;
        int at = 0;
        int labels = 0;
        int position = start;
        while (true)
        {
            final int lengthOctet = octets[base + position] & 0xFF;
            if (lengthOctet >= DnsHeader.POINTER_BITS)
            {
                position = ((lengthOctet & 0x3F) << 8) | (octets[base + position + 1] & 0xFF);
                final int slot = position & MEMO_MASK;
                if (memoKeys[slot] == (generationKey | position))
                {
                    if (at > 0)
                    {
                        text[at++] = '.';
                    }
                    final int memoLength = memoLengths[slot];
                    System.arraycopy(memoText, memoFrom[slot], text, at, memoLength);
                    at += memoLength;
                    break;
                }
            }
            else if (lengthOctet == 0)
            {
                break;
            }
            else
            {
                if (at > 0)
                {
                    text[at++] = '.';
                }
                at = appendRun(octets, base, position, labels, text, at);
                labels = runLabels;
                position = runEnd;
            }
        }
        name.length(at);
        remember(text, at, labels, generationKey);
    }

    /**
     * Append a run of labels that lie one after the other (up to the root or a pointer) as text. On the wire the run
     * is its text shifted by one octet, with length octets where the dots go: so the run is lower-cased eight octets
     * at a time (one {@code long} read, SWAR arithmetic, one {@code long} written) and the dots are put in after.
     * That holds when every octet but the length octets is a letter, a digit, '-' or '_' (a host name, which needs
     * no escape); otherwise, or near the end of either array, the run is appended label by label, octet by octet.
     * Sets {@link #runLabels} and {@link #runEnd}.
     */
    private int appendRun(
        final byte[] octets,
        final int base,
        final int first,
        final int labelsBefore,
        final byte[] text,
        final int start)
    {
        int labels = labelsBefore;
        int position = first;
        int lengthOctet = octets[base + position] & 0xFF;
        int lengthsNotHostName = isHostNameOctet(lengthOctet) ? 0 : -1;
        do
        {
            labelPositions[labels] = position;
            labelTextStarts[labels] = start + position - first;
            labels++;
            lengthsNotHostName += isHostNameOctet(lengthOctet) ? 0 : 1;
            position += lengthOctet + 1;
            lengthOctet = octets[base + position] & 0xFF;
        }
        while (lengthOctet != 0 && lengthOctet < DnsHeader.POINTER_BITS);
        runLabels = labels;
        runEnd = position;
        final int runLength = position - first - 1;
        if (lowerCaseRun(octets, base + first + 1, runLength, text, start) == lengthsNotHostName)
        {
            for (int i = labelsBefore + 1; i < labels; i++)
            {
                text[labelTextStarts[i] - 1] = '.';
            }
            return start + runLength;
        }
        int at = start;
        for (int i = labelsBefore; i < labels; i++)
        {
            if (i > labelsBefore)
            {
                text[at++] = '.';
            }
            labelTextStarts[i] = at;
            final int label = base + labelPositions[i];
            at = appendLabel(octets, label + 1, octets[label] & 0xFF, text, at);
        }
        return at;
    }

    /**
     * Copy octets lower-cased, eight at a time, and count those that are not host name octets.
     *
     * @return how many of the octets are not a letter, a digit, '-' or '_', or -1 when the words would reach past
     *         the end of either array (nothing is copied then).
     */
    static int lowerCaseRun(
        final byte[] octets, final int from, final int runLength, final byte[] text, final int start)
    {
        final int wordsLength = (runLength + Long.BYTES - 1) & -Long.BYTES;
        if (from + wordsLength > octets.length || start + wordsLength > text.length)
        {
            return -1;
        }
        int notHostName = 0;
        for (int i = 0; i < runLength; i += Long.BYTES)
        {
            final long word = (long)LONGS.get(octets, from + i);
            final int left = runLength - i;
            final long inRun = left >= Long.BYTES ? HIGH_BITS : HIGH_BITS & ((1L << (left << 3)) - 1);
            // Every octet of (word | HIGH_BITS) is at least 0x80, so subtracting n < 0x80 from each borrows from
            // none: an octet's high bit stays set exactly when its low seven bits are >= n.
            final long w = word | HIGH_BITS;
            final long upper = (w - 0x41 * ONES) & ~(w - 0x5B * ONES) & HIGH_BITS;
            final long accepted = ~word & (upper |
                ((w - 0x2D * ONES) & ~(w - 0x2E * ONES)) |
                ((w - 0x30 * ONES) & ~(w - 0x3A * ONES)) |
                ((w - 0x5F * ONES) & ~(w - 0x60 * ONES)) |
                ((w - 0x61 * ONES) & ~(w - 0x7B * ONES)));
            notHostName += Long.bitCount(~accepted & inRun);
            LONGS.set(text, start + i, word | (upper >>> 2));
        }
        return notHostName;
    }

    private static boolean isHostNameOctet(final int octet)
    {
        return octet == '-' || octet == '_' || (octet >= '0' && octet <= '9') || (octet >= 'A' && octet <= 'Z') ||
            (octet >= 'a' && octet <= 'z');
    }

    /**
     * Append one label's octets as text, octet by octet, lower-cased and escaped as {@link DnsName} says.
     */
    private static int appendLabel(
        final byte[] octets, final int from, final int labelLength, final byte[] text, final int start)
    {
        int i = 0;
        while (i < labelLength)
        {
            final byte plain = DnsName.PLAIN[octets[from + i] & 0xFF];
            if (plain == 0)
            {
                break;
            }
            text[start + i] = plain;
            i++;
        }
        int at = start + i;
        for (; i < labelLength; i++)
        {
            at = DnsName.append(text, at, octets[from + i] & 0xFF);
        }
        return at;
    }

    /**
     * Keep the text of a name just read, and where each of its labels' suffixes starts, for pointers to come.
     */
    private void remember(final byte[] text, final int textLength, final int labels, final long generationKey)
    {
        final int from = memoTextEnd;
        if (labels == 0 || from + textLength > MEMO_TEXT_CAPACITY)
        {
            return;
        }
        System.arraycopy(text, 0, memoText, from, textLength);
        memoTextEnd = from + textLength;
        for (int i = 0; i < labels; i++)
        {
            final int position = labelPositions[i];
            final int slot = position & MEMO_MASK;
            final int textStart = labelTextStarts[i];
            memoKeys[slot] = generationKey | position;
            memoFrom[slot] = from + textStart;
            memoLengths[slot] = textLength - textStart;
        }
    }

    private void readFromBuffer(final int start, final DnsName name)
    {
        final byte[] text = name.text();
        int at = 0;
        int position = start;
        while (true)
        {
            final int lengthOctet = octet(position);
            if (lengthOctet >= DnsHeader.POINTER_BITS)
            {
                position = ((lengthOctet & 0x3F) << 8) | octet(position + 1);
            }
            else if (lengthOctet == 0)
            {
                name.length(at);
                return;
            }
            else
            {
                if (at > 0)
                {
                    text[at++] = '.';
                }
                for (int i = 0; i < lengthOctet; i++)
                {
                    at = DnsName.append(text, at, octet(position + 1 + i));
                }
                position += lengthOctet + 1;
            }
        }
    }

    private int octet(final int position)
    {
        return (array != null ? array[arrayOffset + position] : buffer.getByte(offset + position)) & 0xFF;
    }

    private int checkPointer(final int target, final int position, final int lowest, final int hops)
    {
        if (target < DnsHeader.LENGTH || target >= length)
        {
            return -DnsDecodeStatus.POINTER_OUT_OF_RANGE;
        }
        if (target > position)
        {
            return -DnsDecodeStatus.POINTER_FORWARD;
        }
        if (target >= lowest)
        {
            return -DnsDecodeStatus.POINTER_LOOP;
        }
        if (hops > MAX_POINTER_HOPS)
        {
            return -DnsDecodeStatus.POINTER_CHAIN_TOO_LONG;
        }
        return 0;
    }
}
