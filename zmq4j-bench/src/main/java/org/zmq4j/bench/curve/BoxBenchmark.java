package org.zmq4j.bench.curve;

import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.engines.XSalsa20Engine;
import org.bouncycastle.crypto.macs.Poly1305;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;
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

/**
 * The ceiling Bouncy Castle puts on CURVE throughput: one MESSAGE's box (NaCl's crypto_secretbox under the
 * connection's precomputed key, XSalsa20 then Poly1305, composed as zmq4j-curve's SecretBox composes it) with
 * nothing else around it. A CURVE stream seals each message on the sender's I/O thread and opens it on the
 * receiver's, so no stream can move more messages per second than this scores per second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class BoxBenchmark {
    private static final byte[] ZEROS = new byte[32];

    /** The plaintext: a 64 B or 64 KiB message plus the MESSAGE command's flags octet. */
    @Param({"65", "65537"})
    int size;

    private final XSalsa20Engine cipher = new XSalsa20Engine();
    private final Poly1305 mac = new Poly1305();
    private final KeyParameter key = new KeyParameter(new byte[32]);
    private final byte[] nonce = new byte[24];
    private final byte[] macKey = new byte[32];
    private final byte[] tag = new byte[16];
    private byte[] buffer;
    private long counter;

    @Setup
    public void setUp() {
        buffer = new byte[size];
    }

    @Benchmark
    public byte[] seal() {
        long n = ++counter;
        for (int i = 0; i < 8; i++) {
            nonce[16 + i] = (byte) (n >>> (8 * i)); // CurveZMQ's short nonce: a counter in the last 8 octets
        }
        cipher.init(true, new ParametersWithIV(key, nonce));
        cipher.processBytes(ZEROS, 0, 32, macKey, 0);
        mac.init(new KeyParameter(macKey));
        cipher.processBytes(buffer, 0, size, buffer, 0);
        mac.update(buffer, 0, size);
        mac.doFinal(tag, 0);
        return tag;
    }
}
