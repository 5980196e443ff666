/** CURVE measurements that pair with the project's C tools over libzmq: handshakes per second. */
package org.zmq4j.bench.curve;
