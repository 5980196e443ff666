package org.zmq4j.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.zmq4j.Context;
import org.zmq4j.Socket;
import org.zmq4j.SocketType;
import org.zmq4j.testing.ScriptedZmtpPeer;
import org.zmq4j.testing.Transport;

/**
 * How subscriptions travel, by the peer's protocol version (reference §1.3): to a ZMTP 3.1 peer as SUBSCRIBE and
 * CANCEL commands, to a ZMTP 3.0 peer as messages starting with 0x01 / 0x00; and a publisher takes both forms.
 */
class SubscriptionWireTest {
    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** Reads the peer's greeting and answers with a NULL greeting of version 3.{minor} and a READY. */
    private static void handshakeAs(ScriptedZmtpPeer peer, int minor, String type) {
        peer.sendBytes(ScriptedZmtpPeer.greeting(3, minor, "NULL", false));
        peer.expectGreeting();
        peer.sendReady(type);
        peer.expectReady();
    }

    /** 37/ZMTP 3.1: "the SUB or XSUB peer SHALL send a SUBSCRIBE command" ... "SHALL send a CANCEL command". */
    @ParameterizedTest
    @EnumSource(value = Transport.class, names = {"TCP", "IPC"})
    void shouldSendSubscribeAndCancelCommandsToAZmtp31Publisher(Transport transport) {
        try (Context ctx = new Context();
                ScriptedZmtpPeer.Listener listener = ScriptedZmtpPeer.listen(transport);
                Socket sub = ctx.socket(SocketType.SUB)) {
            sub.subscribe("weather");
            sub.connect(listener.endpoint());
            try (ScriptedZmtpPeer pub = listener.accept()) {
                handshakeAs(pub, 1, "PUB");
                ScriptedZmtpPeer.Frame f = pub.readFrame();
                assertTrue(f.isCommand(), "a 3.1 peer gets a command, not " + f);
                assertEquals("SUBSCRIBE", f.commandName());
                sub.unsubscribe("weather");
                ScriptedZmtpPeer.Frame c = pub.readFrame();
                assertEquals("CANCEL", c.commandName());
                assertArrayEquals(ascii("\u0006CANCELweather"), c.body());
            }
        }
    }

    /** ZMTP 3.0 has no SUBSCRIBE command: the subscription is a message whose first byte is 1 (0 to cancel). */
    @ParameterizedTest
    @EnumSource(value = Transport.class, names = {"TCP", "IPC"})
    void shouldSendSubscriptionsAsMessagesToAZmtp30Publisher(Transport transport) {
        try (Context ctx = new Context();
                ScriptedZmtpPeer.Listener listener = ScriptedZmtpPeer.listen(transport);
                Socket sub = ctx.socket(SocketType.SUB)) {
            sub.subscribe("weather");
            sub.connect(listener.endpoint());
            try (ScriptedZmtpPeer pub = listener.accept()) {
                handshakeAs(pub, 0, "PUB");
                ScriptedZmtpPeer.Frame f = pub.readFrame();
                assertFalse(f.isCommand(), "a 3.0 peer gets a message, not " + f);
                assertFalse(f.more());
                assertArrayEquals(ascii("\u0001weather"), f.body());
                sub.unsubscribe("weather");
                assertArrayEquals(ascii("\u0000weather"), pub.readFrame().body());
                // Data still flows to the subscriber over the 3.0 connection.
                sub.subscribe("");
                pub.readFrame();
                pub.sendMessage("hello");
                assertEquals("hello", sub.recvStr());
            }
        }
    }

    /** A publisher accepts both forms: SUBSCRIBE commands (3.1) and 0x01 messages (3.0). */
    @ParameterizedTest
    @EnumSource(value = Transport.class, names = {"TCP", "IPC"})
    void shouldTakeSubscriptionsInBothFormsAtAPublisher(Transport transport) throws Exception {
        try (Context ctx = new Context(); Socket xpub = ctx.socket(SocketType.XPUB)) {
            xpub.bind(transport.bindEndpoint());
            try (ScriptedZmtpPeer v31 = ScriptedZmtpPeer.connect(xpub.lastEndpoint());
                    ScriptedZmtpPeer v30 = ScriptedZmtpPeer.connect(xpub.lastEndpoint())) {
                handshakeAs(v31, 1, "SUB");
                handshakeAs(v30, 0, "SUB");
                v31.sendCommand(ScriptedZmtpPeer.command("SUBSCRIBE", ascii("A")));
                assertArrayEquals(ascii("\u0001A"), xpub.recv());
                v30.sendMessage(new byte[][] {ascii("\u0001B")});
                assertArrayEquals(ascii("\u0001B"), xpub.recv());
                xpub.send("A1");
                xpub.send("B1");
                xpub.send("C1");
                assertEquals("A1", v31.readFrame().string());
                assertEquals("B1", v30.readFrame().string());
            }
        }
    }
}
