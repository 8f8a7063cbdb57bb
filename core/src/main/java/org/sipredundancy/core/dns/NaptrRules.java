package org.sipredundancy.core.dns;

import org.sipredundancy.hal.Transport;

/**
 * What the locator makes of a NAPTR record (R-DNS-3, RFC 3263 section 4.1, RFC 3403): the SIP services it knows,
 * the flags it follows, and the order it tries records in. Text is classified once, when a record is stored, into
 * small codes.
 */
final class NaptrRules
{
    /** A service this phone does not use (anything but the three below and SCTP). */
    static final int SERVICE_OTHER = 0;
    /** {@code SIP+D2U}: SIP over UDP. */
    static final int SERVICE_SIP_UDP = 1;
    /** {@code SIP+D2T}: SIP over TCP. */
    static final int SERVICE_SIP_TCP = 2;
    /** {@code SIPS+D2T}: SIP over TLS. */
    static final int SERVICE_SIPS_TCP = 3;
    /** {@code SIP+D2S}: SIP over SCTP, which the phone does not speak. */
    static final int SERVICE_SIP_SCTP = 4;

    /** Empty flags: non-terminal, ask NAPTR again on the replacement. */
    static final int FLAG_NON_TERMINAL = 0;
    /** {@code s}: ask SRV for the replacement. */
    static final int FLAG_SRV = 1;
    /** {@code a}: ask for the replacement's addresses. */
    static final int FLAG_ADDRESS = 2;
    /** {@code u}, {@code p}, several flags, or a regular expression: not for SIP, skipped. */
    static final int FLAG_OTHER = 3;

    private NaptrRules()
    {
    }

    /**
     * @param service the service field as received, any case.
     * @return its code.
     */
    static int service(final CharSequence service)
    {
        if (DomainName.equalsIgnoreCase(service, "SIP+D2U"))
        {
            return SERVICE_SIP_UDP;
        }
        if (DomainName.equalsIgnoreCase(service, "SIP+D2T"))
        {
            return SERVICE_SIP_TCP;
        }
        if (DomainName.equalsIgnoreCase(service, "SIPS+D2T"))
        {
            return SERVICE_SIPS_TCP;
        }
        if (DomainName.equalsIgnoreCase(service, "SIP+D2S"))
        {
            return SERVICE_SIP_SCTP;
        }
        return SERVICE_OTHER;
    }

    /**
     * @param flags  the flags field as received, any case.
     * @param regexp the regexp field; SIP records leave it empty (RFC 3263), so a record with one is not used.
     * @return the flag code.
     */
    static int flag(final CharSequence flags, final CharSequence regexp)
    {
        if (regexp != null && regexp.length() > 0)
        {
            return FLAG_OTHER;
        }
        if (flags == null || flags.length() == 0)
        {
            return FLAG_NON_TERMINAL;
        }
        if (flags.length() != 1)
        {
            return FLAG_OTHER;
        }
        final char flag = flags.charAt(0);
        if (flag == 's' || flag == 'S')
        {
            return FLAG_SRV;
        }
        return flag == 'a' || flag == 'A' ? FLAG_ADDRESS : FLAG_OTHER;
    }

    /**
     * @param service a service code.
     * @return whether the phone can use it: SIP over UDP, TCP or TLS.
     */
    static boolean isUsable(final int service)
    {
        return service == SERVICE_SIP_UDP || service == SERVICE_SIP_TCP || service == SERVICE_SIPS_TCP;
    }

    /**
     * @param service a usable service code.
     * @return the transport it stands for.
     */
    static int transport(final int service)
    {
        if (service == SERVICE_SIPS_TCP)
        {
            return Transport.TLS;
        }
        return service == SERVICE_SIP_TCP ? Transport.TCP : Transport.UDP;
    }

    /**
     * @param service a service code.
     * @return its name for traces.
     */
    static String serviceName(final int service)
    {
        switch (service)
        {
            case SERVICE_SIP_UDP:
                return "SIP+D2U";
            case SERVICE_SIP_TCP:
                return "SIP+D2T";
            case SERVICE_SIPS_TCP:
                return "SIPS+D2T";
            case SERVICE_SIP_SCTP:
                return "SIP+D2S";
            default:
                return "unknown-service";
        }
    }

    /**
     * @param flag a flag code.
     * @return the flag as a NAPTR record writes it, for traces.
     */
    static String flagName(final int flag)
    {
        switch (flag)
        {
            case FLAG_NON_TERMINAL:
                return "\"\"";
            case FLAG_SRV:
                return "s";
            case FLAG_ADDRESS:
                return "a";
            default:
                return "other-flag";
        }
    }

    /**
     * Sort record indexes by order, then preference, both ascending; equal records keep their answer order.
     * Insertion sort: at most a few dozen records, no allocation.
     *
     * @param records NAPTR records.
     * @param indexes indexes into {@code records}, sorted in place.
     * @param count   how many indexes to sort.
     */
    static void sort(final DnsRecordSet records, final int[] indexes, final int count)
    {
        for (int i = 1; i < count; i++)
        {
            final int moving = indexes[i];
            int j = i - 1;
            while (j >= 0 && after(records, indexes[j], moving))
            {
                indexes[j + 1] = indexes[j];
                j--;
            }
            indexes[j + 1] = moving;
        }
    }

    private static boolean after(final DnsRecordSet records, final int left, final int right)
    {
        if (records.order(left) != records.order(right))
        {
            return records.order(left) > records.order(right);
        }
        return records.preference(left) > records.preference(right);
    }
}
