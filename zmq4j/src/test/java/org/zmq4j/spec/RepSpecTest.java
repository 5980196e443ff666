package org.zmq4j.spec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.zmq4j.SocketType.DEALER;
import static org.zmq4j.SocketType.REP;
import static org.zmq4j.spec.Spec.assertReceives;
import static org.zmq4j.spec.Spec.send;

import java.util.concurrent.BlockingQueue;
import org.junit.jupiter.api.Timeout;
import org.zmq4j.Context;
import org.zmq4j.Message;
import org.zmq4j.MonitorEvent;
import org.zmq4j.Socket;
import org.zmq4j.SocketOption;
import org.zmq4j.SocketStateException;

/** 28/REQREP, "The REP Socket Type" (libzmq's test_spec_rep). DEALER peers show the envelope REP handles. */
class RepSpecTest {

    /** "SHALL receive and then send exactly one message at a time." */
    @TransportTest
    void shouldRefuseToSendBeforeReceivingARequest(Transport transport) {
        try (Context ctx = new Context();
                Socket rep = Spec.socket(ctx, REP);
                Socket dealer = Spec.socket(ctx, DEALER)) {
            dealer.connect(transport.bind(rep));

            assertThrows(SocketStateException.class, () -> rep.send("unasked"));
            send(dealer, "", "request");
            assertReceives(rep, "request");
            send(rep, "reply");
            assertThrows(SocketStateException.class, () -> rep.send("second reply"));
            assertReceives(dealer, "", "reply");
        }
    }

    /** "SHALL wait for a single reply message from its calling application." */
    @TransportTest
    void shouldRefuseTheNextRequestUntilTheReplyIsSent(Transport transport) {
        try (Context ctx = new Context();
                Socket rep = Spec.socket(ctx, REP);
                Socket dealer = Spec.socket(ctx, DEALER)) {
            dealer.connect(transport.bind(rep));

            send(dealer, "", "first");
            send(dealer, "", "second");
            assertReceives(rep, "first");
            assertThrows(SocketStateException.class, () -> rep.recv(Socket.DONTWAIT));
            send(rep, "first done");
            assertReceives(rep, "second");
            send(rep, "second done");
            assertReceives(dealer, "", "first done");
            assertReceives(dealer, "", "second done");
        }
    }

    /** "SHALL not filter or modify outgoing or incoming messages in any way." */
    @TransportTest
    void shouldPassBodiesThroughUnchanged(Transport transport) {
        byte[] binary = {0, 1, (byte) 0xFF, 0, (byte) 0x80};
        try (Context ctx = new Context();
                Socket rep = Spec.socket(ctx, REP);
                Socket dealer = Spec.socket(ctx, DEALER)) {
            dealer.connect(transport.bind(rep));

            assertTrue(dealer.send(Message.of(new byte[0], binary, new byte[0], binary)));
            Message request = Spec.receive(rep);
            assertEquals(3, request.size());
            assertArrayEquals(binary, request.frame(0));
            assertArrayEquals(new byte[0], request.frame(1));
            assertArrayEquals(binary, request.frame(2));

            assertTrue(rep.send(Message.of(new byte[0], binary, new byte[0])));
            Message reply = Spec.receive(dealer);
            assertEquals(4, reply.size());
            assertArrayEquals(new byte[0], reply.frame(0));
            assertArrayEquals(new byte[0], reply.frame(1));
            assertArrayEquals(binary, reply.frame(2));
            assertArrayEquals(new byte[0], reply.frame(3));
        }
    }

    /**
     * "SHALL receive incoming messages from its peers using a fair-queuing strategy." ({@link FairQueueing}: exact
     * rounds over inproc, no starvation over every transport)
     */
    @TransportTest
    void shouldFairQueueRequests(Transport transport) {
        try (Context ctx = new Context();
                Socket rep = Spec.socket(ctx, REP);
                Socket busy = Spec.socket(ctx, DEALER);
                Socket quiet = Spec.socket(ctx, DEALER)) {
            String endpoint = transport.bind(rep);
            busy.connect(endpoint);
            quiet.connect(endpoint);
            Socket[] peers = {busy, quiet};
            if (transport == Transport.INPROC) {
                for (int round = 0; round < 3; round++) {
                    for (int i = 0; i < peers.length; i++) {
                        send(peers[i], "", FairQueueing.body(i, round));
                    }
                }
                FairQueueing.assertOneFromEachPeerPerRound(peers.length, 3, () -> {
                    String body = Spec.receive(rep).string(0);
                    send(rep, "done");
                    return body;
                });
                for (int round = 0; round < 3; round++) {
                    assertReceives(quiet, "", "done");
                }
            }

            try (Flood flood = new Flood(busy, Message.of("", "flood"))) {
                assertReceives(rep, "flood");
                send(quiet, "", "quiet");
                // Each request read so far is a flood request owed a reply; the busy peer reads none, so REP
                // drops those that do not fit.
                flood.receiveUntil(rep, "quiet", () -> send(rep, "ignored"));
                send(rep, "for quiet");
                assertReceives(quiet, "", "for quiet");
            }
        }
    }

