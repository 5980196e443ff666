package org.zmq4j.internal.routing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.zmq4j.internal.pipe.Pipe;

/** The routing strategies on their own: load balancing, fair queuing, fan-out and subscription matching. */
class RoutingTest {
    private static final Pipe.Listener QUIET = new Pipe.Listener() {
        @Override
        public void readActivated(Pipe pipe) {}

        @Override
        public void writeActivated(Pipe pipe) {}

        @Override
        public void pipeTerminated(Pipe pipe) {}

        @Override
        public void hwmsChanged(Pipe pipe) {}
    };

    /** Returns {local end, remote end} with the given HWM for messages going out of the local end. */
    private static Pipe[] pipe(int hwm) {
        return Pipe.pair(QUIET, hwm, QUIET, hwm);
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String read(Pipe remote) {
        byte[] f = remote.read();
        return f == null ? null : new String(f, StandardCharsets.UTF_8);
    }

    @Test
    void loadBalancerShouldRoundRobinWholeMessages() {
        LoadBalancer lb = new LoadBalancer();
        Pipe[] p1 = pipe(0);
        Pipe[] p2 = pipe(0);
        lb.attach(p1[0]);
        lb.attach(p2[0]);
        assertTrue(lb.send(b("a1"), Pipe.MORE));
        assertTrue(lb.send(b("a2"), 0));
        assertTrue(lb.send(b("b"), 0));
        assertTrue(lb.send(b("c"), 0));
        assertEquals("a1", read(p1[1]));
        assertEquals("a2", read(p1[1]));
        assertEquals("c", read(p1[1]));
        assertEquals("b", read(p2[1]));
    }

    @Test
    void loadBalancerShouldSkipAFullPipeAndReportBackPressureWhenAllAreFull() {
        LoadBalancer lb = new LoadBalancer();
        Pipe[] p1 = pipe(1);
        Pipe[] p2 = pipe(1);
        lb.attach(p1[0]);
        lb.attach(p2[0]);
        assertTrue(lb.send(b("1"), 0));
        assertTrue(lb.send(b("2"), 0));
        assertFalse(lb.send(b("3"), 0), "both pipes at HWM 1");
        assertFalse(lb.hasOut());
        read(p1[1]);
        lb.activated(p1[0]);
        assertTrue(lb.send(b("3"), 0));
        assertEquals("3", read(p1[1]));
    }

    @Test
    void loadBalancerShouldDropTheRestOfAMessageWhosePipeEnded() {
        LoadBalancer lb = new LoadBalancer();
        Pipe[] p1 = pipe(0);
        Pipe[] p2 = pipe(0);
        lb.attach(p1[0]);
        lb.attach(p2[0]);
        assertTrue(lb.send(b("x1"), Pipe.MORE));
        lb.pipeTerminated(p1[0]);
        assertTrue(lb.send(b("x2"), 0), "the rest is dropped silently");
        assertTrue(lb.send(b("y"), 0));
        assertEquals("y", read(p2[1]));
        assertNull(read(p2[1]));
    }

    @Test
    void fairQueueShouldTakeWholeMessagesInTurn() {
        FairQueue fq = new FairQueue();
        Pipe[] p1 = pipe(0);
        Pipe[] p2 = pipe(0);
        fq.attach(p1[0]);
        fq.attach(p2[0]);
        p1[1].write(b("a1"), Pipe.MORE);
        p1[1].write(b("a2"), 0);
        p1[1].write(b("a3"), 0);
        p1[1].flush();
        p2[1].write(b("b1"), 0);
        p2[1].flush();
        List<String> got = new ArrayList<>();
        byte[] f;
        while ((f = fq.recv()) != null) {
            got.add(new String(f, StandardCharsets.UTF_8));
        }
        assertEquals(List.of("a1", "a2", "b1", "a3"), got);
        assertFalse(fq.hasIn());
    }

    @Test
    void distributorShouldSendToMatchingPipesOnlyAndSkipFullOnes() {
        Distributor d = new Distributor();
        Pipe[] p1 = pipe(1);
        Pipe[] p2 = pipe(1);
        Pipe[] p3 = pipe(1);
        d.attach(p1[0]);
        d.attach(p2[0]);
        d.attach(p3[0]);
        d.unmatch();
        d.match(p1[0]);
        d.match(p2[0]);
        d.sendToMatching(b("m1"), 0);
        assertEquals("m1", read(p1[1]));
        assertEquals("m1", read(p2[1]));
        assertNull(read(p3[1]));
        d.sendToAll(b("m2"), 0);
        d.sendToAll(b("m3"), 0);
        assertEquals("m2", read(p3[1]));
        assertNull(read(p3[1]), "p3 was full (HWM 1): m3 is dropped for it alone");
        assertEquals("m2", read(p1[1]));
    }

    @Test
    void distributorShouldGiveEachInprocReaderItsOwnCopy() {
        Distributor d = new Distributor();
        Pipe[] p1 = pipe(0);
        Pipe[] p2 = pipe(0);
        p1[0].deliversToApp = true;
        p2[0].deliversToApp = true;
        d.attach(p1[0]);
        d.attach(p2[0]);
        byte[] m = b("shared");
        d.sendToAll(m, 0);
        byte[] r1 = p1[1].read();
        byte[] r2 = p2[1].read();
        assertArrayEquals(r1, r2);
        assertNotSame(r1, r2);
    }

    @Test
    void subscriptionTrieShouldCountReferencesAndMatchPrefixes() {
        SubscriptionTrie t = new SubscriptionTrie();
        assertTrue(t.add(b("A"), 0, 1));
        assertFalse(t.add(b("A"), 0, 1), "29/PUBSUB: subscribing to A and A counts as two subscriptions");
        assertTrue(t.matches(b("ABC"), 0, 3));
        assertFalse(t.matches(b("BC"), 0, 2));
        assertFalse(t.remove(b("A"), 0, 1));
        assertTrue(t.matches(b("A"), 0, 1));
        assertTrue(t.remove(b("A"), 0, 1));
        assertFalse(t.matches(b("A"), 0, 1));
        assertFalse(t.remove(b("A"), 0, 1), "removing what is not there does nothing");
        assertTrue(t.add(new byte[0], 0, 0));
        assertTrue(t.matches(b("anything"), 0, 8), "an empty subscription matches all messages");
    }

    @Test
    void multiTrieShouldFindEverySubscriberOfAPrefixAndReportTheLastOne() {
        MultiTrie t = new MultiTrie();
        Pipe a = pipe(0)[0];
        Pipe b = pipe(0)[0];
        assertTrue(t.add(b("ab"), 0, 2, a));
        assertFalse(t.add(b("ab"), 0, 2, b));
        assertTrue(t.add(b("x"), 0, 1, b));
        Set<Pipe> hit = new HashSet<>();
        t.match(b("abc"), 0, 3, hit::add);
        assertEquals(Set.of(a, b), hit);
        hit.clear();
        t.match(b("a"), 0, 1, hit::add);
        assertTrue(hit.isEmpty());
        assertFalse(t.remove(b("ab"), 0, 2, a));
        List<String> gone = new ArrayList<>();
        t.removePipe(b, topic -> gone.add(new String(topic, StandardCharsets.UTF_8)));
        assertEquals(Set.of("ab", "x"), new HashSet<>(gone));
        hit.clear();
        t.match(b("abc"), 0, 3, hit::add);
        assertTrue(hit.isEmpty());
        assertEquals(0, t.size());
    }

    @Test
    void multiTrieShouldMatchManySubscribersOfTheEmptyPrefix() {
        MultiTrie t = new MultiTrie();
        List<Pipe> pipes = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            Pipe p = pipe(0)[0];
            pipes.add(p);
            t.add(new byte[0], 0, 0, p);
        }
        List<Pipe> hit = new ArrayList<>();
        t.match(b("m"), 0, 1, hit::add);
        assertEquals(100, hit.size());
        assertSame(pipes.get(0), hit.get(0));
    }

