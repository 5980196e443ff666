package org.zmq4j.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.zmq4j.Authenticator;
import org.zmq4j.Message;
import org.zmq4j.MonitorEvent;
import org.zmq4j.Socket;
import org.zmq4j.SocketOption;
import org.zmq4j.SocketType;
import org.zmq4j.interop.LibzmqPeer.PeerOption;

/**
 * PLAIN (24/ZMTP-PLAIN) between zmq4j and libzmq, each as client and as server, with the server's ZAP handler in
 * its own process: zmq4j's {@link Authenticator}, or pyzmq's ThreadAuthenticator beside libzmq.
 */
class PlainInteropTest extends InteropTestSupport {
    private static PeerOption text(String name, String value) {
        return new PeerOption(name, LibzmqPeer.hexFrame(value.getBytes(StandardCharsets.UTF_8)));
    }

    private static PeerOption libzmqAllows(String user, String password) {
        return text("AUTH_PLAIN", user + ":" + password);
    }

    @ParameterizedTest
    @MethodSource("transports")
    void shouldAuthenticateAZmq4jPlainClientAtALibzmqServer(Transport transport) {
        LibzmqPeer server = bindPeer(SocketType.REP, bindEndpoint(transport), libzmqAllows("admin", "secret"),
                new PeerOption("PLAIN_SERVER", "1"));
        Socket client = socket(SocketType.REQ);
        client.set(SocketOption.PLAIN_USERNAME, "admin");
        client.set(SocketOption.PLAIN_PASSWORD, "secret");
        client.connect(server.endpoint());
        client.send("hello");
        assertEquals("hello", server.recv().string(0));
        server.send("world");
        assertEquals("world", receive(client).string(0));
    }

    /** 27/ZAP: the libzmq server refuses a wrong password, and zmq4j reports the status it sent in ERROR. */
    @ParameterizedTest
    @MethodSource("transports")
    void shouldSeeALibzmqServerRefuseAWrongPassword(Transport transport) {
        LibzmqPeer server = bindPeer(SocketType.PULL, bindEndpoint(transport), libzmqAllows("admin", "secret"),
                new PeerOption("PLAIN_SERVER", "1"));
        Socket client = socket(SocketType.PUSH);
        EventLog events = new EventLog(client);
        client.set(SocketOption.PLAIN_USERNAME, "admin");
        client.set(SocketOption.PLAIN_PASSWORD, "guess");
        client.connect(server.endpoint());
        client.send("must not arrive");
        assertEquals(400, events.await(MonitorEvent.Type.HANDSHAKE_FAILED_AUTH).value());
        assertNull(server.recv(Duration.ofMillis(300)), "nothing is delivered");
    }

    @ParameterizedTest
    @MethodSource("transports")
    void shouldAuthenticateALibzmqPlainClientAtAZmq4jServer(Transport transport) {
        try (Authenticator auth = Authenticator.start(context)) {
            auth.configurePlain("*", Map.of("admin", "secret"));
            Socket server = socket(SocketType.REP);
            server.set(SocketOption.PLAIN_SERVER, true);
            server.bind(bindEndpoint(transport));
            LibzmqPeer client = connectPeer(SocketType.REQ, server.lastEndpoint(),
                    text("PLAIN_USERNAME", "admin"), text("PLAIN_PASSWORD", "secret"));
            client.send("hello");
            Message request = receive(server);
            assertEquals("hello", request.string(0));
            assertEquals("admin", request.property("User-Id"));
            server.send("world");
            assertEquals("world", client.recv().string(0));
        }
    }

    @ParameterizedTest
    @MethodSource("transports")
    void shouldRefuseALibzmqClientWithAWrongPasswordAndServeAGoodOne(Transport transport) {
        try (Authenticator auth = Authenticator.start(context)) {
            auth.configurePlain("*", Map.of("admin", "secret"));
            Socket server = socket(SocketType.PULL);
            EventLog events = new EventLog(server);
            server.set(SocketOption.PLAIN_SERVER, true);
            server.bind(bindEndpoint(transport));
            // The refused libzmq client sends nothing: once refused, libzmq drops that connection's pipe, so a send
            // would block or not depending on whether it ran before the refusal.
            connectPeer(SocketType.PUSH, server.lastEndpoint(),
                    text("PLAIN_USERNAME", "admin"), text("PLAIN_PASSWORD", "guess"));
            assertEquals(400, events.await(MonitorEvent.Type.HANDSHAKE_FAILED_AUTH).value());
            LibzmqPeer good = connectPeer(SocketType.PUSH, server.lastEndpoint(),
                    text("PLAIN_USERNAME", "admin"), text("PLAIN_PASSWORD", "secret"));
            good.send("welcome");
            assertEquals("welcome", receive(server).string(0));
        }
    }
}
