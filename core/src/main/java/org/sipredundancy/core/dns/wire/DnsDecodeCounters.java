package org.sipredundancy.core.dns.wire;

/**
 * Messages decoded, per {@link DnsDecodeStatus}, plus those that carried trailing octets (accepted, but worth
 * knowing about): malformed DNS is counted and dropped, never thrown (SPEC R-BAD-2). One instance may be shared by
 * several decoders of the same thread.
 * <p>
 * Not thread safe: duty cycle thread only; read from elsewhere only for diagnostics that tolerate stale values.
 */
public final class DnsDecodeCounters
{
    private final long[] byStatus = new long[DnsDecodeStatus.COUNT];
    private long trailingBytesMessages;

    /**
     * Count one message.
     *
     * @param status what the decoder found.
     */
    public void onDecoded(final int status)
    {
        byStatus[status]++;
    }

    /**
     * Count a well-formed message that had octets after its last record.
     */
    public void onTrailingBytes()
    {
        trailingBytesMessages++;
    }

    /**
     * @param status a {@link DnsDecodeStatus} code.
     * @return messages decoded with that status.
     */
    public long count(final int status)
    {
        return byStatus[status];
    }

    /**
     * @return messages rejected, whatever the cause.
     */
    public long rejected()
    {
        long total = 0;
        for (int status = DnsDecodeStatus.OK + 1; status < DnsDecodeStatus.COUNT; status++)
        {
            total += byStatus[status];
        }
        return total;
    }

    /**
     * @return well-formed messages that had octets after their last record.
     */
    public long trailingBytesMessages()
    {
        return trailingBytesMessages;
    }
}