    /**
     * A socket holds a pipe in an inbound and an outbound list at once (DEALER, XSUB): each list keeps its own index
     * in the pipe, through swaps and removals, and never confuses another list's pipe for one of its own.
     */
    @Test
    void pipeListsShouldKeepIndexesOfSharedPipesApart() {
        PipeList in = new PipeList(false);
        PipeList out = new PipeList(true);
        List<Pipe> ends = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Pipe p = pipe(0)[0];
            ends.add(p);
            in.add(p);
            out.add(p);
        }
        in.swap(0, 7);
        out.swap(1, 6);
        in.removeAt(3);
        out.removeAt(5);
        out.swap(0, 4);
        for (PipeList list : new PipeList[] {in, out}) {
            for (int i = 0; i < list.size(); i++) {
                assertEquals(i, list.indexOf(list.get(i)));
            }
        }
        Pipe goneFromIn = ends.get(3);
        Pipe goneFromOut = ends.get(5);
        assertEquals(-1, in.indexOf(goneFromIn));
        assertEquals(-1, out.indexOf(goneFromOut));
        assertTrue(out.indexOf(goneFromIn) >= 0, "removed from the inbound list only");
        assertTrue(in.indexOf(goneFromOut) >= 0, "removed from the outbound list only");
        assertEquals(-1, in.indexOf(pipe(0)[0]), "a pipe never added");
    }
}
