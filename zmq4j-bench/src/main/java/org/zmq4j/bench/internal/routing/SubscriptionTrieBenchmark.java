package org.zmq4j.bench.internal.routing;

import java.util.concurrent.TimeUnit;
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
import org.zmq4j.internal.routing.SubscriptionTrie;

/**
 * A SUB socket filtering one received message against its own 1, 100 or 1000 subscriptions, for a message that
 * matches and one that does not. Per message filtered.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class SubscriptionTrieBenchmark {
    @Param({"1", "100", "1000"})
    int subscriptions;

    private final SubscriptionTrie trie = new SubscriptionTrie();
    private byte[] hit;
    private byte[] miss;

    @Setup
    public void setUp() {
        for (byte[] topic : Topics.subscriptions(subscriptions)) {
            trie.add(topic, 0, topic.length);
        }
        hit = Topics.hit(subscriptions);
        miss = Topics.miss();
    }

    @Benchmark
    public boolean matchHit() {
        return trie.matches(hit, 0, hit.length);
    }

    @Benchmark
    public boolean matchMiss() {
        return trie.matches(miss, 0, miss.length);
    }
}
