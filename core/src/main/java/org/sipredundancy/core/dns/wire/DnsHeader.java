package org.sipredundancy.core.dns.wire;

/**
 * Layout of the fixed 12-octet header and the fixed parts of questions and records (RFC 1035 section 4.1), shared
 * by the encoders and the decoder so that both agree on every offset. All integers are big-endian.
 * <pre>
 *   header                        0  1  2  3  4  5  6  7  8  9 10 11 12 13 14 15   (bits)
 *                                +--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+
 *   offset  0  ID                |                      ID                       |
 *                                +--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+
 *   offset  2  FLAGS             |QR|  OPCODE   |AA|TC|RD|RA| Z      |   RCODE   |
 *                                +--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+
 *   offset  4  QDCOUNT           |       questions                               |
 *   offset  6  ANCOUNT           |       answer records                          |
 *   offset  8  NSCOUNT           |       authority records                       |
 *   offset 10  ARCOUNT           |       additional records                      |
 *                                +--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+
 *
 *   question      QNAME (labels, maybe compressed) | QTYPE (2) | QCLASS (2)
 *   record        NAME (labels, maybe compressed)  | TYPE (2) | CLASS (2) | TTL (4) | RDLENGTH (2) | RDATA
 *
 *   name          | len | label octets ... | len | label octets ... | 0 |      len 1..63, top bits 00
 *                 | 11 pppppp pppppppp |                                     pointer: offset from message start
 * </pre>
 */
public final class DnsHeader
{
    /** Octets in the header. */
    public static final int LENGTH = 12;
    /** Offset of the query id. */
    public static final int ID_OFFSET = 0;
    /** Offset of the flags word. */
    public static final int FLAGS_OFFSET = 2;
    /** Offset of the question count. */
    public static final int QDCOUNT_OFFSET = 4;
    /** Offset of the answer count. */
    public static final int ANCOUNT_OFFSET = 6;
    /** Offset of the authority count. */
    public static final int NSCOUNT_OFFSET = 8;
    /** Offset of the additional count. */
    public static final int ARCOUNT_OFFSET = 10;

    /** Flag: this message is a response. */
    public static final int FLAG_QR = 0x8000;
    /** Flag: the answer is authoritative. */
    public static final int FLAG_AA = 0x0400;
    /** Flag: the message was truncated to fit UDP; ask again over TCP (SPEC R-DNS-9). */
    public static final int FLAG_TC = 0x0200;
    /** Flag: recursion desired, set in every query the phone sends. */
    public static final int FLAG_RD = 0x0100;
    /** Flag: recursion available at the server. */
    public static final int FLAG_RA = 0x0080;
    /** Mask of the opcode (0 = standard query) within the flags. */
    public static final int OPCODE_MASK = 0x7800;
    /** Shift of the opcode within the flags. */
    public static final int OPCODE_SHIFT = 11;
    /** Mask of the response code ({@link DnsRcode}) within the flags. */
    public static final int RCODE_MASK = 0x000F;

    /** Octets after a question's name: type and class. */
    public static final int QUESTION_FIXED_LENGTH = 4;
    /** Octets after a record's name: type, class, TTL and RDLENGTH. */
    public static final int RECORD_FIXED_LENGTH = 10;
    /** Most octets of a name on the wire, length octets and the root included (RFC 1035 section 2.3.4). */
    public static final int MAX_NAME_OCTETS = 255;
    /** Longest label (RFC 1035 section 2.3.4). */
    public static final int MAX_LABEL_OCTETS = 63;
    /** Top two bits of a length octet that mark a compression pointer. */
    public static final int POINTER_BITS = 0xC0;
    /** Largest message offset a compression pointer can hold. */
    public static final int MAX_POINTER_OFFSET = 0x3FFF;

    private DnsHeader()
    {
    }
}
