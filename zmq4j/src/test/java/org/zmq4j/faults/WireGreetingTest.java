package org.zmq4j.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.zmq4j.testing.ScriptedZmtpPeer.wire;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.zmq4j.Context;
import org.zmq4j.Socket;
import org.zmq4j.SocketOption;
import org.zmq4j.SocketType;
import org.zmq4j.testing.Contexts;
import org.zmq4j.testing.ScriptedZmtpPeer;
import org.zmq4j.testing.Transport;

/**
 * What zmq4j puts on the wire before any message, read byte for byte by a {@link ScriptedZmtpPeer} and compared
 * with 37/ZMTP 3.1 and libzmq's test vectors (tests/testutil.hpp), from both the binding and the connecting side.
 */
class WireGreetingTest {
    /**
     * The NULL greeting of a ZMTP 3.1 peer: signature (0xFF, padding, 0x7F), version 3.1, "NULL" padded to 20
     * octets, as-server 0, 31 octets of filler. zmq4j's padding is zeros, as 37/ZMTP 3.1 says a peer sending its
     * whole greeting SHOULD. libzmq puts its routing-id length + 1 there (00 .. 00 01), a length for ZMTP 1.0
     * peers; either is valid, since "A peer SHALL NOT assign any significance to the padding field".
     */
    private static final byte[] NULL_GREETING = ScriptedZmtpPeer.greeting(3, 1, "NULL", false);

    /** libzmq's READY for a DEALER with no routing id (testutil.hpp), 43 octets with the frame header. */
    private static final byte[] DEALER_READY = wire(new byte[] {0x04, 0x29, 0x05}, ascii("READY"),
            new byte[] {0x0b}, ascii("Socket-Type"), new byte[] {0, 0, 0, 6}, ascii("DEALER"),
            new byte[] {0x08}, ascii("Identity"), new byte[] {0, 0, 0, 0});

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
    void shouldGreetAConnectingPeerWithANullGreetingAndTheReadyLibzmqSends(Transport transport) {
        try (Socket dealer = ctx.socket(SocketType.DEALER)) {
            dealer.set(SocketOption.LINGER, 0);
            dealer.bind(transport.bindEndpoint());
            try (ScriptedZmtpPeer peer = ScriptedZmtpPeer.connect(dealer.lastEndpoint())) {
                assertGreetingAndReady(dealer, peer);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(names = {"TCP", "IPC"})
    void shouldGreetABoundPeerWithANullGreetingAndTheReadyLibzmqSends(Transport transport) {
        try (Socket dealer = ctx.socket(SocketType.DEALER);
                ScriptedZmtpPeer.Listener listener = ScriptedZmtpPeer.listen(transport)) {
            dealer.set(SocketOption.LINGER, 0);
            dealer.connect(listener.endpoint());
            try (ScriptedZmtpPeer peer = listener.accept()) {
                assertGreetingAndReady(dealer, peer);
            }
        }
    }

    /** The greeting, then (after ours) READY with libzmq's exact bytes, then a message each way. */
    private static void assertGreetingAndReady(Socket dealer, ScriptedZmtpPeer peer) {
        // 37/ZMTP 3.1 lets a peer send the first 11 octets and wait; zmq4j sends all 64 at once.
        byte[] greeting = peer.readBytes(64);
        assertEquals(ScriptedZmtpPeer.hex(Arrays.copyOf(NULL_GREETING, 10)),
                ScriptedZmtpPeer.hex(Arrays.copyOf(greeting, 10)), "signature ff 00*8 7f");
        assertEquals(1, greeting[9] & 1, "bit 0 of octet 10 set: a versioned (ZMTP 2.0+) peer");
        assertEquals(3, greeting[10], "major version");
        assertEquals(ScriptedZmtpPeer.hex(NULL_GREETING), ScriptedZmtpPeer.hex(greeting), "whole greeting");

        peer.sendGreeting();
        assertEquals(ScriptedZmtpPeer.hex(DEALER_READY), ScriptedZmtpPeer.hex(peer.readBytes(DEALER_READY.length)),
                "READY");
        peer.sendReady("DEALER");

        peer.sendMessage("from the peer");
        dealer.set(SocketOption.RCVTIMEO, 5_000);
        assertEquals("from the peer", dealer.recvStr());
        dealer.send("from zmq4j");
        assertEquals(List.of("from zmq4j"), peer.readMessage().stream()
                .map(b -> new String(b, StandardCharsets.UTF_8)).collect(Collectors.toList()));
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
