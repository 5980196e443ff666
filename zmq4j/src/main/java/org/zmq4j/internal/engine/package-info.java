/**
 * Sessions and engines. A {@link org.zmq4j.internal.engine.Session} bridges one pipe and one connection at a time;
 * a {@link org.zmq4j.internal.engine.StreamEngine} speaks ZMTP 3.1 over a stream channel (TCP or Unix domain).
 * Both run on one I/O thread.
 */
package org.zmq4j.internal.engine;
