package org.zmq4j;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.zmq4j.internal.concurrent.Waits;
import org.zmq4j.internal.socket.SocketBase;
import org.zmq4j.internal.util.ZmqError;

/**
 * Waits until one of several sockets can receive ({@link #POLLIN}) or send ({@link #POLLOUT}) without blocking,
 * as zmq_poll: level-triggered, from one thread. The waiting thread parks; any socket's incoming command wakes it.
 *
 * <pre>{@code
 * Poller poller = new Poller();
 * int a = poller.register(frontend, Poller.POLLIN);
 * int b = poller.register(backend, Poller.POLLIN);
 * while (poller.poll(-1) > 0) {
 *     if (poller.pollin(a)) { ... }
 * }
 * }</pre>
 */
public final class Poller {
    public static final int POLLIN = 1;
    public static final int POLLOUT = 2;

    private final List<Socket> sockets = new ArrayList<>();
    private final List<Integer> interest = new ArrayList<>();
    private int[] ready = new int[0];

    /** An empty poller. */
    public Poller() {
        // sockets are added with register
    }

    /** Adds a socket; returns its index for {@link #pollin}/{@link #pollout}. */
    public int register(Socket socket, int events) {
        if ((events & ~(POLLIN | POLLOUT)) != 0 || events == 0) {
            throw new ZmqException(ZmqException.EINVAL, "events must be POLLIN and/or POLLOUT");
        }
        sockets.add(socket);
        interest.add(events);
        ready = new int[sockets.size()];
        return sockets.size() - 1;
    }

    /** Removes a socket; indexes of later sockets move down by one. */
    public void unregister(Socket socket) {
        int i = sockets.indexOf(socket);
        if (i < 0) {
            throw new ZmqException(ZmqException.EINVAL, "socket is not registered");
        }
        sockets.remove(i);
        interest.remove(i);
        ready = new int[sockets.size()];
    }

    public int size() {
        return sockets.size();
    }

    /**
     * Waits up to {@code timeoutMillis} (-1 = forever, 0 = just look) for any registered event; returns how many
     * sockets have one (0 on timeout).
     */
    public int poll(long timeoutMillis) {
        long deadline = timeoutMillis < 0 ? Long.MAX_VALUE : System.nanoTime() + timeoutMillis * 1_000_000L;
        Thread me = Thread.currentThread();
        try {
            while (true) {
                int n = check();
                if (n > 0 || timeoutMillis == 0) {
                    return n;
                }
                for (Socket s : sockets) {
                    s.base().setWaiter(me);
                }
                try {
                    // After registering: a command posted, or the context ended, before registration was not seen
                    // by its poster, whose wake-up found no waiter (terminate() sets the flag, then wakes).
                    if (anyPendingCommands() || anyContextTerminated()) {
                        continue;
                    }
                    if (me.isInterrupted()) {
                        throw new InterruptedCallException("interrupted in poll");
                    }
                    Waits.waiting();
                    if (deadline == Long.MAX_VALUE) {
                        LockSupport.park(this);
                    } else {
                        long wait = deadline - System.nanoTime();
                        if (wait <= 0) {
                            return 0;
                        }
                        LockSupport.parkNanos(this, wait);
                    }
                } finally {
                    for (Socket s : sockets) {
                        s.base().setWaiter(null);
                    }
                }
                if (me.isInterrupted()) {
                    throw new InterruptedCallException("interrupted in poll");
                }
                // The next check() throws ContextTerminatedException if the context ended meanwhile.
            }
        } catch (ZmqError e) {
            throw Errors.map(e);
        }
    }

    private boolean anyContextTerminated() {
        for (Socket s : sockets) {
            if (s.base().isContextTerminated()) {
                return true;
            }
        }
        return false;
    }

    private boolean anyPendingCommands() {
        for (Socket s : sockets) {
            if (s.base().hasPendingCommands()) {
                return true;
            }
        }
        return false;
    }

    private int check() {
        int n = 0;
        for (int i = 0; i < sockets.size(); i++) {
            SocketBase b = sockets.get(i).base();
            int ev = b.pollEvents() & interest.get(i);
            ready[i] = ev;
            if (ev != 0) {
                n++;
            }
        }
        return n;
    }

    public boolean pollin(int index) {
        return (ready[index] & POLLIN) != 0;
    }

    public boolean pollout(int index) {
        return (ready[index] & POLLOUT) != 0;
    }

    /** The events found for socket {@code index} by the last poll. */
    public int readyEvents(int index) {
        return ready[index];
    }
}
