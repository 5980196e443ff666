/**
 * CURVE measurements: handshakes per second (pairs with the project's C tool over libzmq), and the JMH ceiling Bouncy
 * Castle puts on message throughput ({@link org.zmq4j.bench.curve.BoxBenchmark}).
 */
package org.zmq4j.bench.curve;
