package org.zmq4j.internal.security;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.zmq4j.internal.util.Options;
import org.zmq4j.internal.util.SocketTypes;
import org.zmq4j.internal.zmtp.Command;
import org.zmq4j.internal.zmtp.Metadata;
import org.zmq4j.internal.zmtp.ProtocolErrors;
import org.zmq4j.internal.zmtp.ZmtpException;

/**
 * The NULL mechanism (37/ZMTP 3.1 "The NULL Security Mechanism"): each side sends READY with its metadata and
 * waits for the other's; the peer's Socket-Type is checked against the legal peer types. With a ZAP_DOMAIN set,
 * the ZAP handler is asked first and READY goes out only if it allows the peer (libzmq's null_mechanism).
 */
public final class NullMechanism implements Mechanism {
    private final Options options;
    private final ZapAuthentication zap;
    private boolean sent;
    private boolean received;
    private boolean errorSent;
    private Map<String, byte[]> peer = Map.of();

    public NullMechanism(MechanismContext ctx) {
        this.options = ctx.options();
        this.zap = new ZapAuthentication(ctx);
    }

    @Override
    public String name() {
        return "NULL";
    }

    @Override
    public boolean asServer() {
        return false; // 37/ZMTP 3.1: "When a peer uses the NULL security mechanism, the as-server field MUST be zero."
    }

    @Override
    public byte[] nextCommand() {
        if (sent || errorSent) {
            return null;
        }
        if (!options.zapDomain.isEmpty() && zap.state() == ZapAuthentication.State.IDLE) {
            zap.start("NULL", List.of(), false);
        }
        switch (zap.state()) {
            case WAITING:
            case FAILED:
                return null;
            case DENIED:
                errorSent = true;
                return zap.errorCommand();
            default:
                sent = true;
                return Command.ready(localProperties(options));
        }
    }

    /** The metadata every mechanism sends: Socket-Type, and Identity for the types libzmq sends it from. */
    public static Map<String, byte[]> localProperties(Options options) {
        Map<String, byte[]> props = new LinkedHashMap<>();
        props.put("Socket-Type", SocketTypes.name(options.type).getBytes(StandardCharsets.US_ASCII));
        if (SocketTypes.sendsIdentity(options.type)) {
            props.put("Identity", options.routingId);
        }
        return props;
    }

    @Override
    public void processCommand(byte[] body) throws ZmtpException {
        if (received) {
            throw new ZmtpException(ProtocolErrors.ZMTP_UNEXPECTED_COMMAND, "command after READY in handshake");
        }
        if (Command.is(body, Command.READY)) {
            peer = parseProperties(options, body, ProtocolErrors.ZMTP_MALFORMED_COMMAND_READY);
            received = true;
        } else if (Command.is(body, Command.ERROR)) {
            throw new HandshakeRejectedException(Command.errorReason(body));
        } else {
            throw new ZmtpException(ProtocolErrors.ZMTP_UNEXPECTED_COMMAND,
                    "unexpected command in NULL handshake: " + Command.name(body));
        }
    }

    /** Parses a READY or INITIATE body's metadata and checks the peer's Socket-Type. */
    public static Map<String, byte[]> parseProperties(Options options, byte[] body, int malformedError)
            throws ZmtpException {
        int off = Command.dataOffset(body);
        Map<String, byte[]> props = Metadata.decode(body, off, body.length - off, malformedError);
        checkSocketType(options, props);
        return props;
    }

    /** 37/ZMTP 3.1: "The peer SHOULD enforce that the other peer is using a valid socket type." */
    public static void checkSocketType(Options options, Map<String, byte[]> peer) throws ZmtpException {
        byte[] type = peer.get("Socket-Type");
        if (type == null) {
            throw new ZmtpException(ProtocolErrors.ZMTP_INVALID_METADATA, "peer sent no Socket-Type");
        }
        String name = new String(type, StandardCharsets.US_ASCII);
        int peerType = SocketTypes.byName(name);
        if (peerType < 0 || !SocketTypes.compatible(options.type, peerType)) {
            throw new ZmtpException(ProtocolErrors.ZMTP_INVALID_METADATA,
                    "peer socket type " + name + " cannot talk to " + SocketTypes.name(options.type));
        }
    }

    @Override
    public Status status() {
        if (zap.state() == ZapAuthentication.State.DENIED || zap.state() == ZapAuthentication.State.FAILED) {
            return Status.ERROR;
        }
        return sent && received ? Status.READY : Status.HANDSHAKING;
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
