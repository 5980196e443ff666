/** Stress tests of {@code org.zmq4j.internal.concurrent}: the frame queue and the array pool. */
package org.zmq4j.jcstress.internal.concurrent;
