/**
 * zmq4j: ZeroMQ in pure Java.
 *
 * <p>Make a {@link org.zmq4j.Context}, make {@link org.zmq4j.Socket}s of a {@link org.zmq4j.SocketType} from it,
 * bind and connect them to {@code tcp://}, {@code ipc://} and {@code inproc://} endpoints in any order, and send
 * and receive frames or whole {@link org.zmq4j.Message}s. Sockets speak ZMTP 3.1 and interoperate with libzmq.
 */
package org.zmq4j;
