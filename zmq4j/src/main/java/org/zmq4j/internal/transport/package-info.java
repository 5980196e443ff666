/**
 * Transports: endpoint parsing, stream listeners and connecters for {@code tcp://} and {@code ipc://} (real Unix
 * domain sockets), and the {@code inproc://} registry.
 */
package org.zmq4j.internal.transport;
