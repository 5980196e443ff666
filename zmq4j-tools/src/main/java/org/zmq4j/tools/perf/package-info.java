/**
 * {@code zmq4j perf}: libzmq's {@code perf/} tools (local_thr, remote_thr, local_lat, remote_lat, inproc_thr,
 * inproc_lat) with the same arguments, socket types, clocks and output lines, so a zmq4j half can be paired with
 * a libzmq half and the numbers compared directly. Throughput is measured at the receiver from its first
 * message; latency is half the mean round trip.
 */
package org.zmq4j.tools.perf;
