package org.zmq4j.tools.peer;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.zmq4j.Socket;
import org.zmq4j.SocketOption;
import org.zmq4j.SocketType;
import org.zmq4j.tools.common.Arguments;
import org.zmq4j.tools.common.Endpoints;
import org.zmq4j.tools.common.UsageException;

/**
 * The command line that send and recv share: {@code TYPE (--bind|--connect) ENDPOINT...}, options, and (for send)
 * the messages.
 */
record PeerOptions(
        SocketType type,
        List<String> binds,
        List<String> connects,
        List<String> subscriptions,
        OptionalInt count,
        int timeout,
        OptionalInt linger,
        List<String> messages) {

    /** Parses {@code args}; {@code forSend} allows MESSAGE arguments, otherwise --subscribe is allowed instead. */
    static PeerOptions parse(List<String> args, boolean forSend, int defaultTimeout) {
        if (args.isEmpty() || args.get(0).startsWith("-")) {
            throw new UsageException("the first argument is the socket type (PUSH, PULL, PUB, SUB, REQ, REP, ...)");
        }
        SocketType type = Arguments.parseSocketType(args.get(0));
        List<String> binds = new ArrayList<>();
        List<String> connects = new ArrayList<>();
        List<String> subscriptions = new ArrayList<>();
        List<String> messages = new ArrayList<>();
        OptionalInt count = OptionalInt.empty();
        OptionalInt linger = OptionalInt.empty();
        int timeout = defaultTimeout;
        boolean optionsEnded = false;
        for (int i = 1; i < args.size(); i++) {
            String arg = args.get(i);
            if (optionsEnded || !arg.startsWith("--")) {
                if (!forSend) {
                    throw new UsageException("unexpected argument '" + arg + "'");
                }
                messages.add(arg);
                continue;
            }
            if (arg.equals("--")) {
                optionsEnded = true;
                continue;
            }
            if (i + 1 >= args.size()) {
                throw new UsageException(arg + " needs a value");
            }
            String value = args.get(++i);
            switch (arg) {
                case "--bind": binds.add(value); break;
                case "--connect": connects.add(value); break;
                case "--count": count = OptionalInt.of(Arguments.parseInt("--count", value, 1)); break;
                case "--timeout": timeout = Arguments.parseInt("--timeout", value, -1); break;
                case "--linger": linger = OptionalInt.of(Arguments.parseInt("--linger", value, -1)); break;
                case "--subscribe":
                    if (forSend) {
                        throw new UsageException("--subscribe is an option of recv");
                    }
                    subscriptions.add(value);
                    break;
                default: throw new UsageException("unknown option " + arg);
            }
        }
        if (binds.isEmpty() && connects.isEmpty()) {
            throw new UsageException("give at least one --bind or --connect ENDPOINT");
        }
        return new PeerOptions(type, binds, connects, subscriptions, count, timeout, linger, messages);
    }

    /** Sets LINGER ({@code defaultLinger} unless --linger was given), then binds and connects. */
    void attach(Socket socket, int defaultLinger, PrintStream err) {
        socket.set(SocketOption.LINGER, linger.orElse(defaultLinger));
        for (String endpoint : binds) {
            Endpoints.bind(socket, endpoint, err);
        }
        for (String endpoint : connects) {
            Endpoints.connect(socket, endpoint);
        }
    }
}
