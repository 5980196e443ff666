package org.zmq4j.interop.curve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.zmq4j.Authenticator;
import org.zmq4j.Context;
import org.zmq4j.Curve;
import org.zmq4j.Message;
import org.zmq4j.MonitorEvent;
import org.zmq4j.Socket;
import org.zmq4j.SocketOption;
import org.zmq4j.SocketType;

/**
 * CURVE between zmq4j and libzmq 4.3 (Debian's libzmq5 through pyzmq), each in both roles: REQ/REP, PUB/SUB with a
 * filter (the subscription travels boxed in a MESSAGE), PUSH/PULL with multipart and large frames, ZAP on either
 * side admitting one client key and refusing another, and the wrong server key refused. Keys come from zmq4j's
 * {@link Curve}, so libzmq also checks zmq4j's key pairs.
 */
class CurveInteropTest {
    private static final long ZMTP_CRYPTOGRAPHIC = 0x11000001L;
    private static final Duration SHORT = Duration.ofMillis(300);

    private final Context ctx = new Context();
    private final List<Socket> sockets = new ArrayList<>();
    private final List<CurvePeer> peers = new ArrayList<>();
    private final Curve.KeyPair server = Curve.keyPair();
    private final Curve.KeyPair client = Curve.keyPair();

    @AfterEach
    void closeAll() {
        for (CurvePeer p : peers) {
            p.close();
        }
        for (Socket s : sockets) {
            s.close();
        }
        ctx.close();
    }

    private CurvePeer peer(String type, boolean bind, String endpoint, String... options) {
        CurvePeer p = CurvePeer.start(type, bind, endpoint, options);
        peers.add(p);
        return p;
    }

    private String[] libzmqServer(String... more) {
        List<String> o = new ArrayList<>(List.of("--server", server.secretKeyZ85()));
        o.addAll(List.of(more));
        return o.toArray(new String[0]);
    }

    private String[] libzmqClient(Curve.KeyPair own) {
        return new String[] {"--client", server.publicKeyZ85(), own.publicKeyZ85(), own.secretKeyZ85()};
    }

    private Socket socket(SocketType type) {
        Socket s = ctx.socket(type);
        s.set(SocketOption.LINGER, 0);
        s.set(SocketOption.RCVTIMEO, 10_000);
        s.set(SocketOption.SNDTIMEO, 10_000);
        sockets.add(s);
        return s;
    }

    private Socket zmq4jServer(SocketType type) {
        Socket s = socket(type);
        s.set(SocketOption.CURVE_SERVER, true);
        s.set(SocketOption.CURVE_SECRETKEY, server.secretKey());
        s.bind("tcp://127.0.0.1:*");
        return s;
    }

    private Socket zmq4jClient(SocketType type, String endpoint, byte[] serverKey, Curve.KeyPair own) {
        Socket s = socket(type);
        s.set(SocketOption.CURVE_SERVERKEY, serverKey);
        s.set(SocketOption.CURVE_PUBLICKEY, own.publicKey());
        s.set(SocketOption.CURVE_SECRETKEY, own.secretKey());
        s.connect(endpoint);
        return s;
    }

    /** Collects a zmq4j socket's monitor events; {@link #await} skips events of other types. */
    private static LinkedBlockingQueue<MonitorEvent> events(Socket s) {
        LinkedBlockingQueue<MonitorEvent> q = new LinkedBlockingQueue<>();
        s.monitor(q::add);
        return q;
    }

