package org.zmq4j.internal.security;

import java.util.Map;
import org.zmq4j.internal.zmtp.ZmtpException;

/**
 * A ZMTP security mechanism, driven by the engine on its I/O thread (37/ZMTP 3.1 "Authentication and
 * Confidentiality"). During the handshake the engine sends every command {@link #nextCommand()} returns, hands
 * each command from the peer to {@link #processCommand}, and looks at {@link #status()} after each step and
 * whenever the mechanism calls {@link MechanismContext#resume()} (a ZAP reply arrived). Once READY, a mechanism
 * that {@link #encryptsMessages()} turns every frame into a MESSAGE command and back.
 */
public interface Mechanism {
    /** Where the handshake stands. */
    enum Status { HANDSHAKING, READY, ERROR }

    /** The name this peer puts in its greeting, e.g. "NULL". */
    String name();

    /** The greeting's as-server flag. */
    boolean asServer();

    /** The next handshake command body to send now, or null. */
    byte[] nextCommand();

    /** Handles one handshake command from the peer; throws on anything that must end the connection. */
    void processCommand(byte[] body) throws ZmtpException;

    Status status();

    /** Why the handshake failed, once {@link #status()} is ERROR (after the ERROR command went out). */
    default ZmtpException failure() {
        return new ZmtpException(org.zmq4j.internal.zmtp.ProtocolErrors.ZMTP_UNSPECIFIED, "handshake failed");
    }

    /**
     * The peer's metadata and what ZAP added: Socket-Type, Identity, User-Id, ZAP metadata; names are
     * case-insensitive. Valid once READY.
     */
    Map<String, byte[]> peerProperties();

    /** True if messages travel as MESSAGE commands (CURVE). */
    default boolean encryptsMessages() {
        return false;
    }

    /** Wraps a frame ({@code flags}: MORE 1, COMMAND 4 as on the wire) into a MESSAGE command body. */
    default byte[] encode(byte[] body, int flags) {
        throw new UnsupportedOperationException(name() + " does not encrypt messages");
    }

    /** Unwraps a MESSAGE command body into a frame; its wire flags are then {@link #decodedFlags()}. */
    default byte[] decode(byte[] command) throws ZmtpException {
        throw new UnsupportedOperationException(name() + " does not encrypt messages");
    }

    default int decodedFlags() {
        return 0;
    }
}
