package org.sipredundancy.core.cli;

import org.sipredundancy.hal.Ipv4;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the {@code resolve} and {@code run} commands send DNS queries (SPEC R-DNS-9): the servers given with
 * {@code --dns HOST:PORT}, else the IPv4 name servers of the host's {@code /etc/resolv.conf}.
 */
final class DnsServerList
{
    /** An IPv4 DNS server: address and port. */
    record Server(int address, int port)
    {
        @Override
        public String toString()
        {
            return Ipv4.toString(address) + ":" + port;
        }
    }

    private DnsServerList()
    {
    }

    /**
     * Parse {@code HOST:PORT} or {@code HOST} (port 53); IPv4 only.
     *
     * @param text the option's value.
     * @return the server.
     * @throws IllegalArgumentException naming what is wrong with the text.
     */
    static Server parse(final String text)
    {
        final int colon = text.lastIndexOf(':');
        final String host = colon < 0 ? text : text.substring(0, colon);
        final long address = Ipv4.parse(host);
        if (address == Ipv4.INVALID)
        {
            throw new IllegalArgumentException("--dns " + text + ": '" + host + "' is not an IPv4 address");
        }
        int port = 53;
        if (colon >= 0)
        {
            try
            {
                port = Integer.parseInt(text.substring(colon + 1));
            }
            catch (final NumberFormatException ex)
            {
                port = -1;
            }
            if (port < 1 || port > 65535)
            {
                throw new IllegalArgumentException("--dns " + text + ": the port must be a number from 1 to 65535");
            }
        }
        return new Server((int)address, port);
    }

    /**
     * The host's name servers, as the C library would use them.
     *
     * @param resolvConf the file, normally {@code /etc/resolv.conf}.
     * @return the IPv4 servers in file order; empty when the file is missing or names none.
     */
    static List<Server> fromResolvConf(final Path resolvConf)
    {
        final List<Server> servers = new ArrayList<>();
        try
        {
            for (final String line : Files.readAllLines(resolvConf, StandardCharsets.UTF_8))
            {
                final String[] words = line.trim().split("\\s+");
                if (words.length >= 2 && words[0].equals("nameserver") && Ipv4.parse(words[1]) != Ipv4.INVALID)
                {
                    servers.add(new Server((int)Ipv4.parse(words[1]), 53));
                }
            }
        }
        catch (final IOException ex)
        {
            return servers;
        }
        return servers;
    }
}
