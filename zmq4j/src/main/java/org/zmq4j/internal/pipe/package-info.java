/**
 * Pipes: the only way messages cross threads. A pipe has two ends, each owned by one thread (a socket's
 * thread or an I/O thread); see {@link org.zmq4j.internal.pipe.Pipe} for the high-water mark and ending rules.
 */
package org.zmq4j.internal.pipe;
