package org.sipredundancy.core.sip.wire;

/**
 * What {@link SipMessageDecoder#wrap} found: {@link #OK} or the first malformation, one code per cause so that
 * the caller can count which kind of junk arrives and drop it, or answer 400 when the request line parsed
 * (SPEC R-BAD-2). Codes are small consecutive {@code int}s that can index counters.
 */
public final class SipDecodeStatus
{
    /** The framing is well formed: start line, headers, blank line and a body that fits. */
    public static final int OK = 0;
    /** No bytes, or only blank lines, or no line end at all before the end. */
    public static final int NO_START_LINE = 1;
    /** A request line that is not {@code Method SP Request-URI SP SIP/2.0}. */
    public static final int BAD_REQUEST_LINE = 2;
    /** A status line that is not {@code SIP/2.0 SP 3DIGIT SP Reason}. */
    public static final int BAD_STATUS_LINE = 3;
    /** A header line without a colon, or with an empty or non-token name. */
    public static final int HEADER_WITHOUT_COLON = 4;
    /** A line longer than {@link SipMessageDecoder#MAX_LINE_LENGTH}. */
    public static final int LINE_TOO_LONG = 5;
    /** More than {@link SipMessageDecoder#MAX_HEADERS} header fields. */
    public static final int TOO_MANY_HEADERS = 6;
    /** The bytes end before the blank line that ends the headers. */
    public static final int NO_END_OF_HEADERS = 7;
    /** A continuation line (starting with SP or HT) before any header. */
    public static final int FOLD_WITHOUT_HEADER = 8;
    /** On a stream transport, no Content-Length: the end of the message cannot be found (RFC 3261 18.3). */
    public static final int CONTENT_LENGTH_MISSING = 9;
    /** A Content-Length that is not a decimal number. */
    public static final int CONTENT_LENGTH_INVALID = 10;
    /** Two Content-Length headers that disagree. */
    public static final int CONTENT_LENGTH_MISMATCH = 11;
    /** A Content-Length larger than the bytes after the headers (on a stream: read more first). */
    public static final int CONTENT_LENGTH_PAST_END = 12;
    /** Number of codes, for sizing counters. */
    public static final int COUNT = 13;

    private static final String[] NAMES =
    {
        "OK", "NO_START_LINE", "BAD_REQUEST_LINE", "BAD_STATUS_LINE", "HEADER_WITHOUT_COLON", "LINE_TOO_LONG",
        "TOO_MANY_HEADERS", "NO_END_OF_HEADERS", "FOLD_WITHOUT_HEADER", "CONTENT_LENGTH_MISSING",
        "CONTENT_LENGTH_INVALID", "CONTENT_LENGTH_MISMATCH", "CONTENT_LENGTH_PAST_END",
    };

    private SipDecodeStatus()
    {
    }

    /**
     * The name of a status, for traces and test messages. Returns a constant, so it does not allocate.
     *
     * @param status a code of this class.
     * @return its name, or {@code "STATUS?"}.
     */
    public static String name(final int status)
    {
        return status >= 0 && status < NAMES.length ? NAMES[status] : "STATUS?";
    }
}
