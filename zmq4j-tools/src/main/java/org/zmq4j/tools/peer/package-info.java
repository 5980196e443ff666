/**
 * {@code zmq4j send} and {@code zmq4j recv}: a generic peer of any socket type, for trying patterns by hand and
 * for talking to other ZeroMQ programs from a shell. Messages travel as text lines: tab-separated frames, with
 * frames that are not printable UTF-8 written (and read) as {@code 0x} hex.
 */
package org.zmq4j.tools.peer;
