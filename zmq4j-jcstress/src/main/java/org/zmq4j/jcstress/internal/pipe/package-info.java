/** Stress tests of {@code org.zmq4j.internal.pipe}: a pipe's read and write activations, and its end. */
package org.zmq4j.jcstress.internal.pipe;
