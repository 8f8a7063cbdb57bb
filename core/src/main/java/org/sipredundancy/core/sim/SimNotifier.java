package org.sipredundancy.core.sim;

import org.sipredundancy.hal.Ipv4;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The notifier side of a {@link SimSipServer} (RFC 6665): every accepted SUBSCRIBE gets a NOTIFY with the current
 * state at once, and a test changes a state with {@link #dialogState} (BLF, RFC 4235 dialog package) or
 * {@link #messagesWaiting} (MWI, RFC 3842 message-summary), which NOTIFYs every subscriber of it. NOTIFYs go over UDP
 * once, without retransmission; the phone's 200 is not awaited. A tool for simulations: it allocates.
 */
public final class SimNotifier
{
    /** Sends one datagram from the server. */
    @FunctionalInterface
    interface Sender
    {
        void send(byte[] bytes, int remoteAddress, int remotePort);
    }

    /** One subscription dialog, as the server's side of it. */
    private record Dialog(String callId, String event, String target, String subscriberTag, String ourTag,
        String contact, int remoteAddress, int remotePort, long expiresAtNs)
    {
    }

    private final String host;
    private final int port;
    private final Sender sender;
    private final Map<String, Dialog> dialogs = new HashMap<>();
    private final Map<String, String> dialogStates = new HashMap<>();
    private final Map<String, Integer> waiting = new HashMap<>();
    private final List<String> sent = new ArrayList<>();
    private long cseq;

    SimNotifier(final String host, final int port, final Sender sender)
    {
        this.host = host;
        this.port = port;
        this.sender = sender;
    }

    /**
     * A SUBSCRIBE was accepted 200: keep (or end, with expiry 0) its dialog and send the current state.
     */
    void onSubscribe(
        final String callId,
        final String event,
        final String target,
        final String subscriberTag,
        final String ourTag,
        final int remoteAddress,
        final int remotePort,
        final long expiresS,
        final long nowNs)
    {
        final Dialog dialog = new Dialog(callId, event, target, subscriberTag, ourTag,
            "sip:" + target + "@" + Ipv4.toString(remoteAddress) + ":" + remotePort,
            remoteAddress, remotePort, nowNs + expiresS * 1_000_000_000L);
        if (expiresS == 0)
        {
            dialogs.remove(callId);
        }
        else
        {
            dialogs.put(callId, dialog);
        }
        notify(dialog, expiresS, nowNs);
    }

    /**
     * Set a monitored extension's dialog state and NOTIFY every BLF subscriber of it.
     *
     * @param extension the extension, e.g. {@code 4606}.
     * @param state     {@code confirmed} (in a call), {@code early} (ringing) or {@code terminated} (idle).
     * @param nowNs     the time now.
     */
    public void dialogState(final String extension, final String state, final long nowNs)
    {
        dialogStates.put(extension, state);
        notifyAll("dialog", extension, nowNs);
    }

    /**
     * Set a user's new voice messages and NOTIFY every MWI subscriber of them.
     *
     * @param user     the subscriber's user.
     * @param messages new messages; 0 for none.
     * @param nowNs    the time now.
     */
    public void messagesWaiting(final String user, final int messages, final long nowNs)
    {
        waiting.put(user, messages);
        notifyAll("message-summary", user, nowNs);
    }

    /**
     * @return the first line and Call-ID of every NOTIFY sent, in order, e.g. {@code NOTIFY dialog 4606 → …}.
     */
    public List<String> sent()
    {
        return List.copyOf(sent);
    }

    private void notifyAll(final String event, final String target, final long nowNs)
    {
        for (final Dialog dialog : List.copyOf(dialogs.values()))
        {
            if (dialog.expiresAtNs() <= nowNs)
            {
                dialogs.remove(dialog.callId());
            }
            else if (dialog.event().equals(event) && dialog.target().equals(target))
            {
                notify(dialog, (dialog.expiresAtNs() - nowNs) / 1_000_000_000L, nowNs);
            }
        }
    }

    private void notify(final Dialog dialog, final long expiresS, final long nowNs)
    {
        final boolean blf = dialog.event().equals("dialog");
        final String body = blf ? dialogInfo(dialog.target()) :
            "Messages-Waiting: " + (waiting.getOrDefault(dialog.target(), 0) > 0 ? "yes" : "no") + "\r\n" +
            "Voice-Message: " + waiting.getOrDefault(dialog.target(), 0) + "/0\r\n";
        cseq++;
        final String text = "NOTIFY " + dialog.contact() + " SIP/2.0\r\n" +
            "Via: SIP/2.0/UDP " + host + ":" + port + ";branch=z9hG4bKn" + Long.toHexString(nowNs) + "x" + cseq +
            "\r\nMax-Forwards: 70\r\n" +
            "From: <sip:" + dialog.target() + "@" + host + ">;tag=" + dialog.ourTag() + "\r\n" +
            "To: <sip:" + dialog.target() + "@" + host + ">;tag=" + dialog.subscriberTag() + "\r\n" +
            "Call-ID: " + dialog.callId() + "\r\nCSeq: " + cseq + " NOTIFY\r\nEvent: " + dialog.event() + "\r\n" +
            "Subscription-State: " + (expiresS > 0 ? "active;expires=" + expiresS : "terminated;reason=timeout") +
            "\r\nContent-Type: " + (blf ? "application/dialog-info+xml" : "application/simple-message-summary") +
            "\r\nContent-Length: " + body.length() + "\r\n\r\n" + body;
        sent.add("NOTIFY " + dialog.event() + " " + dialog.target() + " " + dialog.callId());
        sender.send(text.getBytes(StandardCharsets.US_ASCII), dialog.remoteAddress(), dialog.remotePort());
    }

    private String dialogInfo(final String extension)
    {
        final String state = dialogStates.getOrDefault(extension, "terminated");
        return "<?xml version=\"1.0\"?>\r\n<dialog-info xmlns=\"urn:ietf:params:xml:ns:dialog-info\" version=\"" +
            cseq + "\" state=\"full\" entity=\"sip:" + extension + "@" + host + "\">\r\n" +
            (state.equals("terminated") ? "" : "<dialog id=\"d1\"><state>" + state + "</state></dialog>\r\n") +
            "</dialog-info>\r\n";
    }
}
