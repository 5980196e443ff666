/** Socket types of the pipeline pattern. */
package org.zmq4j.internal.socket.pipeline;
