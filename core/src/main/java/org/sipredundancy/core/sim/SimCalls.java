package org.sipredundancy.core.sim;

import org.agrona.AsciiSequenceView;
import org.sipredundancy.core.sip.wire.SipHeaderName;
import org.sipredundancy.core.sip.wire.SipMessageDecoder;
import org.sipredundancy.core.sip.wire.SipMethod;
import org.sipredundancy.hal.Ipv4;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The far end of calls at a {@link SimSipServer}, as a PBX with its own extensions would be: it keeps the dialog of
 * every INVITE the server answered so a test can hang up from the far end ({@link #hangUpAll}), and it calls a
 * registered phone ({@link #call}) — an INVITE over UDP to where the binding's REGISTER came from, acknowledged when
 * the phone answers or refuses. A BYE from the phone ends the dialog. Requests go once, without retransmission: the
 * simulated network is what tests make lossy, not this side. A tool for simulations: it allocates.
 */
public final class SimCalls
{
    /** One call's dialog, as the server's side of it. */
    private record Dialog(String callId, String localUri, String localTag, String remoteUri, String remoteTag,
        String target, int remoteAddress, int remotePort, String inviteBranch)
    {
        Dialog answeredWith(final String tag, final String contact)
        {
            return new Dialog(callId, localUri, localTag, remoteUri, tag, contact.isEmpty() ? target : contact,
                remoteAddress, remotePort, inviteBranch);
        }
    }

    private final String host;
    private final int port;
    private final SimNotifier.Sender sender;
    private final Function<String, SimBinding> bindings;
    private final Map<String, Dialog> calling = new LinkedHashMap<>();
    private final Map<String, Dialog> answered = new LinkedHashMap<>();
    private final List<String> sent = new ArrayList<>();
    private final List<String> outcomes = new ArrayList<>();
    private final AsciiSequenceView view = new AsciiSequenceView();
    private long sequence;

    SimCalls(final String host, final int port, final SimNotifier.Sender sender,
        final Function<String, SimBinding> bindings)
    {
        this.host = host;
        this.port = port;
        this.sender = sender;
        this.bindings = bindings;
    }

    /**
     * Call a registered user: INVITE to its binding.
     *
     * @param user   the user called.
     * @param caller the calling extension, the From user.
     * @return the call's Call-ID, or null when the user holds no binding here.
     */
    public String call(final String user, final String caller)
    {
        final SimBinding binding = bindings.apply(user);
        if (binding == null)
        {
            return null;
        }
        sequence++;
        final String callId = "call" + sequence + "@" + host;
        final Dialog dialog = new Dialog(callId, "sip:" + caller + "@" + host, "c" + sequence,
            "sip:" + user + "@" + host, "", binding.contact(), binding.sourceAddress(), binding.sourcePort(),
            "z9hG4bKsc" + sequence);
        calling.put(callId, dialog);
        final String sdp = "v=0\r\no=- 1 1 IN IP4 " + host + "\r\ns=-\r\nc=IN IP4 " + host + "\r\nt=0 0\r\n" +
            "m=audio 40000 RTP/AVP 0\r\n";
        send("INVITE", dialog, dialog.inviteBranch(), 1, "Contact: <sip:" + caller + "@" + host + ":" + port +
            ">\r\nContent-Type: application/sdp\r\n", sdp);
        return callId;
    }

    /**
     * Hang up every answered call from the far end: a BYE in each dialog.
     *
     * @return the BYEs sent.
     */
    public int hangUpAll()
    {
        final List<Dialog> dialogs = List.copyOf(answered.values());
        answered.clear();
        for (final Dialog dialog : dialogs)
        {
            sequence++;
            send("BYE", dialog, "z9hG4bKsb" + sequence, 2, "", "");
        }
        return dialogs.size();
    }

    /**
     * A BYE in an answered call's dialog but with another From tag, as a confused or spoofing peer would send; the
     * dialog is kept.
     *
     * @param callId the call's Call-ID.
     * @param tag    the From tag to put instead of the dialog's.
     * @return false when no answered call has that Call-ID.
     */
    public boolean byeWithTag(final String callId, final String tag)
    {
        final Dialog dialog = answered.get(callId);
        if (dialog == null)
        {
            return false;
        }
        sequence++;
        send("BYE", new Dialog(callId, dialog.localUri(), tag, dialog.remoteUri(), dialog.remoteTag(),
            dialog.target(), dialog.remoteAddress(), dialog.remotePort(), ""), "z9hG4bKsb" + sequence, 2, "", "");
        return true;
    }

    /**
     * @return Call-IDs of the calls up now, either way.
     */
    public List<String> answeredCallIds()
    {
        return List.copyOf(answered.keySet());
    }

    /**
     * @return the first line and Call-ID of every request sent, in order.
     */
    public List<String> sent()
    {
        return List.copyOf(sent);
    }

    /**
     * @return what became of each call this side placed: {@code Call-ID status}, in order of the final responses.
     */
    public List<String> outcomes()
    {
        return List.copyOf(outcomes);
    }

    /** The server answered the phone's INVITE 2xx: keep the dialog with the phone. */
    void onAnswered(final SipMessageDecoder invite, final String ourTag, final int remoteAddress, final int remotePort)
    {
        final String callId = value(invite, SipHeaderName.CALL_ID);
        final String from = value(invite, SipHeaderName.FROM);
        final String to = value(invite, SipHeaderName.TO);
        final String contact = value(invite, SipHeaderName.CONTACT);
        final String remoteTag = invite.fromTag(view) ? view.toString() : "";
        answered.put(callId, new Dialog(callId, uri(to), ourTag, uri(from), remoteTag,
            contact.isEmpty() ? uri(from) : uri(contact), remoteAddress, remotePort, ""));
    }

    /** The phone sent BYE in a dialog: it is over. */
    void onBye(final String callId)
    {
        answered.remove(callId);
    }

    /** A response reached the server: acknowledge the final responses to this side's INVITEs. */
    void onResponse(final SipMessageDecoder response)
    {
        if (response.cseqMethod() != SipMethod.INVITE || response.statusCode() < 200)
        {
            return;
        }
        final Dialog dialog = calling.remove(value(response, SipHeaderName.CALL_ID));
        if (dialog == null)
        {
            return;
        }
        final int status = response.statusCode();
        outcomes.add(dialog.callId() + " " + status);
        final Dialog withTag = dialog.answeredWith(response.toTag(view) ? view.toString() : "",
            uri(value(response, SipHeaderName.CONTACT)));
        sequence++;
        send("ACK", withTag, status < 300 ? "z9hG4bKsa" + sequence : dialog.inviteBranch(), 1, "", "");
        if (status < 300)
        {
            answered.put(dialog.callId(), withTag);
        }
    }

    private void send(
        final String method, final Dialog dialog, final String branch, final long cseq, final String headers,
        final String body)
    {
        final String text = method + " " + dialog.target() + " SIP/2.0\r\n" +
            "Via: SIP/2.0/UDP " + host + ":" + port + ";branch=" + branch + "\r\nMax-Forwards: 70\r\n" +
            "From: <" + dialog.localUri() + ">;tag=" + dialog.localTag() + "\r\n" +
            "To: <" + dialog.remoteUri() + ">" + (dialog.remoteTag().isEmpty() ? "" : ";tag=" + dialog.remoteTag()) +
            "\r\nCall-ID: " + dialog.callId() + "\r\nCSeq: " + cseq + " " + method + "\r\n" + headers +
            "Content-Length: " + body.length() + "\r\n\r\n" + body;
        sent.add(method + " " + dialog.target() + " " + dialog.callId() + " to " +
            Ipv4.toString(dialog.remoteAddress()));
        sender.send(text.getBytes(StandardCharsets.US_ASCII), dialog.remoteAddress(), dialog.remotePort());
    }

    private String value(final SipMessageDecoder message, final int nameId)
    {
        final int header = message.findHeader(nameId);
        if (header < 0)
        {
            return "";
        }
        message.element(header, 0, view);
        return view.toString();
    }

    /** The URI of a name-addr or addr-spec: between the angle brackets, or up to the parameters. */
    private static String uri(final String value)
    {
        final int open = value.indexOf('<');
        if (open >= 0)
        {
            final int close = value.indexOf('>', open);
            return value.substring(open + 1, close < 0 ? value.length() : close);
        }
        final int semicolon = value.indexOf(';');
        return (semicolon < 0 ? value : value.substring(0, semicolon)).trim();
    }
}
