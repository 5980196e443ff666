/** Socket types of the pubsub pattern. */
package org.zmq4j.internal.socket.pubsub;
