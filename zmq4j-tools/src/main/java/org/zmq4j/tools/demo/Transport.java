package org.zmq4j.tools.demo;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.zmq4j.Socket;

/** One transport the demo runs each pattern over: binds a socket to a fresh endpoint and says where peers connect. */
final class Transport {
    private final String name;
    private final Path ipcDirectory;
    private final AtomicInteger ipcFiles = new AtomicInteger();

    private Transport(String name, Path ipcDirectory) {
        this.name = name;
        this.ipcDirectory = ipcDirectory;
    }

    /** tcp on an ephemeral loopback port, ipc in {@code ipcDirectory}, and inproc. */
    static List<Transport> all(Path ipcDirectory) {
        return List.of(new Transport("tcp", null), new Transport("ipc", ipcDirectory), new Transport("inproc", null));
    }

    String name() {
        return name;
    }

    /** Binds {@code socket} to an endpoint for {@code role} and returns the endpoint to connect to. */
    String bind(Socket socket, String role) {
        switch (name) {
            case "tcp":
                socket.bind("tcp://127.0.0.1:*");
                return socket.lastEndpoint();
            case "ipc":
                String endpoint = "ipc://" + ipcDirectory.resolve(role + "-" + ipcFiles.incrementAndGet() + ".ipc");
                socket.bind(endpoint);
                return endpoint;
            default:
                socket.bind("inproc://" + role);
                return "inproc://" + role;
        }
    }
}
