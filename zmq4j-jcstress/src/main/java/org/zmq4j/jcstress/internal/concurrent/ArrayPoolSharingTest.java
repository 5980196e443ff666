package org.zmq4j.jcstress.internal.concurrent;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;
import org.zmq4j.internal.concurrent.ArrayPool;

/**
 * The context's pool is shared by every socket and I/O thread. It holds array A when two threads use it at once: one
 * takes an array, the other hands back array B and then takes one. An array goes to one taker only (two owners of
 * one array would write their messages into each other's), and no array the pool holds is lost: A and B were both
 * in the pool before the second taker looked, so each taker gets one of them.
 *
 * <p>r1, r2: what each taker got, 1 for A, 2 for B, 0 for a new array.
 */
@JCStressTest
@Outcome(id = {"1, 2", "2, 1"}, expect = ACCEPTABLE, desc = "Each taker got one of the two arrays.")
@Outcome(id = {"1, 1", "2, 2"}, expect = FORBIDDEN, desc = "One array went to both takers.")
@Outcome(expect = FORBIDDEN, desc = "A taker made a new array while the pool held one: a kept array was lost.")
@State
public class ArrayPoolSharingTest {
    private static final int LENGTH = 4096;

    private final ArrayPool pool = new ArrayPool(1 << 20);
    private final byte[] a = new byte[LENGTH];
    private final byte[] b = new byte[LENGTH];

    public ArrayPoolSharingTest() {
        pool.recycle(a);
    }

    @Actor
    public void taker(II_Result r) {
        r.r1 = which(pool.allocate(LENGTH));
    }

    @Actor
    public void giverThenTaker(II_Result r) {
        pool.recycle(b);
        r.r2 = which(pool.allocate(LENGTH));
    }

    private int which(byte[] array) {
        return array == a ? 1 : array == b ? 2 : 0;
    }
}
