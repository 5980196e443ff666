package org.zmq4j.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.zmq4j.Context;
import org.zmq4j.MonitorEvent;
import org.zmq4j.MonitorEvent.Type;
import org.zmq4j.Socket;
import org.zmq4j.SocketOption;
import org.zmq4j.SocketType;
import org.zmq4j.testing.Contexts;
import org.zmq4j.testing.MonitorProbe;
import org.zmq4j.testing.Transport;

/**
 * The monitor events of one ordinary connection, in libzmq's order (its tests/test_monitor.cpp): the binding side
 * sees LISTENING, ACCEPTED, HANDSHAKE_SUCCEEDED and, when the client goes, DISCONNECTED; the connecting side sees
 * CONNECTED (maybe after CONNECT_DELAYED) and HANDSHAKE_SUCCEEDED; both end with MONITOR_STOPPED at close. libzmq
 * documents events for tcp and ipc only.
 */
class MonitorEventSequenceTest {
    private Context ctx;

    @BeforeEach
    void createContext() {
        ctx = new Context();
    }

    @AfterEach
    void closeContext() {
        Contexts.close(ctx);
    }

    @ParameterizedTest
    @EnumSource(names = {"TCP", "IPC"})
    void shouldReportTheLifeOfAConnectionOnBothSidesInOrder(Transport transport) {
        Socket server = ctx.socket(SocketType.PULL);
        Socket client = ctx.socket(SocketType.PUSH);
        try (MonitorProbe serverEvents = MonitorProbe.attach(ctx, server);
                MonitorProbe clientEvents = MonitorProbe.attach(ctx, client)) {
            server.bind(transport.bindEndpoint());
            String endpoint = server.lastEndpoint();
            client.connect(endpoint);

            MonitorEvent listening = serverEvents.next();
            assertEquals(Type.LISTENING, listening.type());
            assertEquals(endpoint, listening.endpoint());
            assertEquals(Type.ACCEPTED, serverEvents.next().type());
            assertEquals(Type.HANDSHAKE_SUCCEEDED, serverEvents.next().type());

            MonitorEvent first = clientEvents.next();
            if (first.type() == Type.CONNECT_DELAYED) {
                first = clientEvents.next();
            }
            assertEquals(Type.CONNECTED, first.type(), "events " + clientEvents.seen());
            assertEquals(endpoint, first.endpoint());
            assertEquals(Type.HANDSHAKE_SUCCEEDED, clientEvents.next().type());

            // The connection works, and working raises no event.
            client.send("hello");
            server.set(SocketOption.RCVTIMEO, 5_000);
            assertEquals("hello", server.recvStr());

            client.close();
            assertEquals(Type.DISCONNECTED, serverEvents.next().type(), "events " + serverEvents.seen());
            // libzmq: a socket's own close ends its monitor without a DISCONNECTED for its connections.
            assertEquals(List.of(Type.MONITOR_STOPPED), typesUntilStopped(clientEvents));

            server.close();
            List<Type> last = typesUntilStopped(serverEvents);
            // libzmq may or may not report the listener's CLOSED before stopping the monitor.
            if (last.size() == 2) {
                assertEquals(Type.CLOSED, last.get(0), "events " + serverEvents.seen());
            }
            assertEquals(Type.MONITOR_STOPPED, last.get(last.size() - 1), "events " + serverEvents.seen());
            assertNull(serverEvents.next(Duration.ofMillis(50)), "nothing after MONITOR_STOPPED");
        }
    }

    /** Events up to and including MONITOR_STOPPED (at most a few). */
    private static List<Type> typesUntilStopped(MonitorProbe probe) {
        List<Type> types = new ArrayList<>();
        while (types.size() < 3) {
            Type t = probe.next().type();
            types.add(t);
            if (t == Type.MONITOR_STOPPED) {
                return types;
            }
        }
        throw new AssertionError("no MONITOR_STOPPED; events " + probe.seen());
    }
}
