package org.zmq4j.bench.internal.routing;

import java.util.function.Consumer;
import org.openjdk.jmh.infra.Blackhole;
import org.zmq4j.bench.internal.pipe.NoOpListener;
import org.zmq4j.internal.pipe.Pipe;

/** The pipes of a routing benchmark's socket: pairs with HWM 1000 each way, and the peers' side of them. */
final class Peers {
    private Peers() {}

    /**
     * Makes {@code count} pipes, hands the socket's ends to {@code attach} (signals reach {@code socket}) and
     * returns the peers' ends.
     */
    static Pipe[] attach(int count, Pipe.Listener socket, Consumer<Pipe> attach) {
        Pipe[] peers = new Pipe[count];
        for (int i = 0; i < count; i++) {
            Pipe[] ends = Pipe.pair(socket, 1000, new NoOpListener(), 1000);
            attach.accept(ends[0]);
            peers[i] = ends[1];
        }
        return peers;
    }

    /** Reads every frame the peers have been sent. */
    static void drain(Pipe[] peers, Blackhole bh) {
        for (Pipe peer : peers) {
            byte[] f;
            while ((f = peer.read()) != null) {
                bh.consume(f);
            }
        }
    }
}
