/** Socket types of the reqrep pattern. */
package org.zmq4j.internal.socket.reqrep;
