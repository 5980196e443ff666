package org.zmq4j.jcstress.internal.concurrent;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.LL_Result;
import org.zmq4j.internal.concurrent.FrameQueue;

/**
 * The reader hands finished chunks back through one slot, each overwriting the last; the writer learns from it how far
 * the reader got and reuses every chunk up to there, oldest first. The reader hands back a second chunk while the
 * writer, starting a new chunk, takes the slot that holds the first: each chunk must come back exactly once, neither
 * lost (with the arrays given back to its slots) nor given to the writer twice (two writes would then share a slot).
 *
 * <p>Each of the two chunks holds one payload given back to its first slot, P0 and P1; the writer gets a chunk's
 * payload back when it writes that slot again. r1: what the writer's first write into its new chunk gave back; r2:
 * how many times each payload came back in all, once the writer has filled four more chunks. (When the writer kept
 * only the chunk it took, a hand-back of the second before the take lost the first: "P1, P0 0 P1 1".)
 */
@JCStressTest
@Outcome(id = "P0, P0 1 P1 1", expect = ACCEPTABLE, desc = "The oldest chunk came back first, then the other.")
@Outcome(expect = FORBIDDEN, desc = "A chunk was lost or handed out twice.")
@State
public class FrameQueueSpareTest {
    private static final int CHUNK = 256;

    private final FrameQueue queue = new FrameQueue();
    private final Object p0 = "P0";
    private final Object p1 = "P1";
    private Object firstBack;

    public FrameQueueSpareTest() {
        for (int i = 0; i < 3 * CHUNK - 1; i++) { // two chunks, and all but the last slot of a third
            queue.write(i == 0 ? p0 : i == CHUNK ? p1 : new Object(), 0, true);
        }
        queue.flush();
        for (int i = 0; i < 2 * CHUNK; i++) { // the first chunk is handed back; the second waits for the next read
            Object got = queue.read();
            if (got == p0 || got == p1) {
                queue.giveBack(got); // it stays in its slot, for the writer to get back
            }
        }
    }

    @Actor
    public void writer() {
        queue.write(new Object(), 0, true); // the third chunk's last slot: the writer needs a new chunk
        firstBack = queue.write(new Object(), 0, true);
        queue.flush();
    }

    @Actor
    public void reader() {
        queue.read(); // the third chunk's first slot: the second chunk goes back first
    }

    @Arbiter
    public void arbiter(LL_Result r) {
        r.r1 = firstBack == p0 ? "P0" : firstBack == p1 ? "P1" : String.valueOf(firstBack);
        int n0 = firstBack == p0 ? 1 : 0;
        int n1 = firstBack == p1 ? 1 : 0;
        for (int i = 0; i < 4 * CHUNK; i++) {
            Object back = queue.write(new Object(), 0, true);
            n0 += back == p0 ? 1 : 0;
            n1 += back == p1 ? 1 : 0;
        }
        r.r2 = "P0 " + n0 + " P1 " + n1;
    }
}
