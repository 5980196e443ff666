package org.zmq4j.bench.curve;

import java.nio.charset.StandardCharsets;
import org.zmq4j.Context;
import org.zmq4j.Socket;
import org.zmq4j.SocketOption;
import org.zmq4j.SocketType;

/**
 * {@code CurveHandshakes COUNT}: CURVE handshakes per second over loopback tcp, the same steps as the project's
 * C {@code curve_handshakes} over libzmq: a REP server binds; for each round a new REQ client connects with libzmq
 * perf tools' keys, makes one round trip (so the handshake is complete) and closes.
 */
public final class CurveHandshakes {
    private static final byte[] SERVER_PUBLIC = z85("DX4nh=yUn{-9ugra0X3Src4SU-4xTgqxcYY.+<SH");
    private static final byte[] SERVER_SECRET = z85("{X}#>t#jRGaQ}gMhv=30r(Mw+87YGs+5%kh=i@f8");
    private static final byte[] CLIENT_PUBLIC = z85("<n^oA}I:66W+*ds3tAmi1+KJzv-}k&fC2aA5Bj0K");
    private static final byte[] CLIENT_SECRET = z85("9R9bV}[6z6DC-%$!jTVTKvWc=LEL{4i4gzUe$@Zx");

    private CurveHandshakes() {}

    private static byte[] z85(String key) {
        return key.getBytes(StandardCharsets.US_ASCII);
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: CurveHandshakes <count>");
            System.exit(1);
        }
        int count = Integer.parseInt(args[0]);
        try (Context ctx = new Context(); Socket server = ctx.socket(SocketType.REP)) {
            server.set(SocketOption.CURVE_SECRETKEY, SERVER_SECRET);
            server.set(SocketOption.CURVE_SERVER, true);
            server.bind("tcp://127.0.0.1:*");
            String endpoint = server.lastEndpoint();
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                try (Socket client = ctx.socket(SocketType.REQ)) {
                    client.set(SocketOption.CURVE_SERVERKEY, SERVER_PUBLIC);
                    client.set(SocketOption.CURVE_PUBLICKEY, CLIENT_PUBLIC);
                    client.set(SocketOption.CURVE_SECRETKEY, CLIENT_SECRET);
                    client.set(SocketOption.LINGER, 0);
                    client.connect(endpoint);
                    client.send("hi");
                    server.recv();
                    server.send("ok");
                    client.recv();
                }
            }
            long elapsedNanos = Math.max(1, System.nanoTime() - start);
            System.out.println("handshakes: " + count);
            System.out.println("mean rate: " + (long) (count * 1e9 / elapsedNanos) + " [handshakes/s]");
        }
    }
}
