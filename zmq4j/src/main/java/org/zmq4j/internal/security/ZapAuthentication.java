package org.zmq4j.internal.security;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.zmq4j.internal.zmtp.ZmtpException;

/**
 * A server mechanism's ZAP step, with libzmq's rules (reference §1.4): PLAIN must have a handler; NULL (with a
 * ZAP_DOMAIN) and CURVE pass without one unless ZAP_ENFORCE_DOMAIN is set. On a non-200 reply the mechanism sends
 * an ERROR command whose reason is the status code, except for 300 (libzmq's zap_client).
 */
public final class ZapAuthentication implements ZapClient.Callback {
    public enum State { IDLE, WAITING, ALLOWED, DENIED, FAILED }

    private final MechanismContext ctx;
    private State state = State.IDLE;
    private ZapClient client;
    private int status;
    private ZmtpException failure;
    private byte[] userId = new byte[0];
    private Map<String, byte[]> metadata = Map.of();

    public ZapAuthentication(MechanismContext ctx) {
        this.ctx = ctx;
    }

    /** Sends the request, or decides at once when no handler is bound. */
    public void start(String mechanism, List<byte[]> credentials, boolean handlerRequired) {
        client = ctx.newZapClient();
        if (!client.connect()) {
            client = null;
            if (handlerRequired || ctx.options().zapEnforceDomain) {
                failure = new NoZapHandlerException(mechanism);
                state = State.FAILED;
            } else {
                state = State.ALLOWED;
            }
            return;
        }
        state = State.WAITING;
        client.request(ctx.options().zapDomain, ctx.peerAddress(), ctx.options().routingId, mechanism, credentials,
                this);
    }

    @Override
    public void onReply(ZapClient.Reply reply) {
        closeClient();
        if (reply.status == 200) {
            state = State.ALLOWED;
            userId = reply.userId;
            metadata = reply.metadata;
        } else {
            state = State.DENIED;
            status = reply.status;
            failure = new AuthFailedException(reply.status, reply.text);
        }
        ctx.resume();
    }

    @Override
    public void onError(ZmtpException error) {
        closeClient();
        state = State.FAILED;
        failure = error;
        ctx.resume();
    }

    private void closeClient() {
        if (client != null) {
            client.close();
            client = null;
        }
    }

    public State state() {
        return state;
    }

    /** The ERROR command to send after a denial (none for 300, as libzmq). */
    public byte[] errorCommand() {
        return state == State.DENIED && status != 300
                ? org.zmq4j.internal.zmtp.Command.error(Integer.toString(status)) : null;
    }

    public ZmtpException failure() {
        return failure;
    }

    /** Adds User-Id and the handler's metadata to the peer's properties. */
    public Map<String, byte[]> decorate(Map<String, byte[]> peer) {
        Map<String, byte[]> all = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        all.putAll(peer);
        all.putAll(metadata);
        if (userId.length > 0) {
            all.put("User-Id", userId);
        }
        return all;
    }

    public void close() {
        closeClient();
    }
}
