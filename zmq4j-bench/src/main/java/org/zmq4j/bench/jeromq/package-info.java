/**
 * JeroMQ 0.6.0's side of the side-by-side run: libzmq's perf tools ({@link org.zmq4j.bench.jeromq.LocalThr} …) and
 * this project's fan tools, written against JeroMQ's C-style {@code zmq.ZMQ} API as JeroMQ's own perf tools are,
 * with libzmq's arguments and output lines. Each class is a {@code main}; {@link org.zmq4j.bench.Compare} starts them.
 */
package org.zmq4j.bench.jeromq;
