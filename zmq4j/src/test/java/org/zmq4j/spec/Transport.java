package org.zmq4j.spec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.zmq4j.Socket;

/**
 * The transports every specification test runs over (libzmq's test_spec_* run each case per transport). Each call
 * gives an endpoint no other test uses, so tests never see each other's peers.
 */
enum Transport {
    TCP {
        @Override
        String bind(Socket socket) {
            socket.bind("tcp://127.0.0.1:*");
            return socket.lastEndpoint();
        }

        @Override
        String unboundEndpoint() {
            // The port is free when this returns; nothing else in the test JVM binds ports it did not ask for.
            try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                return "tcp://127.0.0.1:" + probe.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    },

    IPC {
        @Override
        String unboundEndpoint() {
            return "ipc://" + IpcDirectory.PATH.resolve(NEXT.incrementAndGet() + ".sock");
        }
    },

    INPROC {
        @Override
        String unboundEndpoint() {
            return "inproc://spec-" + NEXT.incrementAndGet();
        }
    };

    private static final AtomicInteger NEXT = new AtomicInteger();

    /** Binds {@code socket} to a fresh endpoint and returns the endpoint its peers connect to. */
    String bind(Socket socket) {
        String endpoint = unboundEndpoint();
        socket.bind(endpoint);
        return endpoint;
    }

    /** A fresh endpoint nothing is bound to yet, for connecting before the peer binds. */
    abstract String unboundEndpoint();

    /** One short directory for the run's ipc paths (sun_path allows 107 bytes). */
    private static final class IpcDirectory {
        static final Path PATH = create();

        private static Path create() {
            try {
                Path dir = Files.createTempDirectory("zmq4j-spec");
                dir.toFile().deleteOnExit();
                return dir;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
