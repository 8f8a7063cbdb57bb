package org.sipredundancy.core.dns;

/**
 * Inbound side of the {@link DnsQueryPort}: how the outcome of a live question reaches the {@link ServerLocator}.
 * The port (or the codec behind it) calls, for one token, either the record methods followed by
 * {@link #onAnswerEnd}, or {@link #onNoRecords}, or {@link #onFailure}. Answer-section records are those of the
 * type asked, whatever their owner (the live client has already matched the question and followed any CNAME chain,
 * R-DNS-9); additional-section records name their owner. Character sequences are valid during the call only.
 * Calls for a token nobody waits for are ignored.
 */
public interface DnsAnswerHandler
{
    /**
     * An A record of the answer section.
     *
     * @param queryToken the question's token.
     * @param address    IPv4 address, first octet in the top byte.
     * @param ttlS       TTL in seconds.
     */
    void onAddressRecord(long queryToken, int address, int ttlS);

    /**
     * An SRV record of the answer section (RFC 2782).
     *
     * @param queryToken the question's token.
     * @param priority   lower is tried first.
     * @param weight     share among equal priorities.
     * @param port       the port of the target.
     * @param target     the target host, or {@code .}.
     * @param ttlS       TTL in seconds.
     */
    void onSrvRecord(long queryToken, int priority, int weight, int port, CharSequence target, int ttlS);

    /**
     * A NAPTR record of the answer section (RFC 3403).
     *
     * @param queryToken  the question's token.
     * @param order       lower is tried first.
     * @param preference  lower is tried first among equal orders.
     * @param flags       the flags field, e.g. {@code s}.
     * @param service     the service field, e.g. {@code SIP+D2T}.
     * @param regexp      the regexp field, empty for SIP.
     * @param replacement the replacement name.
     * @param ttlS        TTL in seconds.
     */
    void onNaptrRecord(
        long queryToken,
        int order,
        int preference,
        CharSequence flags,
        CharSequence service,
        CharSequence regexp,
        CharSequence replacement,
        int ttlS);

    /**
     * An A record of the additional section; kept only with {@code dns_cache_type = 2} and only for a target of the
     * answer's SRV records.
     *
     * @param queryToken the question's token.
     * @param owner      the record's owner name.
     * @param address    IPv4 address.
     * @param ttlS       TTL in seconds.
     */
    void onAdditionalAddressRecord(long queryToken, CharSequence owner, int address, int ttlS);

    /**
     * An SRV record of the additional section; kept only with {@code dns_cache_type = 2} and only for a replacement
     * of the answer's NAPTR records.
     *
     * @param queryToken the question's token.
     * @param owner      the record's owner name.
     * @param priority   priority.
     * @param weight     weight.
     * @param port       port.
     * @param target     target host.
     * @param ttlS       TTL in seconds.
     */
    void onAdditionalSrvRecord(
        long queryToken, CharSequence owner, int priority, int weight, int port, CharSequence target, int ttlS);

    /**
     * The answer is complete. An answer that delivered no record of the type asked counts as
     * {@link #onNoRecords} without an SOA minimum.
     *
     * @param queryToken the question's token.
     * @param nowNs      the time now.
     */
    void onAnswerEnd(long queryToken, long nowNs);

    /**
     * NXDOMAIN, or the name has no records of the type asked (RFC 2308).
     *
     * @param queryToken   the question's token.
     * @param negativeTtlS how long this may be remembered: the smaller of the SOA record's TTL and MINIMUM, or
     *                     negative when the answer carried no SOA record.
     * @param nowNs        the time now.
     */
    void onNoRecords(long queryToken, int negativeTtlS, long nowNs);

    /**
     * No usable answer: time-out, SERVFAIL, no server (R-DNS-7's "DNS fails").
     *
     * @param queryToken the question's token.
     * @param cause      a {@link DnsFailure} constant.
     * @param nowNs      the time now.
     */
    void onFailure(long queryToken, int cause, long nowNs);
}
