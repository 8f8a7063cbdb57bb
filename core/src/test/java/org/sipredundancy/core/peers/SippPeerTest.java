package org.sipredundancy.core.peers;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.SocketTimeoutException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The SIPp harness works: a scripted UAS on loopback answers every REGISTER with 503 and the configured
 * Retry-After, or receives and never answers; its trace counts what it received; it stops by its pid.
 */
public class SippPeerTest
{
    @TempDir
    Path directory;

    @Test
    @DisplayName("R-SIP-3 R-SIP-5 SIPp answers every REGISTER with 503 and Retry-After and traces each one")
    void shouldAnswer503WithRetryAfter() throws Exception
    {
        final SippPeer peer;
        try (SippPeer started = SippPeer.start(directory, "127.0.0.21", 0, SippPeer.respond503(37));
            SipTestClient client = new SipTestClient(started.address(), started.port(), false, "alice"))
        {
            peer = started;
            final String first = client.register(20, false);
            final String second = client.register(20, false);

            assertThat(first).startsWith("SIP/2.0 503 Service Unavailable\r\n");
            assertThat(SipTestClient.header(first, "Retry-After")).isEqualTo("37");
            assertThat(SipTestClient.header(first, "CSeq")).isEqualTo("1 REGISTER");
            assertThat(second).startsWith("SIP/2.0 503 Service Unavailable\r\n");
            assertThat(SipTestClient.header(second, "Retry-After")).isEqualTo("37");
            assertThat(SipTestClient.header(second, "CSeq")).isEqualTo("2 REGISTER");
            assertThat(peer.awaitMessages(4)).extracting(SippPeer.TracedMessage::received)
                .containsExactly(true, false, true, false);
            assertThat(peer.receivedCount("REGISTER")).isEqualTo(2);
        }
        assertThat(peer.isAlive()).isFalse();
    }

    @Test
    @DisplayName("R-SIP-3 SIPp silent scenario receives REGISTERs, retransmissions included, and never answers")
    void shouldStaySilent() throws Exception
    {
        try (SippPeer peer = SippPeer.start(directory, "127.0.0.22", 0, SippPeer.silent());
            SipTestClient client = new SipTestClient(peer.address(), peer.port(), false, "alice"))
        {
            final String request = "REGISTER sip:" + peer.address() + " SIP/2.0\r\n" +
                "Via: SIP/2.0/UDP 127.0.0.1:" + client.localPort() + ";branch=z9hG4bKsilent1;rport\r\n" +
                "Max-Forwards: 70\r\nFrom: <sip:alice@" + peer.address() + ">;tag=s\r\n" +
                "To: <sip:alice@" + peer.address() + ">\r\nCall-ID: silent-1\r\nCSeq: 1 REGISTER\r\n" +
                "Contact: <sip:alice@127.0.0.1:" + client.localPort() + ">\r\nExpires: 20\r\n" +
                "Content-Length: 0\r\n\r\n";
            client.timeoutMs(500);

            assertThatThrownBy(() -> client.exchange(request)).isInstanceOf(SocketTimeoutException.class);
            assertThatThrownBy(() -> client.exchange(request)).isInstanceOf(SocketTimeoutException.class);

            assertThat(peer.awaitMessages(2)).allMatch(SippPeer.TracedMessage::received);
            assertThat(peer.receivedCount("REGISTER")).isEqualTo(2);
            assertThat(peer.isAlive()).isTrue();
        }
    }
}
