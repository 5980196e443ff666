/**
 * Queues and shared state between threads.
 *
 * <p>{@link org.zmq4j.internal.concurrent.FrameQueue} carries messages one way between exactly two threads and
 * tells the writer when the reader sleeps, so a busy reader is never signalled (the main cost of a messaging
 * library is wake-ups). {@link org.zmq4j.internal.concurrent.CommandQueue} carries the rarer control commands
 * (a pipe became readable or writable, was attached or ended) to a socket's thread.
 * {@link org.zmq4j.internal.concurrent.ArrayPool} hands large frame arrays back for reuse across a context's threads,
 * and {@link org.zmq4j.internal.concurrent.Waits} counts a thread's waits on sockets, which decides when a socket's
 * thread may write to the network itself.
 */
package org.zmq4j.internal.concurrent;
