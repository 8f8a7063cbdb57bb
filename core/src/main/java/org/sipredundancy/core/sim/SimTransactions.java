package org.sipredundancy.core.sim;

import org.agrona.AsciiSequenceView;
import org.agrona.collections.Long2ObjectHashMap;
import org.sipredundancy.core.sip.wire.SipMessageDecoder;
import org.sipredundancy.core.sip.wire.SipMethod;

import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * The server transactions a {@link SimSipServer} remembers (RFC 3261 section 17.2.3): a request matches one by its
 * top Via branch and method, or, without a branch, by Call-ID, CSeq number and method. At most a fixed number are
 * kept; the oldest is forgotten first. Why not a map of strings: a fleet's registrar matches hundreds of thousands
 * of requests per simulated day, and building a string key for each was a twentieth of the simulation. The key's
 * bytes are hashed to 64 bits and kept with the transaction, so two keys that hash alike are still told apart (the
 * later one replaces the earlier). Not thread safe.
 */
final class SimTransactions
{
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;
    private static final int MAX_KEY = 1024;

    private final int capacity;
    private final Long2ObjectHashMap<SimSipTransaction> byKey = new Long2ObjectHashMap<>();
    private final ArrayDeque<SimSipTransaction> order = new ArrayDeque<>();
    private final byte[] key = new byte[MAX_KEY];
    private int keyLength;
    private long keyHash;

    /**
     * @param capacity how many transactions are kept at most.
     */
    SimTransactions(final int capacity)
    {
        this.capacity = capacity;
    }

    /**
     * Work out the key of the request the decoder is wrapped around; {@link #find} and {@link #remember} use it.
     *
     * @param decoder wrapped around a request.
     * @param view    scratch.
     */
    void keyOf(final SipMessageDecoder decoder, final AsciiSequenceView view)
    {
        keyLength = 0;
        if (decoder.topViaBranch(view) && view.length() > 0)
        {
            append(view);
        }
        else
        {
            decoder.callId(view);
            append(view);
            append("/");
            append(Long.toString(decoder.cseqNumber()));
        }
        append("/");
        append(SipMethod.name(decoder.method()));
        hash();
    }

    /**
     * Set the key of the INVITE a CANCEL with this branch cancels.
     *
     * @param branch the CANCEL's top Via branch.
     */
    void inviteKey(final CharSequence branch)
    {
        keyLength = 0;
        append(branch);
        append("/INVITE");
        hash();
    }

    /**
     * @return the transaction with the key last worked out, or null.
     */
    SimSipTransaction find()
    {
        final SimSipTransaction tx = byKey.get(keyHash);
        return tx != null && Arrays.equals(tx.key, 0, tx.key.length, key, 0, keyLength) ? tx : null;
    }

    /**
     * Keep a new transaction under the key last worked out, forgetting the oldest when full.
     *
     * @param tx the transaction.
     */
    void remember(final SimSipTransaction tx)
    {
        while (byKey.size() >= capacity && !order.isEmpty())
        {
            final SimSipTransaction oldest = order.pollFirst();
            if (byKey.get(oldest.keyHash) == oldest)
            {
                byKey.remove(oldest.keyHash);
            }
        }
        tx.key = Arrays.copyOf(key, keyLength);
        tx.keyHash = keyHash;
        byKey.put(keyHash, tx);
        order.addLast(tx);
    }

    /**
     * Forget a transaction, so a retransmission of its request is handled as new.
     *
     * @param tx the transaction.
     */
    void forget(final SimSipTransaction tx)
    {
        if (byKey.get(tx.keyHash) == tx)
        {
            byKey.remove(tx.keyHash);
        }
        while (!order.isEmpty() && byKey.get(order.peekFirst().keyHash) != order.peekFirst())
        {
            order.pollFirst();
        }
    }

    private void append(final CharSequence text)
    {
        final int n = Math.min(text.length(), MAX_KEY - keyLength);
        for (int i = 0; i < n; i++)
        {
            key[keyLength++] = (byte)text.charAt(i);
        }
    }

    private void append(final AsciiSequenceView view)
    {
        final int n = Math.min(view.length(), MAX_KEY - keyLength);
        if (n > 0)
        {
            view.buffer().getBytes(view.offset(), key, keyLength, n);
            keyLength += n;
        }
    }

    private void hash()
    {
        long h = FNV_OFFSET;
        for (int i = 0; i < keyLength; i++)
        {
            h = (h ^ (key[i] & 0xFF)) * FNV_PRIME;
        }
        keyHash = h;
    }
}
