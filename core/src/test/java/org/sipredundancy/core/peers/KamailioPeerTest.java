package org.sipredundancy.core.peers;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sipredundancy.core.sip.auth.DigestChallenge;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The Kamailio harness works: it installs when missing, starts on a loopback address, challenges REGISTER with
 * digest (qop=auth), accepts the project's own digest answer, keeps the contact with the granted expiry, removes it
 * on expires=0, logs each request with the reply it sent, and dies and comes back by pid.
 */
public class KamailioPeerTest
{
    private static final Map<String, String> USERS = Map.of("alice", "alice-secret", "bob", "bob-secret");

    @TempDir
    Path directory;

    @Test
    @DisplayName("R-SIP-4 R-SIP-5 Kamailio over UDP: 401 challenge, digest answer gets 200, contact kept, expires=0 " +
        "removes it")
    void shouldRegisterOverUdp() throws Exception
    {
        registerAndUnregister(false, "127.0.0.11");
    }

    @Test
    @DisplayName("R-SIP-4 R-SIP-5 Kamailio over TCP: 401 challenge, digest answer gets 200, contact kept, expires=0 " +
        "removes it")
    void shouldRegisterOverTcp() throws Exception
    {
        registerAndUnregister(true, "127.0.0.12");
    }

    @Test
    @DisplayName("R-SIP-4 R-SIP-5 Kamailio: a wrong password is challenged again and nothing is registered")
    void shouldRejectWrongPassword() throws Exception
    {
        try (KamailioPeer peer = KamailioPeer.start(directory, "127.0.0.13", 0, USERS, 10, 60);
            SipTestClient client = new SipTestClient(peer.address(), peer.port(), false, "bob"))
        {
            client.credentials("bob", "not-bobs-password");
            final String[] replies = client.registerWithChallenge(20);

            assertThat(replies[0]).startsWith("SIP/2.0 401 ");
            assertThat(replies[1]).startsWith("SIP/2.0 401 ");
            assertThat(peer.contacts("bob")).isEmpty();
        }
    }

