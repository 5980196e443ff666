/**
 * The bare socket of the side-by-side run: {@link org.zmq4j.bench.bare.LocalThr} and
 * {@link org.zmq4j.bench.bare.RemoteThr} move the bytes that ZMTP puts on the wire for local_thr's messages over a
 * plain stream socket between two Java processes, with no ZeroMQ at all. Their throughput is a ceiling for the
 * throughput rows: what the kernel's copies and wake-ups cost on this machine, against which the ZeroMQ
 * implementations' framing, queues and threads show. They take libzmq's tools' arguments and print its lines, so
 * {@link org.zmq4j.bench.Compare} runs them as the implementation {@code socket}.
 */
package org.zmq4j.bench.bare;
