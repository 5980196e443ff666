/** Socket types of the pair pattern. */
package org.zmq4j.internal.socket.pair;
