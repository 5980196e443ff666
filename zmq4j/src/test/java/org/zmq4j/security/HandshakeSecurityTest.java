package org.zmq4j.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.zmq4j.Authenticator;
import org.zmq4j.Context;
import org.zmq4j.Curve;
import org.zmq4j.Message;
import org.zmq4j.MonitorEvent;
import org.zmq4j.Socket;
import org.zmq4j.SocketOption;
import org.zmq4j.SocketType;
import org.zmq4j.ZmqException;

/**
 * Security handshakes through real connections: PLAIN (24/ZMTP-PLAIN) with a ZAP handler, NULL with a ZAP
 * domain, and libzmq's rules for a missing handler (reference §1.4), over tcp and ipc.
 */
class HandshakeSecurityTest {
    private static final int MECHANISM_MISMATCH = 0x11000002;

    @TempDir
    Path dir;

    /** Collects a socket's monitor events as they happen. */
    private static BlockingQueue<MonitorEvent> events(Socket s) {
        BlockingQueue<MonitorEvent> q = new LinkedBlockingQueue<>();
        s.monitor(q::add);
        return q;
    }

    /** Waits for an event of {@code type}, failing after 5 s; events of other types are skipped. */
    private static MonitorEvent await(BlockingQueue<MonitorEvent> q, MonitorEvent.Type type)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (true) {
            long left = deadline - System.nanoTime();
            MonitorEvent e = left > 0 ? q.poll(left, TimeUnit.NANOSECONDS) : null;
            if (e == null) {
                fail("no " + type + " event within 5 s");
            }
            if (e.type() == type) {
                return e;
            }
        }
    }

    private String endpoint(String transport) {
        return transport.equals("tcp") ? "tcp://127.0.0.1:*" : "ipc://" + dir.resolve("s.ipc");
    }

    @ParameterizedTest
    @ValueSource(strings = {"tcp", "ipc"})
    void shouldAuthenticatePlainClientsAndCarryUserIdToMessages(String transport) {
        try (Context ctx = new Context();
                Authenticator auth = Authenticator.start(ctx);
                Socket server = ctx.socket(SocketType.REP);
                Socket client = ctx.socket(SocketType.REQ)) {
            auth.configurePlain("*", Map.of("admin", "secret"));
            server.set(SocketOption.PLAIN_SERVER, true);
            server.bind(endpoint(transport));
            client.set(SocketOption.PLAIN_USERNAME, "admin");
            client.set(SocketOption.PLAIN_PASSWORD, "secret");
            client.connect(server.lastEndpoint());
            client.send("hello");
            Message request = server.recvMessage();
            assertEquals("hello", request.string(0));
            assertEquals("admin", request.property("User-Id"));
            assertEquals("REQ", request.property("Socket-Type"));
            server.send("world");
            assertEquals("world", client.recvStr());
            assertEquals(1, client.get(SocketOption.MECHANISM));
            assertTrue(server.get(SocketOption.PLAIN_SERVER));
        }
    }

    /**
     * 27/ZAP: a denied client gets the status as an ERROR command; both sides see HANDSHAKE_FAILED_AUTH with the
     * status, nothing is delivered, and the server goes on serving a good client.
     */
    @ParameterizedTest
    @ValueSource(strings = {"tcp", "ipc"})
    void shouldRejectAWrongPasswordOnBothSidesAndKeepServingGoodPeers(String transport) throws Exception {
        try (Context ctx = new Context();
                Authenticator auth = Authenticator.start(ctx);
                Socket server = ctx.socket(SocketType.PULL);
                Socket bad = ctx.socket(SocketType.PUSH);
                Socket good = ctx.socket(SocketType.PUSH)) {
            auth.configurePlain("*", Map.of("admin", "secret"));
            BlockingQueue<MonitorEvent> serverEvents = events(server);
            server.set(SocketOption.PLAIN_SERVER, true);
            server.bind(endpoint(transport));
            BlockingQueue<MonitorEvent> badEvents = events(bad);
            bad.set(SocketOption.PLAIN_USERNAME, "admin");
            bad.set(SocketOption.PLAIN_PASSWORD, "guess");
            bad.set(SocketOption.LINGER, 0);
            bad.connect(server.lastEndpoint());
            bad.send("must not arrive");
            assertEquals(400, await(badEvents, MonitorEvent.Type.HANDSHAKE_FAILED_AUTH).value());
            assertEquals(400, await(serverEvents, MonitorEvent.Type.HANDSHAKE_FAILED_AUTH).value());

            good.set(SocketOption.PLAIN_USERNAME, "admin");
            good.set(SocketOption.PLAIN_PASSWORD, "secret");
            good.connect(server.lastEndpoint());
            good.send("welcome");
            assertEquals("welcome", server.recvStr());
            server.set(SocketOption.RCVTIMEO, 200);
            assertNull(server.recv(), "the rejected client's message was never delivered");
        }
    }

    @Test
    void shouldFailAPlainServerHandshakeWithoutAZapHandler() throws Exception {
        try (Context ctx = new Context();
                Socket server = ctx.socket(SocketType.PULL);
                Socket client = ctx.socket(SocketType.PUSH)) {
            BlockingQueue<MonitorEvent> serverEvents = events(server);
            server.set(SocketOption.PLAIN_SERVER, true);
            server.bind("tcp://127.0.0.1:*");
            client.set(SocketOption.PLAIN_USERNAME, "u");
            client.set(SocketOption.PLAIN_PASSWORD, "p");
            client.set(SocketOption.LINGER, 0);
            client.connect(server.lastEndpoint());
            await(serverEvents, MonitorEvent.Type.HANDSHAKE_FAILED_NO_DETAIL);
        }
    }

    /** 37/ZMTP 3.1: "If the mechanism that the peer received does not exactly match ... it MUST close." */
    @Test
    void shouldCloseOnMechanismMismatch() throws Exception {
        try (Context ctx = new Context();
                Socket server = ctx.socket(SocketType.PULL);
                Socket client = ctx.socket(SocketType.PUSH)) {
            BlockingQueue<MonitorEvent> serverEvents = events(server);
            server.bind("tcp://127.0.0.1:*");
            BlockingQueue<MonitorEvent> clientEvents = events(client);
            client.set(SocketOption.PLAIN_USERNAME, "u");
            client.set(SocketOption.PLAIN_PASSWORD, "p");
            client.set(SocketOption.LINGER, 0);
            client.connect(server.lastEndpoint());
            assertEquals(MECHANISM_MISMATCH, await(serverEvents, MonitorEvent.Type.HANDSHAKE_FAILED_PROTOCOL).value());
            assertEquals(MECHANISM_MISMATCH, await(clientEvents, MonitorEvent.Type.HANDSHAKE_FAILED_PROTOCOL).value());
        }
    }

    @Test
    void shouldAskZapForNullPeersWhenADomainIsSet() throws Exception {
        try (Context ctx = new Context();
                Authenticator auth = Authenticator.start(ctx);
                Socket server = ctx.socket(SocketType.PULL);
                Socket client = ctx.socket(SocketType.PUSH)) {
            auth.deny("127.0.0.1");
            server.set(SocketOption.ZAP_DOMAIN, "global");
            server.bind("tcp://127.0.0.1:*");
            BlockingQueue<MonitorEvent> clientEvents = events(client);
            client.set(SocketOption.LINGER, 0);
            client.connect(server.lastEndpoint());
            assertEquals(400, await(clientEvents, MonitorEvent.Type.HANDSHAKE_FAILED_AUTH).value());
        }
    }

    @Test
    void shouldLetNullPeersInWithoutAHandlerUnlessTheDomainIsEnforced() throws Exception {
        try (Context ctx = new Context();
                Socket open = ctx.socket(SocketType.PULL);
                Socket enforced = ctx.socket(SocketType.PULL);
                Socket client = ctx.socket(SocketType.PUSH);
                Socket client2 = ctx.socket(SocketType.PUSH)) {
            open.set(SocketOption.ZAP_DOMAIN, "global");
            open.bind("tcp://127.0.0.1:*");
            client.connect(open.lastEndpoint());
            client.send("in");
            assertEquals("in", open.recvStr());

            BlockingQueue<MonitorEvent> enforcedEvents = events(enforced);
            enforced.set(SocketOption.ZAP_DOMAIN, "global");
            enforced.set(SocketOption.ZAP_ENFORCE_DOMAIN, true);
            enforced.bind("tcp://127.0.0.1:*");
            client2.set(SocketOption.LINGER, 0);
            client2.connect(enforced.lastEndpoint());
            await(enforcedEvents, MonitorEvent.Type.HANDSHAKE_FAILED_NO_DETAIL);
        }
    }

    @Test
    void shouldNameTheMissingArtifactWhenCurveIsAskedForWithoutIt() {
        // The core's own tests run without zmq4j-curve on the class path.
        assertTrue(!Curve.isAvailable());
        try (Context ctx = new Context(); Socket s = ctx.socket(SocketType.REP)) {
            ZmqException e = assertThrows(ZmqException.class, () -> s.set(SocketOption.CURVE_SERVER, true));
            assertTrue(e.getMessage().contains("zmq4j-curve"), e.getMessage());
            ZmqException k = assertThrows(ZmqException.class, Curve::keyPair);
            assertTrue(k.getMessage().contains("zmq4j-curve"), k.getMessage());
        }
    }

    @Test
    void shouldReadPlainPasswordFiles() throws Exception {
        Path passwords = dir.resolve("passwords");
        Files.writeString(passwords, "# users\nalice=wonderland\n");
        try (Context ctx = new Context();
                Authenticator auth = Authenticator.start(ctx);
                Socket server = ctx.socket(SocketType.REP);
                Socket client = ctx.socket(SocketType.REQ)) {
            auth.configurePlain("*", passwords);
            server.set(SocketOption.PLAIN_SERVER, true);
            server.bind("tcp://127.0.0.1:*");
            client.set(SocketOption.PLAIN_USERNAME, "alice");
            client.set(SocketOption.PLAIN_PASSWORD, "wonderland");
            client.connect(server.lastEndpoint());
            client.send("ping");
            assertEquals("ping", server.recvStr());
            assertEquals("alice", server.property("User-Id"));
        }
    }
}
