/** Stress tests of {@code org.zmq4j.internal.concurrent}: the frame queue, the array pool and a socket's mailbox. */
package org.zmq4j.jcstress.internal.concurrent;
