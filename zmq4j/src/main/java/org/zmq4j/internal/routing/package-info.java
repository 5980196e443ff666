/**
 * Routing strategies that socket types are composed from, as in libzmq: {@link
 * org.zmq4j.internal.routing.LoadBalancer} (round-robin out), {@link org.zmq4j.internal.routing.FairQueue}
 * (round-robin in, whole messages), {@link org.zmq4j.internal.routing.Distributor} (fan-out to matching pipes)
 * and the subscription tries.
 *
 * <p>Each strategy keeps its pipes in one list with the active ones first ({@code [0, active)}), so activation
 * and deactivation are swaps. All methods run on the owning socket's thread.
 */
package org.zmq4j.internal.routing;
