package org.sipredundancy.core.sip.auth;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sipredundancy.hal.SplitMix64Random;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC R-RT-2: once warm, parsing a challenge and answering it allocates nothing.
 */
class DigestZeroAllocationTest
{
    private static final com.sun.management.ThreadMXBean THREADS =
        (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();

    @Test
    @DisplayName("R-SIP-4 R-RT-2 parsing and answering 100,000 challenges allocates nothing once warm")
    void noAllocation()
    {
        final byte[] value = ("Digest realm=\"biloxi.com\", nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\", " +
            "opaque=\"5ccc069c403ebaf9f0171e9517f40e41\", algorithm=SHA-256-sess, qop=\"auth,auth-int\"")
            .getBytes(StandardCharsets.US_ASCII);
        final UnsafeBuffer in = new UnsafeBuffer(value);
        final UnsafeBuffer out = new UnsafeBuffer(new byte[1024]);
        final DigestChallenge challenge = new DigestChallenge();
        final DigestAuthenticator authenticator = new DigestAuthenticator(new SplitMix64Random(7));
        authenticator.credentials("alice", "secret");
        final String method = "REGISTER";
        final String uri = "sip:biloxi.com";
        long sum = 0;
        for (int i = 0; i < 100_000; i++)
        {
            challenge.parse(in, 0, value.length);
            authenticator.onChallenge(challenge);
            sum += authenticator.writeAuthorization(method, uri, out, 0, 1024);
            sum += authenticator.writeMaskedAuthorization(out, 0, 1024);
        }
        final long before = THREADS.getThreadAllocatedBytes(Thread.currentThread().getId());
        for (int i = 0; i < 100_000; i++)
        {
            challenge.parse(in, 0, value.length);
            authenticator.onChallenge(challenge);
            sum += authenticator.writeAuthorization(method, uri, out, 0, 1024);
            sum += authenticator.writeMaskedAuthorization(out, 0, 1024);
        }
        final long after = THREADS.getThreadAllocatedBytes(Thread.currentThread().getId());
        assertThat(sum).isPositive();
        assertThat(after - before).isLessThan(1024);
    }
}
