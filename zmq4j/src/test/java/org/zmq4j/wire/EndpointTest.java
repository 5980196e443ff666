package org.zmq4j.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zmq4j.Context;
import org.zmq4j.Socket;
import org.zmq4j.SocketOption;
import org.zmq4j.SocketType;
import org.zmq4j.ZmqException;

/** Endpoint forms a user writes (reference §1.2): wildcards, ephemeral ports, IPv6, host names, sources, errors. */
class EndpointTest {
    @TempDir
    Path dir;

    private static void roundTrip(Socket rep, Socket req) {
        req.send("ping");
        assertEquals("ping", rep.recvStr());
        rep.send("pong");
        assertEquals("pong", req.recvStr());
    }

    @Test
    void shouldBindAnEphemeralPortOnAllInterfacesAndReportIt() {
        try (Context ctx = new Context();
                Socket rep = ctx.socket(SocketType.REP);
                Socket req = ctx.socket(SocketType.REQ)) {
            rep.bind("tcp://*:*");
            String ep = rep.lastEndpoint();
            assertTrue(ep.matches("tcp://0\\.0\\.0\\.0:\\d+"), ep);
            req.connect("tcp://127.0.0.1:" + ep.substring(ep.lastIndexOf(':') + 1));
            roundTrip(rep, req);
        }
    }

    @Test
    void shouldSpeakOverIpv6WhenAsked() {
        try (Context ctx = new Context();
                Socket rep = ctx.socket(SocketType.REP);
                Socket req = ctx.socket(SocketType.REQ)) {
            rep.set(SocketOption.IPV6, true);
            rep.bind("tcp://[::1]:*");
            assertTrue(rep.lastEndpoint().startsWith("tcp://[::1]:"), rep.lastEndpoint());
            req.set(SocketOption.IPV6, true);
            req.connect(rep.lastEndpoint());
            roundTrip(rep, req);
        }
    }

    @Test
    void shouldRefuseAnIpv6AddressWithoutTheIpv6Option() {
        try (Context ctx = new Context(); Socket rep = ctx.socket(SocketType.REP)) {
            ZmqException e = assertThrows(ZmqException.class, () -> rep.bind("tcp://[::1]:*"));
            assertEquals(ZmqException.EINVAL, e.errorCode());
        }
    }

    @Test
    void shouldConnectByHostNameAndFromASourceAddress() {
        try (Context ctx = new Context();
                Socket rep = ctx.socket(SocketType.REP);
                Socket byName = ctx.socket(SocketType.REQ);
                Socket fromSource = ctx.socket(SocketType.REQ)) {
            rep.bind("tcp://127.0.0.1:*");
            String port = rep.lastEndpoint().substring(rep.lastEndpoint().lastIndexOf(':') + 1);
            byName.connect("tcp://localhost:" + port);
            roundTrip(rep, byName);
            fromSource.connect("tcp://127.0.0.1:0;127.0.0.1:" + port);
            roundTrip(rep, fromSource);
        }
    }

    @Test
    void shouldUnbindByTheReportedEndpointAndFreeThePort() {
        try (Context ctx = new Context();
                Socket a = ctx.socket(SocketType.PULL);
                Socket b = ctx.socket(SocketType.PULL)) {
            a.bind("tcp://127.0.0.1:*");
            String ep = a.lastEndpoint();
            a.unbind(ep);
            b.bind(ep);
            assertEquals(ep, b.lastEndpoint());
            ZmqException e = assertThrows(ZmqException.class, () -> a.unbind(ep));
            assertEquals(ZmqException.ENOENT, e.errorCode());
        }
    }

    @Test
    void shouldRefuseAnAddressInUse() {
        try (Context ctx = new Context();
                Socket a = ctx.socket(SocketType.PULL);
                Socket b = ctx.socket(SocketType.PULL)) {
            a.bind("tcp://127.0.0.1:*");
            ZmqException e = assertThrows(ZmqException.class, () -> b.bind(a.lastEndpoint()));
            assertEquals(ZmqException.EADDRINUSE, e.errorCode());
            b.bind("inproc://taken");
            ZmqException i = assertThrows(ZmqException.class, () -> a.bind("inproc://taken"));
            assertEquals(ZmqException.EADDRINUSE, i.errorCode());
        }
    }

    @Test
    void shouldRejectMalformedEndpointsWithClearErrors() {
        try (Context ctx = new Context(); Socket s = ctx.socket(SocketType.PUSH)) {
            assertEquals(ZmqException.EINVAL,
                    assertThrows(ZmqException.class, () -> s.connect("tcp://127.0.0.1")).errorCode());
            assertEquals(ZmqException.EINVAL,
                    assertThrows(ZmqException.class, () -> s.connect("tcp://127.0.0.1:*")).errorCode());
            assertEquals(ZmqException.EINVAL,
                    assertThrows(ZmqException.class, () -> s.connect("tcp://127.0.0.1:99999")).errorCode());
            assertEquals(ZmqException.EINVAL,
                    assertThrows(ZmqException.class, () -> s.connect("no-scheme")).errorCode());
            assertEquals(ZmqException.EPROTONOSUPPORT,
                    assertThrows(ZmqException.class, () -> s.connect("udp://127.0.0.1:5555")).errorCode());
            assertEquals(ZmqException.EINVAL, assertThrows(ZmqException.class,
                    () -> s.connect("tcp://no-such-host.invalid:5555")).errorCode());
        }
    }

    /** Linux's abstract namespace cannot be reached from the JVM: refused at once, saying why. */
    @Test
    void shouldRefuseAbstractIpcNamesWithAReason() {
        try (Context ctx = new Context(); Socket s = ctx.socket(SocketType.PULL)) {
            ZmqException e = assertThrows(ZmqException.class, () -> s.bind("ipc://@zmq4j-abstract"));
            assertEquals(ZmqException.EPROTONOSUPPORT, e.errorCode());
            assertTrue(e.getMessage().contains("abstract"), e.getMessage());
        }
    }

    @Test
    void shouldBindAGeneratedIpcPathAndAPathThatIsReboundAfterClose() {
        try (Context ctx = new Context();
                Socket rep = ctx.socket(SocketType.REP);
                Socket req = ctx.socket(SocketType.REQ)) {
            rep.bind("ipc://*");
            assertTrue(rep.lastEndpoint().startsWith("ipc:///"), rep.lastEndpoint());
            req.connect(rep.lastEndpoint());
            roundTrip(rep, req);
            String path = "ipc://" + dir.resolve("again.ipc");
            try (Socket first = ctx.socket(SocketType.PULL)) {
                first.bind(path);
            }
            try (Socket second = ctx.socket(SocketType.PULL); Socket push = ctx.socket(SocketType.PUSH)) {
                second.bind(path);
                push.connect(path);
                push.send("after rebind");
                assertEquals("after rebind", second.recvStr());
            }
        }
    }
}
