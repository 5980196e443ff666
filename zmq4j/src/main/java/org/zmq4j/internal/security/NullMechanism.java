package org.zmq4j.internal.security;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.zmq4j.internal.util.Options;
import org.zmq4j.internal.util.SocketTypes;
import org.zmq4j.internal.zmtp.Command;
import org.zmq4j.internal.zmtp.Metadata;
import org.zmq4j.internal.zmtp.ProtocolErrors;
import org.zmq4j.internal.zmtp.ZmtpException;

/**
 * The NULL mechanism (37/ZMTP 3.1 "The NULL Security Mechanism"): each side sends READY with its metadata and
 * waits for the other's; the peer's Socket-Type is checked against the legal peer types.
 */
public final class NullMechanism implements Mechanism {
    private final Options options;
    private boolean sent;
    private boolean received;
    private Map<String, byte[]> peer = Map.of();

    public NullMechanism(Options options) {
        this.options = options;
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
        if (sent) {
            return null;
        }
        sent = true;
        return Command.ready(localProperties(options));
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
            int off = Command.dataOffset(body);
            peer = Metadata.decode(body, off, body.length - off, ProtocolErrors.ZMTP_MALFORMED_COMMAND_READY);
            checkSocketType(options, peer);
            received = true;
        } else if (Command.is(body, Command.ERROR)) {
            throw new HandshakeRejectedException(Command.errorReason(body));
        } else {
            throw new ZmtpException(ProtocolErrors.ZMTP_UNEXPECTED_COMMAND,
                    "unexpected command in NULL handshake: " + Command.name(body));
        }
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
    public boolean isReady() {
        return sent && received;
    }

    @Override
    public Map<String, byte[]> peerProperties() {
        return peer;
    }
}
