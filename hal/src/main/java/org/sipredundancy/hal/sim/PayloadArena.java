package org.sipredundancy.hal.sim;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The bytes of packets in flight, in one preallocated arena cut into fixed blocks, so that in-flight payloads of any
 * size up to the maximum take only the room they need and nothing is allocated per packet. A payload is a chain of
 * blocks; free blocks sit on a stack.
 * <pre>
 *   bytes:      | block 0 | block 1 | block 2 | block 3 | ... |
 *   nextBlock:     2        -1         -1        1
 *   payload A = 0 -&gt; 2         payload B = 3 -&gt; 1         free = { ... }
 * </pre>
 * Not thread safe.
 */
final class PayloadArena
{
    /** The head of an empty payload. */
    static final int NO_BLOCK = -1;
    static final int BLOCK_LENGTH = 512;

    private final UnsafeBuffer bytes;
    private final int[] nextBlock;
    private final int[] freeBlocks;
    private int freeCount;

    PayloadArena(final int arenaLength)
    {
        final int blockCount = (arenaLength + BLOCK_LENGTH - 1) / BLOCK_LENGTH;
        bytes = new UnsafeBuffer(new byte[blockCount * BLOCK_LENGTH]);
        nextBlock = new int[blockCount];
        freeBlocks = new int[blockCount];
        for (int i = 0; i < blockCount; i++)
        {
            freeBlocks[i] = blockCount - 1 - i;
        }
        freeCount = blockCount;
    }

    static int blocksFor(final int length)
    {
        return (length + BLOCK_LENGTH - 1) / BLOCK_LENGTH;
    }

    int freeBlockCount()
    {
        return freeCount;
    }

    /**
     * Copy bytes into the arena; the caller has checked that {@link #freeBlockCount()} suffices.
     *
     * @param source the bytes.
     * @param offset index of the first byte.
     * @param length number of bytes.
     * @return the head block of the stored payload, or {@link #NO_BLOCK} for an empty one.
     */
    int store(final DirectBuffer source, final int offset, final int length)
    {
        int head = NO_BLOCK;
        int tail = NO_BLOCK;
        for (int done = 0; done < length; done += BLOCK_LENGTH)
        {
            final int block = freeBlocks[--freeCount];
            nextBlock[block] = NO_BLOCK;
            bytes.putBytes(block * BLOCK_LENGTH, source, offset + done, Math.min(BLOCK_LENGTH, length - done));
            if (tail == NO_BLOCK)
            {
                head = block;
            }
            else
            {
                nextBlock[tail] = block;
            }
            tail = block;
        }
        return head;
    }

    /**
     * Copy a stored payload out.
     *
     * @param head        the payload's head block.
     * @param length      number of bytes to copy from the start of the payload.
     * @param destination where to.
     * @param index       index of the first destination byte.
     */
    void copyTo(final int head, final int length, final MutableDirectBuffer destination, final int index)
    {
        int block = head;
        for (int done = 0; done < length; done += BLOCK_LENGTH)
        {
            bytes.getBytes(block * BLOCK_LENGTH, destination, index + done, Math.min(BLOCK_LENGTH, length - done));
            block = nextBlock[block];
        }
    }

    /**
     * Give a payload's blocks back.
     *
     * @param head the payload's head block, or {@link #NO_BLOCK}.
     */
    void release(final int head)
    {
        int block = head;
        while (block != NO_BLOCK)
        {
            final int next = nextBlock[block];
            freeBlocks[freeCount++] = block;
            block = next;
        }
    }
}
