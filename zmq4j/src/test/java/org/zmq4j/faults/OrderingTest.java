package org.zmq4j.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.zmq4j.Context;
import org.zmq4j.Message;
import org.zmq4j.Socket;
import org.zmq4j.SocketOption;
import org.zmq4j.SocketType;
import org.zmq4j.testing.Contexts;
import org.zmq4j.testing.Transport;
import org.zmq4j.testing.Worker;

/**
 * No loss, duplication or reordering between one sender and one receiver, including when small high-water marks
 * make both sides block and wake all the time. 37/ZMTP 3.1: messages are delivered "atomically, that is, all the
 * frames of a message, or none of them".
 */
class OrderingTest {
    private static final Duration DEADLINE = Duration.ofSeconds(8);

    private Context ctx;

    @BeforeEach
    void createContext() {
        ctx = new Context();
    }

    @AfterEach
    void closeContext() {
        Contexts.close(ctx);
    }

    private Socket[] pushPull(Transport transport, int hwm) {
        Socket pull = ctx.socket(SocketType.PULL);
        pull.set(SocketOption.RCVHWM, hwm);
        pull.set(SocketOption.RCVTIMEO, 5_000);
        pull.bind(transport.bindEndpoint());
        Socket push = ctx.socket(SocketType.PUSH);
        push.set(SocketOption.SNDHWM, hwm);
        push.connect(pull.lastEndpoint());
        return new Socket[] {push, pull};
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void shouldDeliver200kNumberedMessagesOnceEachAndInOrder(Transport transport) {
        int n = 200_000;
        Socket[] s = pushPull(transport, 100);
        Socket push = s[0];
        Socket pull = s[1];
        Worker<Void> sender = Worker.run("sender", () -> {
            ByteBuffer b = ByteBuffer.allocate(8);
            byte[] frame = b.array();
            for (long i = 0; i < n; i++) {
                b.putLong(0, i);
                push.send(frame); // copied by send, so the array can be reused at once
            }
        });

        for (long i = 0; i < n; i++) {
            byte[] m = pull.recv();
            assertNotNull(m, "message " + i + " of " + n + " never came");
            assertEquals(i, ByteBuffer.wrap(m).getLong(), "sequence");
        }
        sender.join(DEADLINE);
        assertNull(pull.tryRecv(), "no message after the last");
    }

    /**
     * Messages of one to five frames, each frame carrying the message number, its index and the frame count,
     * through HWMs of 3: every message arrives whole, in order, once.
     */
    @ParameterizedTest
    @EnumSource(Transport.class)
    void shouldDeliverRandomMultipartMessagesWholeAndInOrderUnderHighWaterMarkPressure(Transport transport) {
        int n = 50_000;
        long seed = System.nanoTime();
        Socket[] s = pushPull(transport, 3);
        Socket push = s[0];
        Socket pull = s[1];
        Worker<Void> sender = Worker.run("sender", () -> {
            SplittableRandom random = new SplittableRandom(seed);
            for (int i = 0; i < n; i++) {
                int frames = 1 + random.nextInt(5);
                Message m = new Message();
                for (int f = 0; f < frames; f++) {
                    m.add(frame(i, f, frames, random.nextInt(64)));
                }
                push.send(m);
            }
        });

        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < n; i++) {
            int frames = 1 + random.nextInt(5);
            Message m = pull.recvMessage();
            assertNotNull(m, "message " + i + " never came (seed " + seed + ")");
            assertFalse(pull.hasMore());
            assertEquals(frames, m.size(), "frames of message " + i + " (seed " + seed + ")");
            for (int f = 0; f < frames; f++) {
                ByteBuffer b = ByteBuffer.wrap(m.frame(f));
                assertEquals(i, b.getInt(), "message number in frame " + f + " (seed " + seed + ")");
                assertEquals(f, b.getInt(), "frame index");
                assertEquals(frames, b.getInt(), "frame count");
                assertEquals(12 + random.nextInt(64), m.frame(f).length, "frame size");
            }
        }
        sender.join(DEADLINE);
        assertNull(pull.tryRecv(), "no message after the last");
    }

    private static byte[] frame(int message, int index, int count, int extra) {
        return ByteBuffer.allocate(12 + extra).putInt(message).putInt(index).putInt(count).array();
    }
}