    /**
     * "SHALL remove and store the address envelope, including the delimiter." and "SHALL pass the remaining data
     * frames to its calling application."
     */
    @TransportTest
    void shouldStripTheEnvelopeAndPassOnlyTheDataFrames(Transport transport) {
        try (Context ctx = new Context();
                Socket rep = Spec.socket(ctx, REP);
                Socket dealer = Spec.socket(ctx, DEALER)) {
            dealer.connect(transport.bind(rep));

            send(dealer, "hop-2", "hop-1", "", "data-1", "data-2");
            assertReceives(rep, "data-1", "data-2");
        }
    }

    /**
     * "The request and reply messages SHALL have this format on the wire: An address envelope consisting of zero or
     * more frames, each containing one identity. A delimiter, consisting of an empty frame. One or more data
     * frames, comprising the message visible to the application."
     */
    @TransportTest
    void shouldDiscardRequestsWithoutADelimiter(Transport transport) {
        try (Context ctx = new Context();
                Socket rep = Spec.socket(ctx, REP);
                Socket dealer = Spec.socket(ctx, DEALER)) {
            dealer.connect(transport.bind(rep));

            send(dealer, "no", "delimiter");
            send(dealer, "", "good");
            assertReceives(rep, "good");
            send(rep, "reply");
            assertReceives(dealer, "", "reply");
        }
    }

    /** "SHALL prepend the address envelope and delimiter." */
    @TransportTest
    void shouldPrependTheStoredEnvelopeToTheReply(Transport transport) {
        try (Context ctx = new Context();
                Socket rep = Spec.socket(ctx, REP);
                Socket dealer = Spec.socket(ctx, DEALER)) {
            dealer.connect(transport.bind(rep));

            send(dealer, "hop-2", "hop-1", "", "request");
            assertReceives(rep, "request");
            send(rep, "reply-1", "reply-2");
            assertReceives(dealer, "hop-2", "hop-1", "", "reply-1", "reply-2");
        }
    }

    /** "SHALL deliver this message back to the originating peer." */
    @TransportTest
    void shouldDeliverEachReplyToThePeerThatSentTheRequest(Transport transport) {
        try (Context ctx = new Context();
                Socket rep = Spec.socket(ctx, REP);
                Socket dealer0 = Spec.socket(ctx, DEALER);
                Socket dealer1 = Spec.socket(ctx, DEALER);
                Socket dealer2 = Spec.socket(ctx, DEALER)) {
            Socket[] dealers = {dealer0, dealer1, dealer2};
            String endpoint = transport.bind(rep);
            for (int i = 0; i < dealers.length; i++) {
                dealers[i].connect(endpoint);
                send(dealers[i], "", "from-" + i);
            }

            for (int n = 0; n < dealers.length; n++) {
                String from = Spec.receive(rep).string(0);
                send(rep, "for-" + from.substring("from-".length()));
            }
            for (int i = 0; i < dealers.length; i++) {
                assertReceives(dealers[i], "", "for-" + i);
            }
        }
    }

    /**
     * "SHALL silently discard the reply, or return an error, if the originating peer is no longer connected."
     */
    @TransportTest
    void shouldDiscardTheReplyWhenTheRequesterHasGone(Transport transport) throws InterruptedException {
        try (Context ctx = new Context();
                Socket rep = Spec.socket(ctx, REP);
                Socket stays = Spec.socket(ctx, DEALER)) {
            BlockingQueue<MonitorEvent.Type> events = Spec.monitor(rep);
            String endpoint = transport.bind(rep);
            try (Socket gone = Spec.socket(ctx, DEALER)) {
                gone.connect(endpoint);
                send(gone, "", "request");
                assertReceives(rep, "request");
            }
            if (transport != Transport.INPROC) {
                Spec.awaitEvent(events, MonitorEvent.Type.DISCONNECTED);
            }

            rep.send("reply to nobody"); // true (discarded) or an error are both allowed; blocking is not
            stays.connect(endpoint);
            send(stays, "", "next");
            assertReceives(rep, "next");
            send(rep, "for stays");
            assertReceives(stays, "", "for stays");
        }
    }

    /** "SHALL not block on sending." */
    @TransportTest
    @Timeout(30)
    void shouldNotBlockSendingRepliesToAPeerThatReadsNone(Transport transport) {
        byte[] big = new byte[64 * 1024];
        try (Context ctx = new Context();
                Socket rep = Spec.socket(ctx, REP);
                Socket dealer = Spec.socket(ctx, DEALER)) {
            rep.set(SocketOption.SNDHWM, 1);
            rep.set(SocketOption.SNDTIMEO, Spec.TIMEOUT_MS);
            dealer.set(SocketOption.RCVHWM, 1);
            dealer.connect(transport.bind(rep));

            for (int i = 0; i < 1000; i++) {
                send(dealer, "", "request-" + i);
                assertReceives(rep, "request-" + i);
                assertTrue(rep.send(big), "REP blocked on reply " + i);
            }
        }
    }
}
