/**
 * Test support for system tests that use the public API: a {@link org.zmq4j.testing.ScriptedZmtpPeer} to play the
 * other end of a ZMTP connection byte by byte, a {@link org.zmq4j.testing.MonitorProbe} to wait on monitor events,
 * {@link org.zmq4j.testing.Worker} threads joined with deadlines, a {@link org.zmq4j.testing.ChildJvm} for cases that
 * need JVM options of their own, and fresh endpoints per {@link org.zmq4j.testing.Transport}. Every wait here has a
 * deadline and fails the test when it runs out.
 */
package org.zmq4j.testing;
