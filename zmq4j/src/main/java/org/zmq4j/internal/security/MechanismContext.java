package org.zmq4j.internal.security;

import java.util.concurrent.Executor;
import org.zmq4j.internal.util.Options;

/**
 * What a mechanism may use from its connection: the socket's options, the peer's address, the way to its
 * context's ZAP handler, and {@link #resume()} to make the engine look at the handshake again after an
 * asynchronous step (a ZAP reply). Everything runs on the connection's I/O thread.
 */
public final class MechanismContext {
    private final Options options;
    private final String peerAddress;
    private final ZapConnector zapConnector;
    private final Executor io;
    private final Runnable resume;

    public MechanismContext(Options options, String peerAddress, ZapConnector zapConnector, Executor io,
            Runnable resume) {
        this.options = options;
        this.peerAddress = peerAddress;
        this.zapConnector = zapConnector;
        this.io = io;
        this.resume = resume;
    }

    public Options options() {
        return options;
    }

    /** The peer's IP address as 27/ZAP asks (dotted IPv4 or canonical IPv6); empty for ipc. */
    public String peerAddress() {
        return peerAddress;
    }

    public ZapClient newZapClient() {
        return new ZapClient(zapConnector, io);
    }

    /** Asks the engine to continue the handshake (send what is due, check the status). */
    public void resume() {
        resume.run();
    }
}
