package org.zmq4j.tools.demo;

import java.io.PrintStream;
import org.zmq4j.Context;
import org.zmq4j.Socket;
import org.zmq4j.SocketOption;
import org.zmq4j.SocketType;
import org.zmq4j.tools.common.BackgroundTask;

/** The Guide's hwclient and hwserver: a REQ client sends "Hello", a REP server answers "World". */
final class HelloWorld {
    static final int REQUESTS = 5;

    private HelloWorld() {}

    static void run(Transport transport, PrintStream out) throws InterruptedException {
        try (Context ctx = new Context(); Socket client = ctx.socket(SocketType.REQ)) {
            Socket server = ctx.socket(SocketType.REP);
            String endpoint = transport.bind(server, "hwserver");
            BackgroundTask<Void> serverTask = BackgroundTask.start("hwserver", () -> serve(server));
            out.printf("  %s: the server binds %s, the client connects%n", transport.name(), endpoint);
            client.set(SocketOption.RCVTIMEO, Demo.TIMEOUT_MS);
            client.connect(endpoint);
            StringBuilder exchanges = new StringBuilder("    ");
            for (int i = 0; i < REQUESTS; i++) {
                client.send("Hello");
                String reply = client.recvStr();
                if (reply == null) {
                    throw new IllegalStateException("hwclient: no reply within " + Demo.TIMEOUT_MS + " ms");
                }
                exchanges.append(i == 0 ? "" : ", ").append("Hello ").append(i).append(" -> ").append(reply);
            }
            out.println(exchanges);
            serverTask.join(Demo.TIMEOUT);
        }
    }

    private static Void serve(Socket server) {
        try (server) {
            for (int i = 0; i < REQUESTS; i++) {
                String request = server.recvStr();
                if (!"Hello".equals(request)) {
                    throw new IllegalStateException("hwserver: expected Hello, received " + request);
                }
                server.send("World");
            }
        }
        return null;
    }
}
