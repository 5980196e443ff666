/**
 * zmq4j's side of the fan-in (N PUSH → 1 PULL) and fan-out (1 PUB → N SUB) benchmarks, through the public API only.
 * libzmq's side is in {@code bench/c}, JeroMQ's in {@link org.zmq4j.bench.jeromq}; all three take the same
 * arguments and print the same lines, so {@link org.zmq4j.bench.Compare} can pair any of them.
 */
package org.zmq4j.bench.fan;
