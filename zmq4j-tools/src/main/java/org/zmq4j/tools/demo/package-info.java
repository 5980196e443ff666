/**
 * {@code zmq4j demo}: the first examples of the ZeroMQ Guide (hwserver/hwclient, wuserver/wuclient,
 * taskvent/taskwork/tasksink) run in one process, each role on its own thread, once per transport. Waits are
 * bounded by {@code Demo.TIMEOUT}, and connections are awaited through messages, never through sleeps.
 */
package org.zmq4j.tools.demo;
