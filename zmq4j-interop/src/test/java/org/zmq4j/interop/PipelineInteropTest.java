package org.zmq4j.interop;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.zmq4j.Socket;
import org.zmq4j.SocketType;

/**
 * PUSH and PULL against libzmq's, each side in each role, over every transport with either side binding
 * (30/PIPELINE).
 */
class PipelineInteropTest extends InteropTestSupport {
    /** Far more messages than both high-water marks (1000 each) hold, so senders meet back-pressure. */
    private static final int STREAM = 20_000;

    // 30/PIPELINE, PUSH: "SHALL not filter or modify outgoing messages in any way." PULL: "SHALL not filter or
    // modify incoming messages in any way."

    @ParameterizedTest(name = "{0}")
    @MethodSource("setups")
    void shouldPushMessagesFromZmq4jToLibzmqPullUnchanged(Setup setup) {
        Socket push = socket(SocketType.PUSH);
        LibzmqPeer pull = attach(push, SocketType.PULL, setup);
        send(push, multipart("first"));
        send(push, large("second", 5));
        send(push, multipart("third"));
        assertMessage(multipart("first"), pull.recv());
        assertMessage(large("second", 5), pull.recv());
        assertMessage(multipart("third"), pull.recv());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("setups")
    void shouldPullMessagesFromLibzmqPushUnchanged(Setup setup) {
        Socket pull = socket(SocketType.PULL);
        LibzmqPeer push = attach(pull, SocketType.PUSH, setup);
        push.send(multipart("first"));
        push.send(large("second", 5));
        push.send(multipart("third"));
        assertMessage(multipart("first"), receive(pull));
        assertMessage(large("second", 5), receive(pull));
        assertMessage(multipart("third"), receive(pull));
    }

    // 30/PIPELINE, PUSH: "SHALL block on sending, or return a suitable error, when it has no available peers." ...
    // "SHALL NOT discard messages that it cannot queue." A long stream fills both high-water marks: the sender
    // waits for the receiver, and nothing is lost or reordered on the way.

    @ParameterizedTest(name = "{0}")
    @MethodSource("setups")
    void shouldStreamFromZmq4jPushToLibzmqPullInOrderThroughBackPressure(Setup setup) {
        Socket push = socket(SocketType.PUSH);
        LibzmqPeer pull = attach(push, SocketType.PULL, setup);
        pull.startReceivingSequence(STREAM);
        for (int i = 0; i < STREAM; i++) {
            send(push, sequenceMessage(i));
        }
        pull.awaitSequence();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("setups")
    void shouldStreamFromLibzmqPushToZmq4jPullInOrderThroughBackPressure(Setup setup) {
        Socket pull = socket(SocketType.PULL);
        LibzmqPeer push = attach(pull, SocketType.PUSH, setup);
        push.startSendingSequence(STREAM);
        for (int i = 0; i < STREAM; i++) {
            assertMessage(sequenceMessage(i), receive(pull));
        }
        push.awaitSequence();
    }
}
