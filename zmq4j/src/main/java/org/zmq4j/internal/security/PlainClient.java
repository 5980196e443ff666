package org.zmq4j.internal.security;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.zmq4j.internal.util.Options;
import org.zmq4j.internal.zmtp.Command;
import org.zmq4j.internal.zmtp.Metadata;
import org.zmq4j.internal.zmtp.ProtocolErrors;
import org.zmq4j.internal.zmtp.ZmtpException;

/**
 * The client side of PLAIN (24/ZMTP-PLAIN): HELLO with username and password, then, after WELCOME, INITIATE with
 * the metadata, and READY from the server completes the handshake.
 *
 * <pre>
 * hello    = %d5 "HELLO" username-size(1) username password-size(1) password
 * welcome  = %d7 "WELCOME"
 * initiate = %d8 "INITIATE" metadata
 * ready    = %d5 "READY" metadata
 * </pre>
 */
public final class PlainClient implements Mechanism {
    private enum State { SEND_HELLO, WAIT_WELCOME, SEND_INITIATE, WAIT_READY, READY }

    private final Options options;
    private State state = State.SEND_HELLO;
    private Map<String, byte[]> peer = Map.of();

    public PlainClient(MechanismContext ctx) {
        this.options = ctx.options();
    }

    @Override
    public String name() {
        return "PLAIN";
    }

    @Override
    public boolean asServer() {
        return false;
    }

    @Override
    public byte[] nextCommand() {
        if (state == State.SEND_HELLO) {
            state = State.WAIT_WELCOME;
            byte[] user = options.plainUsername.getBytes(StandardCharsets.UTF_8);
            byte[] pass = options.plainPassword.getBytes(StandardCharsets.UTF_8);
            byte[] data = new byte[2 + user.length + pass.length];
            data[0] = (byte) user.length;
            System.arraycopy(user, 0, data, 1, user.length);
            data[1 + user.length] = (byte) pass.length;
            System.arraycopy(pass, 0, data, 2 + user.length, pass.length);
            return Command.encode(Command.HELLO, data);
        }
        if (state == State.SEND_INITIATE) {
            state = State.WAIT_READY;
            return Command.encode(Command.INITIATE, Metadata.encode(NullMechanism.localProperties(options)));
        }
        return null;
    }

    @Override
    public void processCommand(byte[] body) throws ZmtpException {
        if (Command.is(body, Command.ERROR)) {
            throw new HandshakeRejectedException(Command.errorReason(body));
        }
        if (state == State.WAIT_WELCOME && Command.is(body, Command.WELCOME)) {
            if (body.length != Command.dataOffset(body)) {
                throw new ZmtpException(ProtocolErrors.ZMTP_MALFORMED_COMMAND_WELCOME, "PLAIN WELCOME has a body");
            }
            state = State.SEND_INITIATE;
        } else if (state == State.WAIT_READY && Command.is(body, Command.READY)) {
            peer = NullMechanism.parseProperties(options, body, ProtocolErrors.ZMTP_MALFORMED_COMMAND_READY);
            state = State.READY;
        } else {
            throw new ZmtpException(ProtocolErrors.ZMTP_UNEXPECTED_COMMAND,
                    "unexpected " + Command.name(body) + " in PLAIN handshake (" + state + ")");
        }
    }

    @Override
    public Status status() {
        return state == State.READY ? Status.READY : Status.HANDSHAKING;
    }

    @Override
    public Map<String, byte[]> peerProperties() {
        return peer;
    }
}