    private static MonitorEvent await(LinkedBlockingQueue<MonitorEvent> q, MonitorEvent.Type type)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        List<MonitorEvent> seen = new ArrayList<>();
        while (true) {
            MonitorEvent e = q.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (e == null) {
                throw new AssertionError("no " + type + " event; seen " + seen);
            }
            if (e.type() == type) {
                return e;
            }
            seen.add(e);
        }
    }

    private static byte[] random(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    // ---------------------------------------------------------------- REQ/REP

    @Test
    void zmq4jClientShouldTalkToALibzmqServer() {
        CurvePeer rep = peer("REP", true, "tcp://127.0.0.1:*", libzmqServer());
        Socket req = zmq4jClient(SocketType.REQ, rep.endpoint(), server.publicKey(), client);
        for (int i = 0; i < 5; i++) {
            assertTrue(req.send("hello " + i));
            assertEquals("hello " + i, rep.recvString());
            rep.send("world " + i);
            assertEquals("world " + i, req.recvStr());
        }
        byte[] large = random(1 << 20, 1);
        assertTrue(req.send(large));
        List<byte[]> got = rep.recv(CurvePeer.WAIT);
        assertNotNull(got);
        assertArrayEquals(large, got.get(got.size() - 1));
        rep.send(large);
        assertArrayEquals(large, req.recv());
    }

    @Test
    void libzmqClientShouldTalkToAZmq4jServer() {
        Socket rep = zmq4jServer(SocketType.REP);
        CurvePeer req = peer("REQ", false, rep.lastEndpoint(), libzmqClient(client));
        for (int i = 0; i < 5; i++) {
            req.send("hello " + i);
            Message m = rep.recvMessage();
            assertEquals("hello " + i, m.string(0));
            assertEquals("REQ", m.property("Socket-Type"));
            assertTrue(rep.send("world " + i));
            assertEquals("world " + i, req.recvString());
        }
        byte[] large = random((1 << 20) + 3, 2);
        req.send(large);
        assertArrayEquals(large, rep.recv());
        assertTrue(rep.send(large));
        assertArrayEquals(large, req.recv(CurvePeer.WAIT).get(0));
    }

    // ---------------------------------------------------------------- PUB/SUB

    /** zmq4j's SUBSCRIBE, boxed in a MESSAGE, must be understood by libzmq's publisher. */
    @Test
    void libzmqPublisherShouldFilterForAZmq4jSubscriber() {
        CurvePeer pub = peer("PUB", true, "tcp://127.0.0.1:*", libzmqServer());
        Socket sub = socket(SocketType.SUB);
        sub.subscribe("A");
        sub.set(SocketOption.CURVE_SERVERKEY, server.publicKey());
        sub.set(SocketOption.CURVE_PUBLICKEY, client.publicKey());
        sub.set(SocketOption.CURVE_SECRETKEY, client.secretKey());
        sub.connect(pub.endpoint());
        sub.set(SocketOption.RCVTIMEO, 50);
        int received = 0;
        for (int round = 0; round < 200 && received < 10; round++) {
            pub.send("B-" + round);
            pub.send("A-" + round);
            String s;
            while ((s = sub.recvStr()) != null) {
                assertTrue(s.startsWith("A-"), "libzmq sent a topic that was not subscribed: " + s);
                received++;
            }
        }
        assertTrue(received >= 10, "only " + received + " publications arrived");
    }

    /** libzmq's SUBSCRIBE (flags 0x02, "\x09SUBSCRIBE" topic inside the box) must reach zmq4j's publisher. */
    @Test
    void zmq4jPublisherShouldFilterForALibzmqSubscriber() {
        Socket pub = zmq4jServer(SocketType.PUB);
        CurvePeer sub = peer("SUB", false, pub.lastEndpoint(), libzmqClient(client));
        sub.subscribe("A");
        int received = 0;
        for (int round = 0; round < 200 && received < 10; round++) {
            assertTrue(pub.send("B-" + round));
            assertTrue(pub.send("A-" + round));
            List<byte[]> m;
            while ((m = sub.recv(Duration.ofMillis(50))) != null) {
                String s = new String(m.get(0), StandardCharsets.UTF_8);
                assertTrue(s.startsWith("A-"), "zmq4j sent a topic that was not subscribed: " + s);
                received++;
            }
        }
        assertTrue(received >= 10, "only " + received + " publications arrived");
    }

    // ---------------------------------------------------------------- PUSH/PULL

    @Test
    void multipartMessagesShouldCrossBothWaysWhole() {
        CurvePeer pull = peer("PULL", true, "tcp://127.0.0.1:*", libzmqServer());
        Socket push = zmq4jClient(SocketType.PUSH, pull.endpoint(), server.publicKey(), client);
        Socket zpull = zmq4jServer(SocketType.PULL);
        CurvePeer lpush = peer("PUSH", false, zpull.lastEndpoint(), libzmqClient(client));
        for (int i = 0; i < 12; i++) {
            byte[][] frames = {random(i, i), new byte[0], random(250 + i, i), random(i * 9_000, i)};
            assertTrue(push.send(Message.of(frames)));
            List<byte[]> got = pull.recv(CurvePeer.WAIT);
            assertNotNull(got, "message " + i);
            assertEquals(frames.length, got.size());
            for (int f = 0; f < frames.length; f++) {
                assertArrayEquals(frames[f], got.get(f), "zmq4j to libzmq, message " + i + " frame " + f);
            }
            lpush.send(frames);
            Message m = zpull.recvMessage();
            assertEquals(frames.length, m.size());
            for (int f = 0; f < frames.length; f++) {
                assertArrayEquals(frames[f], m.frame(f), "libzmq to zmq4j, message " + i + " frame " + f);
            }
        }
    }

    // ---------------------------------------------------------------- heartbeats

    /** PING and PONG travel boxed as commands (flags 0x02) both ways and keep an idle connection up. */
    @Test
    void heartbeatsShouldCrossTheBoxBothWays() throws InterruptedException {
        CurvePeer rep = peer("REP", true, "tcp://127.0.0.1:*", libzmqServer("--heartbeat", "100"));
        Socket req = socket(SocketType.REQ);
        LinkedBlockingQueue<MonitorEvent> events = events(req);
        req.set(SocketOption.HEARTBEAT_IVL, 100);
        req.set(SocketOption.HEARTBEAT_TIMEOUT, 300);
        req.set(SocketOption.CURVE_SERVERKEY, server.publicKey());
        req.set(SocketOption.CURVE_PUBLICKEY, client.publicKey());
        req.set(SocketOption.CURVE_SECRETKEY, client.secretKey());
        req.connect(rep.endpoint());
        await(events, MonitorEvent.Type.HANDSHAKE_SUCCEEDED);
        // An observation window, not a wait for an event: "the idle connection stays up" has no event of its own,
        // so the test lets 15 heartbeat intervals (5 timeouts) pass and then checks nothing was dropped.
        Thread.sleep(1_500);
        assertTrue(req.send("still up"));
        assertEquals("still up", rep.recvString());
        rep.send("yes");
        assertEquals("yes", req.recvStr());
        assertNull(rep.event("DISCONNECTED", Duration.ofMillis(100)));
        for (MonitorEvent e : events) {
            assertTrue(e.type() != MonitorEvent.Type.DISCONNECTED, "a heartbeat went unanswered: " + events);
        }
    }

    // ---------------------------------------------------------------- ZAP

    @Test
    void libzmqZapHandlerShouldAdmitOnlyItsKey() throws InterruptedException {
        CurvePeer rep = peer("REP", true, "tcp://127.0.0.1:*", libzmqServer("--allow", client.publicKeyZ85()));
        Socket good = zmq4jClient(SocketType.REQ, rep.endpoint(), server.publicKey(), client);
        assertTrue(good.send("let me in"));
        assertEquals("let me in", rep.recvString());
        assertEquals(client.publicKeyZ85(), rep.userId());
        rep.send("welcome");
        assertEquals("welcome", good.recvStr());

        Socket stranger = socket(SocketType.REQ);
        LinkedBlockingQueue<MonitorEvent> events = events(stranger);
        Curve.KeyPair other = Curve.keyPair();
        stranger.set(SocketOption.CURVE_SERVERKEY, server.publicKey());
        stranger.set(SocketOption.CURVE_PUBLICKEY, other.publicKey());
        stranger.set(SocketOption.CURVE_SECRETKEY, other.secretKey());
        stranger.connect(rep.endpoint());
        assertTrue(stranger.send("let me in too"));
        MonitorEvent e = await(events, MonitorEvent.Type.HANDSHAKE_FAILED_AUTH);
        assertEquals(400, e.value(), "libzmq's ERROR command carries the ZAP status");
        assertEquals(Long.valueOf(400), rep.event("HANDSHAKE_FAILED_AUTH", Duration.ofSeconds(10)));
        assertNull(rep.recv(SHORT));
    }

    @Test
    void zmq4jZapHandlerShouldAdmitOnlyItsKey() throws InterruptedException {
        try (Authenticator auth = Authenticator.start(ctx)) {
            auth.configureCurve("*", client.publicKey());
            Socket rep = zmq4jServer(SocketType.REP);
            LinkedBlockingQueue<MonitorEvent> events = events(rep);
            CurvePeer good = peer("REQ", false, rep.lastEndpoint(), libzmqClient(client));
            good.send("let me in");
            Message m = rep.recvMessage();
            assertEquals("let me in", m.string(0));
            assertEquals(client.publicKeyZ85(), m.property("User-Id"));
            assertTrue(rep.send("welcome"));
            assertEquals("welcome", good.recvString());

            CurvePeer stranger = peer("REQ", false, rep.lastEndpoint(), libzmqClient(Curve.keyPair()));
            stranger.send("let me in too");
            assertEquals(400, await(events, MonitorEvent.Type.HANDSHAKE_FAILED_AUTH).value());
            assertEquals(Long.valueOf(400), stranger.event("HANDSHAKE_FAILED_AUTH", Duration.ofSeconds(10)),
                    "zmq4j's ERROR command must carry the status to libzmq");
            rep.set(SocketOption.RCVTIMEO, 300);
            assertNull(rep.recv());
        }
    }

    // ---------------------------------------------------------------- wrong keys

    @Test
    void libzmqServerShouldRefuseAZmq4jClientWithTheWrongServerKey() {
        CurvePeer rep = peer("REP", true, "tcp://127.0.0.1:*", libzmqServer());
        Socket req = zmq4jClient(SocketType.REQ, rep.endpoint(), Curve.keyPair().publicKey(), client);
        assertTrue(req.send("secret"));
        assertEquals(Long.valueOf(ZMTP_CRYPTOGRAPHIC), rep.event("HANDSHAKE_FAILED_PROTOCOL", Duration.ofSeconds(10)));
        assertNull(rep.recv(SHORT));
    }

    @Test
    void zmq4jServerShouldRefuseALibzmqClientWithTheWrongServerKey() throws InterruptedException {
        Socket rep = zmq4jServer(SocketType.REP);
        LinkedBlockingQueue<MonitorEvent> events = events(rep);
        Curve.KeyPair fake = Curve.keyPair();
        CurvePeer req = peer("REQ", false, rep.lastEndpoint(),
                "--client", fake.publicKeyZ85(), client.publicKeyZ85(), client.secretKeyZ85());
        req.send("secret");
        assertEquals(ZMTP_CRYPTOGRAPHIC, await(events, MonitorEvent.Type.HANDSHAKE_FAILED_PROTOCOL).value());
        rep.set(SocketOption.RCVTIMEO, 300);
        assertNull(rep.recv());
    }
}
