/**
 * Robustness tests: start order, reconnection, LINGER, context termination, interrupts, ordering under
 * high-water-mark pressure, and bad input on the wire. Each test runs over tcp, ipc and inproc where the transport
 * applies (faults on the wire over tcp and ipc only), waits on events or on polls with deadlines, never on sleeps,
 * and checks both the failure and that the socket still serves well-behaved peers afterwards.
 */
package org.zmq4j.faults;
