package org.zmq4j.interop;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.zmq4j.Message;
import org.zmq4j.Socket;
import org.zmq4j.SocketType;

/** PAIR against libzmq's PAIR over every transport with either side binding (31/EXPAIR). */
class PairInteropTest extends InteropTestSupport {
    // 31/EXPAIR: "SHALL not filter or modify outgoing or incoming messages in any way." ... "SHALL maintain a double
    // queue for its peer, allowing outgoing and incoming messages to be queued independently."

    @ParameterizedTest(name = "{0}")
    @MethodSource("setups")
    void shouldExchangeMessagesBothWaysWithLibzmqPair(Setup setup) {
        Socket pair = socket(SocketType.PAIR);
        LibzmqPeer peer = attach(pair, SocketType.PAIR, setup);
        send(pair, multipart("to libzmq"));
        peer.send(multipart("to zmq4j"));
        send(pair, large("large to libzmq", 6));
        peer.send(large("large to zmq4j", 7));
        assertMessage(multipart("to libzmq"), peer.recv());
        assertMessage(large("large to libzmq", 6), peer.recv());
        assertMessage(multipart("to zmq4j"), receive(pair));
        assertMessage(large("large to zmq4j", 7), receive(pair));

        Message manyFrames = new Message();
        for (int i = 0; i < 1000; i++) {
            manyFrames.add(payload(i % 300, i));
        }
        send(pair, manyFrames);
        assertMessage(manyFrames, peer.recv());
        peer.send(manyFrames);
        assertMessage(manyFrames, receive(pair));
    }
}
