/** {@code tcp://} address parsing and resolution. */
package org.zmq4j.internal.transport.tcp;
