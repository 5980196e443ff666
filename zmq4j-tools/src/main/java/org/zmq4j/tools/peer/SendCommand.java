package org.zmq4j.tools.peer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
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
 * {@code zmq4j send}: sends messages from the arguments or from stdin lines on a socket of any type that can send;
 * a REQ prints each reply, a REP waits for each request, prints it and answers with the next message.
 */
public final class SendCommand implements Command {
    private static final int DEFAULT_TIMEOUT_MS = 10_000;

    @Override
    public String name() {
        return "send";
    }

    @Override
    public List<String> usage() {
        return List.of(
                "send TYPE (--bind|--connect) ENDPOINT... [--count N] [--timeout MS] [--linger MS] [MESSAGE...]",
                "  sends each MESSAGE (N times over with --count), or else each line of stdin; tabs separate the",
                "  frames of a message and a frame written 0xHEX is those bytes. REQ prints each reply; REP",
                "  prints each request and answers it with the next message. --timeout (default 10000, -1 =",
                "  forever) bounds each send, each wait for a reply or request, and (as LINGER, unless --linger",
                "  is given) the delivery of queued messages at exit.");
    }

    @Override
    public int run(List<String> args, Terminal terminal) {
        PeerOptions options = PeerOptions.parse(args, true, DEFAULT_TIMEOUT_MS);
        SocketType type = options.type();
        if (type == SocketType.SUB || type == SocketType.PULL) {
            throw new UsageException("a " + type + " socket cannot send; use recv");
        }
        if (options.count().isPresent() && options.messages().isEmpty()) {
            throw new UsageException("--count repeats the MESSAGE arguments; give at least one");
        }
        try (Context ctx = new Context(); Socket socket = ctx.socket(type)) {
            socket.set(SocketOption.SNDTIMEO, options.timeout());
            socket.set(SocketOption.RCVTIMEO, options.timeout());
            options.attach(socket, options.timeout(), terminal.err());
            if (!options.messages().isEmpty()) {
                for (int round = 0; round < options.count().orElse(1); round++) {
                    for (String text : options.messages()) {
                        if (!exchange(socket, text, options.timeout(), terminal)) {
                            return EXIT_FAILURE;
                        }
                    }
                }
            } else {
                BufferedReader in = new BufferedReader(new InputStreamReader(terminal.in(), StandardCharsets.UTF_8));
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    if (!exchange(socket, line, options.timeout(), terminal)) {
                        return EXIT_FAILURE;
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read stdin: " + e.getMessage(), e);
        }
        return EXIT_OK;
    }

    /** Sends one message with whatever the socket type needs around it; false (reported) if it timed out. */
    private static boolean exchange(Socket socket, String text, int timeout, Terminal terminal) {
        if (socket.type() == SocketType.REP) {
            Message request = socket.recvMessage();
            if (request == null) {
                terminal.err().println("zmq4j send: no request came within " + timeout + " ms");
                return false;
            }
            Output.print(terminal.out(), request);
        }
        if (!socket.send(FrameText.parse(text))) {
            terminal.err().println("zmq4j send: could not send within " + timeout + " ms (is a peer connected?)");
            return false;
        }
        if (socket.type() == SocketType.REQ) {
            Message reply = socket.recvMessage();
            if (reply == null) {
                terminal.err().println("zmq4j send: no reply came within " + timeout + " ms");
                return false;
            }
            Output.print(terminal.out(), reply);
        }
        return true;
    }
}
