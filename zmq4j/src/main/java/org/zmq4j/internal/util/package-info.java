/** Small shared helpers at the bottom of the layers: option values, socket type table, monitor event numbers. */
package org.zmq4j.internal.util;
