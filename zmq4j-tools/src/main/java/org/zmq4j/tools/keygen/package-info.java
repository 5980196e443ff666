/** {@code zmq4j keygen}: CURVE key pairs and CZMQ certificate files. */
package org.zmq4j.tools.keygen;
