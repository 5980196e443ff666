package org.zmq4j.curve.sockets;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import org.zmq4j.curve.CurveZmqProvider;
import org.zmq4j.internal.security.Mechanism;
import org.zmq4j.internal.security.MechanismContext;
import org.zmq4j.internal.security.ZapConnector;
import org.zmq4j.internal.util.Options;
import org.zmq4j.internal.zmtp.ZmtpException;

/**
 * The other end of a CURVE connection, scripted by a test: ZMTP 3.0 framing written out here over a blocking socket
 * with a read timeout, and a CURVE mechanism (from the provider, as the engine would make it) that produces
 * well-formed commands for the test to send as they are, cut short or corrupted. Used by one test thread.
 */
final class ScriptedCurvePeer implements AutoCloseable {
    static final int MORE = 1;
    static final int COMMAND = 4;

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private final Mechanism mechanism;

    private ScriptedCurvePeer(Socket socket, Mechanism mechanism) throws IOException {
        this.socket = socket;
        this.mechanism = mechanism;
        socket.setSoTimeout(10_000);
        socket.setTcpNoDelay(true);
        this.in = new DataInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    /** Options for a CURVE client of {@code type} that knows {@code serverPublic} and owns {@code keys}. */
    static Options client(int type, byte[] serverPublic, byte[] publicKey, byte[] secretKey) {
        Options o = new Options(type);
        o.mechanism = Options.MECHANISM_CURVE;
        o.curveServerKey = serverPublic;
        o.curvePublicKey = publicKey;
        o.curveSecretKey = secretKey;
        return o;
    }

    static Options server(int type, byte[] secretKey) {
        Options o = new Options(type);
        o.mechanism = Options.MECHANISM_CURVE;
        o.asServer = true;
        o.curveSecretKey = secretKey;
        return o;
    }

    /** Connects to a zmq4j socket at {@code tcp://host:port} and exchanges greetings. */
    static ScriptedCurvePeer connect(String endpoint, Options options) {
        String hp = endpoint.substring("tcp://".length());
        int colon = hp.lastIndexOf(':');
        try {
            Socket s = new Socket();
            s.connect(new InetSocketAddress(hp.substring(0, colon), Integer.parseInt(hp.substring(colon + 1))), 5_000);
            ScriptedCurvePeer peer = new ScriptedCurvePeer(s, mechanism(options));
            peer.greet();
            return peer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Accepts the next connection on {@code listener} and exchanges greetings. */
    static ScriptedCurvePeer accept(ServerSocket listener, Options options) {
        try {
            listener.setSoTimeout(10_000);
            ScriptedCurvePeer peer = new ScriptedCurvePeer(listener.accept(), mechanism(options));
            peer.greet();
            return peer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Mechanism mechanism(Options options) {
        return new CurveZmqProvider().create(
                new MechanismContext(options, "127.0.0.1", ZapConnector.NONE, Runnable::run, () -> {}));
    }

    /** 23/ZMTP 3.0 greeting: signature, version 3.0, "CURVE", as-server, filler; then the peer's 64 octets. */
    private void greet() throws IOException {
        byte[] g = new byte[64];
        g[0] = (byte) 0xFF;
        g[9] = 0x7F;
        g[10] = 3;
        g[11] = 1;
        byte[] name = "CURVE".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(name, 0, g, 12, name.length);
        g[32] = (byte) (mechanism.asServer() ? 1 : 0);
        out.write(g);
        out.flush();
        byte[] peer = new byte[64];
        in.readFully(peer);
        if ((peer[0] & 0xFF) != 0xFF || peer[9] != 0x7F || peer[10] != 3) {
            throw new AssertionError("peer did not send a ZMTP 3 greeting");
        }
    }

    Mechanism mechanism() {
        return mechanism;
    }

    /** The mechanism's next handshake command. */
    byte[] nextCommand() {
        byte[] c = mechanism.nextCommand();
        if (c == null) {
            throw new AssertionError("the scripted mechanism has nothing to send (" + mechanism.status() + ")");
        }
        return c;
    }

    /** Reads a command frame and hands it to the mechanism. */
    void processCommand() throws ZmtpException {
        mechanism.processCommand(readCommand());
    }

    byte[] readCommand() {
        byte[][] f = readFrame();
        if ((f[0][0] & COMMAND) == 0) {
            throw new AssertionError("expected a command frame");
        }
        return f[1];
    }

    /** A MESSAGE command carrying {@code body}. */
    byte[] message(byte[] body, boolean more) {
        return mechanism.encode(body, more ? MORE : 0);
    }

    /** Sends a MESSAGE as libzmq 4.3 does: a frame with flags 0, MORE and COMMAND being inside the box. */
    void sendMessage(byte[] message) {
        sendFrame(0, message);
    }

    /** Reads the next frame, which must be a MESSAGE with frame flags 0 as libzmq sends it, and opens it. */
    byte[] readMessage() throws ZmtpException {
        byte[][] f = readFrame();
        if (f[0][0] != 0) {
            throw new AssertionError("a MESSAGE frame must have flags 0, not " + f[0][0]);
        }
        return mechanism.decode(f[1]);
    }

    void sendCommand(byte[] body) {
        sendFrame(COMMAND, body);
    }

    void sendFrame(int flags, byte[] body) {
        try {
            if (body.length > 255) {
                out.write(flags | 2);
                for (int i = 7; i >= 0; i--) {
                    out.write((int) ((long) body.length >>> (8 * i)));
                }
            } else {
                out.write(flags);
                out.write(body.length);
            }
            out.write(body);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {flags}, body. */
    byte[][] readFrame() {
        try {
            int flags = in.readUnsignedByte();
            long size = (flags & 2) != 0 ? in.readLong() : in.readUnsignedByte();
            byte[] body = new byte[Math.toIntExact(size)];
            in.readFully(body);
            return new byte[][] {{(byte) flags}, body};
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits (within the read timeout) until the zmq4j side closes the connection. */
    void awaitClosed() {
        try {
            while (in.read() >= 0) {
                // drain whatever came before the close
            }
        } catch (EOFException e) {
            // closed
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the zmq4j side did not close the connection");
        } catch (IOException e) {
            // reset: closed too
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // nothing to do
        }
    }
}
