/**
 * What every subcommand of {@code bin/zmq4j} shares: the {@link org.zmq4j.tools.common.Command} contract, the
 * streams it runs against, argument parsing, and the exit codes (0 done, 1 failed, 2 bad arguments).
 */
package org.zmq4j.tools.common;
