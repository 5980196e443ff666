/** I/O threads: selector event loops with timers and a task queue; everything registered runs on its loop. */
package org.zmq4j.internal.io;
