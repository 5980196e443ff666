package org.zmq4j.internal.security;

import java.util.Map;
import org.zmq4j.internal.zmtp.ZmtpException;

/**
 * A ZMTP security mechanism's handshake, driven by the engine on its I/O thread (37/ZMTP 3.1 "Authentication and
 * Confidentiality"): the engine sends {@link #nextCommand()} whenever it returns one, hands every command the
 * peer sends to {@link #processCommand}, and starts passing messages once {@link #isReady()}.
 */
public interface Mechanism {
    /** The name this peer puts in its greeting, e.g. "NULL". */
    String name();

    /** The greeting's as-server flag. */
    boolean asServer();

    /** The next handshake command body to send now, or null. */
    byte[] nextCommand();

    /** Handles one handshake command from the peer; throws on anything that must end the connection. */
    void processCommand(byte[] body) throws ZmtpException;

    boolean isReady();

    /** The peer's metadata (Socket-Type, Identity, ...), case-insensitive names; valid once ready. */
    Map<String, byte[]> peerProperties();
}
