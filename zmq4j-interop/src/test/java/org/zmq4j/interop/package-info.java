/**
 * zmq4j against a real libzmq (Debian's libzmq5, driven through python3-zmq), through the public API only.
 *
 * <p>The other end of every test is a {@link org.zmq4j.interop.LibzmqPeer}: one libzmq socket in a
 * {@code /usr/bin/python3} process running {@code libzmq_peer.py}, told step by step what to send and receive over
 * its stdin and stdout. Tests run over tcp and ipc with either side binding ({@code InteropTestSupport.setups()}),
 * and each side of a pattern is played by each library in turn. Without python3-zmq they fail, saying what to
 * install; they never skip.
 *
 * <p>Timing rules: every wait is bounded (10 s, then the test fails quoting the peer's stderr), and tests wait for
 * results and monitor events, not for time. Three things look like polling and are not races:
 * <ul>
 *   <li>The slow joiner: a publisher drops what it sends before a subscription reaches it, so pub/sub tests
 *       publish until the first matching message arrives, and skip those warm-up messages afterwards.</li>
 *   <li>Idle sockets: libzmq, and zmq4j like it, run a socket's commands (new peers, reconnections) only inside
 *       calls on that socket. A bound SUB or XSUB that nobody calls never sends a new peer its subscriptions. The
 *       peer script therefore services its socket whenever the socket's ZMQ_FD signals, as an application in
 *       zmq_poll would, and a test that waits on the peer while a zmq4j socket must act keeps calling that socket
 *       ({@code recvServicing}).</li>
 *   <li>Heartbeats: that a connection stays up while only PINGs and PONGs cross it can only be watched for a
 *       while; those tests say so where they wait.</li>
 * </ul>
 */
package org.zmq4j.interop;
