package org.zmq4j.internal.socket;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.zmq4j.internal.util.EventSink;
import org.zmq4j.internal.util.MonitorEvents;

/**
 * A socket's monitor: turns events from any thread into libzmq's version-1 monitor messages on an internal PAIR
 * bound to the user's inproc endpoint, and hands them to an optional in-process listener.
 *
 * <p>Frames: {@code [uint16 event][uint32 value]} in the machine's byte order (libzmq copies them from memory),
 * then the endpoint string. Emission is serialised by a lock because events come from several I/O threads.
 */
final class Monitor implements EventSink {
    private SocketBase pair;
    private int mask;
    volatile EventSink listener;

    synchronized void start(SocketBase pair, int mask) {
        this.pair = pair;
        this.mask = mask;
    }

    synchronized void stop() {
        if (pair == null) {
            return;
        }
        emit(MonitorEvents.MONITOR_STOPPED, 0, "");
        pair.close();
        pair = null;
    }

    @Override
    public void event(int event, long value, String local, String remote) {
        EventSink l = listener;
        if (l != null) {
            l.event(event, value, local, remote);
        }
        synchronized (this) {
            if (pair != null && (mask & event) != 0) {
                emit(event, value, local);
            }
        }
    }

    private void emit(int event, long value, String endpoint) {
        if (pair == null) {
            return;
        }
        byte[] head = ByteBuffer.allocate(6).order(ByteOrder.nativeOrder())
                .putShort((short) event).putInt((int) value).array();
        try {
            if (pair.send(head, SocketBase.SNDMORE | SocketBase.DONTWAIT)) {
                pair.send(endpoint.getBytes(StandardCharsets.UTF_8), SocketBase.DONTWAIT);
            }
        } catch (RuntimeException e) {
            // The context is ending: monitoring ends with it.
        }
    }
}
