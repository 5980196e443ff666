package org.zmq4j.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.zmq4j.Socket;
import org.zmq4j.ZmqException;

/**
 * The transports a test runs over, and fresh endpoints on each: an ephemeral TCP port on the loopback, a Unix
 * domain socket path in a new temporary directory, or a unique inproc name.
 */
public enum Transport {
    TCP,
    IPC,
    INPROC;

    private static final AtomicInteger NAMES = new AtomicInteger();

    /** An endpoint to bind; for TCP the port is chosen by the bind ({@code :*}), read LAST_ENDPOINT after. */
    public String bindEndpoint() {
        switch (this) {
            case TCP: return "tcp://127.0.0.1:*";
            case IPC: return "ipc://" + freshIpcPath();
            default: return "inproc://zmq4j-test-" + NAMES.incrementAndGet();
        }
    }

    /**
     * A concrete endpoint nobody listens on yet, for connect-before-bind: a TCP port the OS just handed out and
     * took back, a fresh path, a fresh name.
     */
    public String unusedEndpoint() {
        switch (this) {
            case TCP: return "tcp://127.0.0.1:" + freePort();
            case IPC: return "ipc://" + freshIpcPath();
            default: return "inproc://zmq4j-test-" + NAMES.incrementAndGet();
        }
    }

    /** Whether the scripted peer can speak it (a byte stream). */
    public boolean isStream() {
        return this != INPROC;
    }

    static Path freshIpcPath() {
        try {
            Path dir = Files.createTempDirectory("zmq4j-test-");
            dir.toFile().deleteOnExit();
            return dir.resolve("s");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress("127.0.0.1", 0));
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
