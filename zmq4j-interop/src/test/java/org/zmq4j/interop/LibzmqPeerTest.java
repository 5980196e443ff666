package org.zmq4j.interop;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.zmq4j.SocketType;
import org.zmq4j.interop.LibzmqPeer.PeerOption;

/** The harness itself: the peer says which libzmq it runs, reports real endpoints, and fails loudly. */
class LibzmqPeerTest extends InteropTestSupport {
    @Test
    void shouldReportLibzmqVersionAndTheActualPortOfAWildcardBind() {
        LibzmqPeer peer = bindPeer(SocketType.PULL, "tcp://127.0.0.1:*");
        assertTrue(peer.version().matches("4\\.\\d+\\.\\d+ pyzmq .*"), peer.version());
        assertTrue(peer.endpoint().matches("tcp://127\\.0\\.0\\.1:\\d+"), peer.endpoint());
    }

    @Test
    void shouldReturnNullWhenNothingArrivesWithinAShortReceiveTimeout() {
        LibzmqPeer peer = bindPeer(SocketType.PULL, "tcp://127.0.0.1:*");
        assertNull(peer.recv(Duration.ofMillis(10)));
    }

    @Test
    void shouldFailWithThePeersStderrWhenThePeerCannotStart() {
        AssertionError e = assertThrows(AssertionError.class,
                () -> bindPeer(SocketType.PULL, "tcp://127.0.0.1:*", new PeerOption("NO_SUCH_OPTION", "1")));
        assertTrue(e.getMessage().contains("NO_SUCH_OPTION"), e.getMessage());
        assertTrue(e.getMessage().contains("exited"), e.getMessage());
    }
}
