/**
 * JMH benchmarks of zmq4j's parts, in packages that mirror {@code org.zmq4j.internal}. They use the internal classes
 * directly (the library is on the class path, where its module boundary does not apply).
 *
 * <p>Every benchmark is short (3 warm-up and 3 measured iterations of 1 s, one fork) and reports time per message
 * or frame; run with {@code -prof gc} to see {@code gc.alloc.rate.norm}, the bytes allocated per message. See
 * BENCHMARKS.md for how to run them.
 */
package org.zmq4j.bench.internal;
