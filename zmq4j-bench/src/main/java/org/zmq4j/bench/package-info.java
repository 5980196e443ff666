/**
 * Benchmarks of zmq4j: {@link org.zmq4j.bench.Compare}, the side-by-side run against libzmq and JeroMQ, with the
 * tools it starts ({@code jeromq}, {@code fan}, {@code bare}) and its machinery ({@code harness}); and the JMH
 * micro-benchmarks under {@code internal}, whose packages mirror the library's. BENCHMARKS.md at the repository root
 * has the latest numbers and how to reproduce them.
 */
package org.zmq4j.bench;
