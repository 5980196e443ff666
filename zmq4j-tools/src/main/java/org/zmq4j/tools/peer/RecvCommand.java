package org.zmq4j.tools.peer;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.zmq4j.Context;
import org.zmq4j.Message;
import org.zmq4j.Socket;
import org.zmq4j.SocketOption;
import org.zmq4j.SocketType;
import org.zmq4j.tools.common.Command;
import org.zmq4j.tools.common.Terminal;
import org.zmq4j.tools.common.UsageException;

/**
 * {@code zmq4j recv}: prints each message received on a socket of any type that can receive, one per line; a REP
 * echoes each request back.
 */
public final class RecvCommand implements Command {
    private static final int DEFAULT_LINGER_MS = 1_000;

    @Override
    public String name() {
        return "recv";
    }

    @Override
    public List<String> usage() {
        return List.of(
                "recv TYPE (--bind|--connect) ENDPOINT... [--subscribe PREFIX]... [--count N] [--timeout MS]"
                        + " [--linger MS]",
                "  prints each message received on one line, frames separated by tabs, a frame that is not",
                "  printable text as 0xHEX. Stops after N messages, or when none came for MS ms (exit 1 if that",
                "  was before N). SUB subscribes to PREFIX, or to everything without --subscribe; REP echoes",
                "  each request.");
    }

    @Override
    public int run(List<String> args, Terminal terminal) {
        PeerOptions options = PeerOptions.parse(args, false, -1);
        SocketType type = options.type();
        if (type == SocketType.PUSH || type == SocketType.PUB) {
            throw new UsageException("a " + type + " socket cannot receive; use send");
        }
        if (type == SocketType.REQ) {
            throw new UsageException("a REQ socket sends first; use send");
        }
        boolean subscriber = type == SocketType.SUB || type == SocketType.XSUB;
        if (!subscriber && !options.subscriptions().isEmpty()) {
            throw new UsageException("--subscribe is for SUB and XSUB sockets");
        }
        List<String> prefixes = options.subscriptions().isEmpty() ? List.of("") : options.subscriptions();
        int defaultLinger = options.timeout() >= 0 ? options.timeout() : DEFAULT_LINGER_MS;
        try (Context ctx = new Context(); Socket socket = ctx.socket(type)) {
            socket.set(SocketOption.RCVTIMEO, options.timeout());
            if (type == SocketType.SUB) {
                prefixes.forEach(socket::subscribe);
            }
            options.attach(socket, defaultLinger, terminal.err());
            if (type == SocketType.XSUB) {
                for (String prefix : prefixes) {
                    byte[] p = prefix.getBytes(StandardCharsets.UTF_8);
                    byte[] subscribe = new byte[p.length + 1];
                    subscribe[0] = 1;
                    System.arraycopy(p, 0, subscribe, 1, p.length);
                    socket.send(subscribe);
                }
            }
            int received = 0;
            while (options.count().isEmpty() || received < options.count().getAsInt()) {
                Message message = socket.recvMessage();
                if (message == null) {
                    if (options.count().isEmpty()) {
                        return EXIT_OK;
                    }
                    terminal.err().printf("zmq4j recv: nothing came for %d ms; received %d of %d messages%n",
                            options.timeout(), received, options.count().getAsInt());
                    return EXIT_FAILURE;
                }
                Output.print(terminal.out(), message);
                received++;
                if (type == SocketType.REP) {
                    socket.send(message);
                }
            }
        }
        return EXIT_OK;
    }
}
