package org.zmq4j.internal.security;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.zmq4j.internal.util.Options;
import org.zmq4j.internal.zmtp.Command;
import org.zmq4j.internal.zmtp.Metadata;
import org.zmq4j.internal.zmtp.ProtocolErrors;
import org.zmq4j.internal.zmtp.ZmtpException;

/**
 * The server side of PLAIN (24/ZMTP-PLAIN): takes HELLO, asks the ZAP handler (which PLAIN requires, as libzmq),
 * answers WELCOME or ERROR, then takes INITIATE and answers READY. See {@link PlainClient} for the commands.
 */
public final class PlainServer implements Mechanism {
    private enum State { WAIT_HELLO, AUTHENTICATING, WAIT_INITIATE, SEND_READY, READY }

    private final Options options;
    private final ZapAuthentication zap;
    private State state = State.WAIT_HELLO;
    private boolean errorSent;
    private Map<String, byte[]> peer = Map.of();

    public PlainServer(MechanismContext ctx) {
        this.options = ctx.options();
        this.zap = new ZapAuthentication(ctx);
    }

    @Override
    public String name() {
        return "PLAIN";
    }

    @Override
    public boolean asServer() {
        return true;
    }

    @Override
    public byte[] nextCommand() {
        if (state == State.AUTHENTICATING) {
            switch (zap.state()) {
                case ALLOWED:
                    state = State.WAIT_INITIATE;
                    return Command.encode(Command.WELCOME, new byte[0]);
                case DENIED:
                    if (!errorSent) {
                        errorSent = true;
                        return zap.errorCommand();
                    }
                    return null;
                default:
                    return null;
            }
        }
        if (state == State.SEND_READY) {
            state = State.READY;
            return Command.encode(Command.READY, Metadata.encode(NullMechanism.localProperties(options)));
        }
        return null;
    }

    @Override
    public void processCommand(byte[] body) throws ZmtpException {
        if (state == State.WAIT_HELLO && Command.is(body, Command.HELLO)) {
            int off = Command.dataOffset(body);
            if (off >= body.length) {
                throw new ZmtpException(ProtocolErrors.ZMTP_MALFORMED_COMMAND_HELLO, "PLAIN HELLO without username");
            }
            int ulen = body[off] & 0xFF;
            int poff = off + 1 + ulen;
            if (poff >= body.length || poff + 1 + (body[poff] & 0xFF) != body.length) {
                throw new ZmtpException(ProtocolErrors.ZMTP_MALFORMED_COMMAND_HELLO, "malformed PLAIN HELLO");
            }
            byte[] user = Arrays.copyOfRange(body, off + 1, poff);
            byte[] pass = Arrays.copyOfRange(body, poff + 1, body.length);
            state = State.AUTHENTICATING;
            zap.start("PLAIN", List.of(user, pass), true);
        } else if (state == State.WAIT_INITIATE && Command.is(body, Command.INITIATE)) {
            peer = NullMechanism.parseProperties(options, body, ProtocolErrors.ZMTP_MALFORMED_COMMAND_INITIATE);
            state = State.SEND_READY;
        } else if (Command.is(body, Command.ERROR)) {
            throw new HandshakeRejectedException(Command.errorReason(body));
        } else {
            throw new ZmtpException(ProtocolErrors.ZMTP_UNEXPECTED_COMMAND,
                    "unexpected " + Command.name(body) + " in PLAIN handshake (" + state + ")");
        }
    }

    @Override
    public Status status() {
        ZapAuthentication.State z = zap.state();
        if (z == ZapAuthentication.State.DENIED || z == ZapAuthentication.State.FAILED) {
            return Status.ERROR;
        }
        return state == State.READY ? Status.READY : Status.HANDSHAKING;
    }

    @Override
    public ZmtpException failure() {
        return zap.failure();
    }

    @Override
    public Map<String, byte[]> peerProperties() {
        return zap.decorate(peer);
    }
}
