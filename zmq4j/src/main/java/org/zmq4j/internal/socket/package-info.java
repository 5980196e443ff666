/**
 * Sockets: {@link org.zmq4j.internal.socket.SocketBase} (blocking loops, mailbox, endpoints, options) and one
 * small class per socket type, grouped by pattern, each composed from the strategies in
 * {@code org.zmq4j.internal.routing}.
 */
package org.zmq4j.internal.socket;