    @Test
    @DisplayName("R-SIP-4 R-SIP-5 Kamailio killed by pid stops answering; restarted on the same address it answers " +
        "again with an empty location table")
    void shouldDieAndComeBack() throws Exception
    {
        final long startAt = System.nanoTime();
        try (KamailioPeer peer = KamailioPeer.start(directory, "127.0.0.14", 0, USERS, 10, 60))
        {
            final long started = System.nanoTime();
            try (SipTestClient client = new SipTestClient(peer.address(), peer.port(), false, "alice"))
            {
                client.credentials("alice", "alice-secret");
                assertThat(client.registerWithChallenge(30)[1]).startsWith("SIP/2.0 200 ");
            }
            assertThat(peer.contacts("alice")).hasSize(1);
            final long firstPid = peer.pid();

            final long killAt = System.nanoTime();
            peer.kill();
            final long killed = System.nanoTime();

            assertThat(peer.isAlive()).isFalse();
            assertThat(ProcessHandle.of(firstPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
            assertThat(answersOptions(peer)).isFalse();
            assertThatThrownBy(() -> peer.contacts("alice")).isInstanceOf(IOException.class);

            final long restartAt = System.nanoTime();
            peer.restart();
            final long restarted = System.nanoTime();

            assertThat(peer.isAlive()).isTrue();
            assertThat(peer.pid()).isNotEqualTo(firstPid);
            assertThat(answersOptions(peer)).isTrue();
            assertThat(peer.contacts("alice")).isEmpty();
            System.out.printf(java.util.Locale.ROOT, "kamailio start %d ms, kill %d ms, restart %d ms%n",
                (started - startAt) / 1_000_000, (killed - killAt) / 1_000_000, (restarted - restartAt) / 1_000_000);
        }
    }

    @Test
    @DisplayName("R-SIP-4 R-SIP-5 Kamailio grants min_expires for a shorter request and max_expires for a longer one")
    void shouldClampExpiry() throws Exception
    {
        try (KamailioPeer peer = KamailioPeer.start(directory, "127.0.0.15", 0, USERS, 10, 60);
            SipTestClient client = new SipTestClient(peer.address(), peer.port(), false, "alice"))
        {
            client.credentials("alice", "alice-secret");
            final String contactUri = "<sip:alice@127.0.0.1:" + client.localPort() + ">";

            final String shortReply = client.registerWithChallenge(5)[1];
            final String longReply = client.registerWithChallenge(3600)[1];

            assertThat(shortReply).startsWith("SIP/2.0 200 ");
            assertThat(SipTestClient.header(shortReply, "Contact")).isEqualTo(contactUri + ";expires=10");
            assertThat(longReply).startsWith("SIP/2.0 200 ");
            assertThat(SipTestClient.header(longReply, "Contact")).isEqualTo(contactUri + ";expires=60");
            assertThat(peer.awaitRequests("REGISTER", 4))
                .filteredOn(request -> "REGISTER".equals(request.method()) && request.reply() == 200)
                .extracting(KamailioPeer.LoggedRequest::expiresS, KamailioPeer.LoggedRequest::grantedExpiresS)
                .containsExactly(tuple(5L, 10L), tuple(3600L, 60L));
        }
    }

    @Test
    @DisplayName("R-SIP-4 R-SIP-5 Kamailio in min_expires_mode 1 answers a too short expiry with 423 and Min-Expires")
    void shouldAnswerIntervalTooBrief() throws Exception
    {
        try (KamailioPeer peer = KamailioPeer.start(directory, "127.0.0.16", 0, USERS, 20, 60, true);
            SipTestClient client = new SipTestClient(peer.address(), peer.port(), false, "alice"))
        {
            client.credentials("alice", "alice-secret");

            final String tooShort = client.registerWithChallenge(10)[1];

            assertThat(tooShort).startsWith("SIP/2.0 423 ");
            assertThat(SipTestClient.header(tooShort, "Min-Expires")).isEqualTo("20");
            assertThat(peer.contacts("alice")).isEmpty();
            assertThat(peer.awaitRequests("REGISTER", 2)).extracting(KamailioPeer.LoggedRequest::reply)
                .endsWith(401, 423);

            final String enough = client.registerWithChallenge(20)[1];

            assertThat(enough).startsWith("SIP/2.0 200 ");
            assertThat(peer.contacts("alice")).hasSize(1);
        }
    }

    private void registerAndUnregister(final boolean tcp, final String address) throws Exception
    {
        final String proto = tcp ? "tcp" : "udp";
        try (KamailioPeer peer = KamailioPeer.start(directory, address, 0, USERS, 10, 60);
            SipTestClient client = new SipTestClient(peer.address(), peer.port(), tcp, "alice"))
        {
            client.credentials("alice", "alice-secret");
            final String contactUri = "<sip:alice@127.0.0.1:" + client.localPort() + (tcp ? ";transport=tcp>" : ">");

            final String[] register = client.registerWithChallenge(20);

            assertThat(register[0]).startsWith("SIP/2.0 401 ");
            assertThat(client.challenge().status()).isEqualTo(DigestChallenge.OK);
            assertThat(client.challenge().realm().toString()).isEqualTo(address);
            assertThat(client.challenge().qopAuth()).isTrue();
            assertThat(client.challenge().algorithm()).isEqualTo(DigestChallenge.MD5);
            assertThat(register[1]).startsWith("SIP/2.0 200 ");
            assertThat(SipTestClient.header(register[1], "Contact")).isEqualTo(contactUri + ";expires=20");
            assertThat(peer.contacts("alice")).singleElement().satisfiesAnyOf(
                contact -> assertThat(contact).isEqualTo(contactUri + ";expires=20"),
                contact -> assertThat(contact).isEqualTo(contactUri + ";expires=19"));

            final String[] unregister = client.registerWithChallenge(0);

            assertThat(unregister[0]).startsWith("SIP/2.0 401 ");
            assertThat(unregister[1]).startsWith("SIP/2.0 200 ");
            assertThat(peer.contacts("alice")).isEmpty();

            final String source = "127.0.0.1:" + client.localPort();
            assertThat(peer.awaitRequests("REGISTER", 4)).filteredOn(request -> "REGISTER".equals(request.method()))
                .containsExactly(
                new KamailioPeer.LoggedRequest("REGISTER", source, proto, 1, 20, 20, "alice", 401, -1),
                new KamailioPeer.LoggedRequest("REGISTER", source, proto, 2, 20, 20, "alice", 200, 20),
                new KamailioPeer.LoggedRequest("REGISTER", source, proto, 3, 0, 0, "alice", 401, -1),
                new KamailioPeer.LoggedRequest("REGISTER", source, proto, 4, 0, 0, "alice", 200, -1));
        }
    }

    private static boolean answersOptions(final KamailioPeer peer) throws IOException
    {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)))
        {
            socket.setSoTimeout(500);
            final String request = "OPTIONS sip:" + peer.address() + " SIP/2.0\r\n" +
                "Via: SIP/2.0/UDP 127.0.0.1:" + socket.getLocalPort() + ";branch=z9hG4bKtestprobe;rport\r\n" +
                "Max-Forwards: 70\r\nFrom: <sip:t@127.0.0.1>;tag=t\r\nTo: <sip:" + peer.address() + ">\r\n" +
                "Call-ID: test-probe\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n";
            final byte[] bytes = request.getBytes(StandardCharsets.US_ASCII);
            socket.send(new DatagramPacket(bytes, bytes.length, InetAddress.getByName(peer.address()), peer.port()));
            final DatagramPacket reply = new DatagramPacket(new byte[4096], 4096);
            socket.receive(reply);
            return new String(reply.getData(), 0, reply.getLength(), StandardCharsets.US_ASCII)
                .startsWith("SIP/2.0 200 ");
        }
        catch (final SocketTimeoutException | java.net.PortUnreachableException ex)
        {
            return false;
        }
    }
}
