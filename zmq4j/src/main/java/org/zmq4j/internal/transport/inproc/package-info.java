/** {@code inproc://}: pipes straight between two sockets of one context, bound and connected in either order. */
package org.zmq4j.internal.transport.inproc;
