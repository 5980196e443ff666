/**
 * The side-by-side run behind {@link org.zmq4j.bench.Compare}: which cases there are ({@link Case}), how each
 * implementation's tools are started ({@link Implementation}), how one case runs as a pair of processes
 * ({@link CaseRunner}), and how the rounds become a table of medians ({@link ResultTable}).
 *
 * <p>Every implementation runs the same programs with the same arguments: libzmq's perf tools' interface
 * ({@code local_thr}, {@code remote_thr}, {@code local_lat}, {@code remote_lat}, {@code inproc_thr},
 * {@code inproc_lat}) plus four fan tools of this project ({@code fan_in_pull}, {@code fan_in_push},
 * {@code fan_out_pub}, {@code fan_out_sub}), and each prints libzmq's result lines, which is all the harness reads.
 * The bare socket, a ceiling rather than an implementation, has only {@code local_thr} and {@code remote_thr}.
 */
package org.zmq4j.bench.harness;
