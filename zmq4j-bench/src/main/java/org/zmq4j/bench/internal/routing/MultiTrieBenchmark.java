package org.zmq4j.bench.internal.routing;

import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.zmq4j.bench.internal.pipe.NoOpListener;
import org.zmq4j.internal.pipe.Pipe;
import org.zmq4j.internal.routing.MultiTrie;

/**
 * A publisher matching one message against its subscribers' prefixes: 1, 100 or 1000 subscriptions spread over 10
 * pipes, for a message that matches one of them and for one that matches none. Per message matched.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class MultiTrieBenchmark {
    static final int PIPES = 10;

    @Param({"1", "100", "1000"})
    int subscriptions;

    private final MultiTrie trie = new MultiTrie();
    private byte[] hit;
    private byte[] miss;
    private int matched;
    private Consumer<Pipe> onMatch;

    @Setup
    public void setUp() {
        Pipe[] pipes = new Pipe[PIPES];
        for (int i = 0; i < PIPES; i++) {
            pipes[i] = Pipe.pair(new NoOpListener(), 1000, new NoOpListener(), 1000)[0];
        }
        byte[][] topics = Topics.subscriptions(subscriptions);
        for (int i = 0; i < topics.length; i++) {
            trie.add(topics[i], 0, topics[i].length, pipes[i % PIPES]);
        }
        hit = Topics.hit(subscriptions);
        miss = Topics.miss();
        onMatch = p -> matched++;
    }

    @Benchmark
    public int matchHit() {
        matched = 0;
        trie.match(hit, 0, hit.length, onMatch);
        return matched;
    }

    @Benchmark
    public int matchMiss() {
        matched = 0;
        trie.match(miss, 0, miss.length, onMatch);
        return matched;
    }
}
