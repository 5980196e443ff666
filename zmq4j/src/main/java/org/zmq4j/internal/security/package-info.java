/** Security mechanisms behind the ZMTP handshake: the {@link org.zmq4j.internal.security.Mechanism} SPI and NULL. */
package org.zmq4j.internal.security;
