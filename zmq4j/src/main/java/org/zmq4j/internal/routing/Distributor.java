package org.zmq4j.internal.routing;

import org.zmq4j.internal.pipe.Pipe;

/**
 * Manages a set of outbound pipes and sends each message to all of them or to those marked as matching
 * (libzmq's {@code dist_t}). A pipe that cannot take a message loses that message only: fan-out never blocks.
 *
 * <p>Order of the list: {@code [0, matching)} match the current message, {@code [0, active)} take part in the
 * current message, {@code [0, eligible)} may take the next one (a pipe attached or re-activated in the middle of
 * a multipart message waits for its end), the rest are full.
 */
public final class Distributor {
    private final PipeList pipes = new PipeList(true);
    private int matching;
    private int active;
    private int eligible;
    private boolean more;

    public void attach(Pipe pipe) {
        pipes.add(pipe);
        int i = pipes.size() - 1;
        pipes.swap(i, eligible);
        eligible++;
        if (!more) {
            pipes.swap(eligible - 1, active);
            active++;
        }
    }

    /** Marks a pipe as matching the message about to be sent. */
    public void match(Pipe pipe) {
        int i = pipes.indexOf(pipe);
        if (i < matching || i >= eligible) {
            return;
        }
        pipes.swap(i, matching);
        matching++;
    }

    public void unmatch() {
        matching = 0;
    }

    public void activated(Pipe pipe) {
        int i = pipes.indexOf(pipe);
        if (i < eligible) {
            return;
        }
        pipes.swap(i, eligible);
        eligible++;
        if (!more) {
            pipes.swap(eligible - 1, active);
            active++;
        }
    }

    public void pipeTerminated(Pipe pipe) {
        int i = pipes.indexOf(pipe);
        if (i < 0) {
            return;
        }
        if (i < matching) {
            pipes.swap(i, matching - 1);
            matching--;
            i = matching;
        }
        if (i < active) {
            pipes.swap(i, active - 1);
            active--;
            i = active;
        }
        if (i < eligible) {
            pipes.swap(i, eligible - 1);
            eligible--;
            i = eligible;
        }
        pipes.removeAt(i);
    }

    public void sendToAll(byte[] frame, int flags) {
        matching = active;
        sendToMatching(frame, flags);
    }

    /** Sends to every matching pipe; a pipe that is full or gone misses this message. */
    public void sendToMatching(byte[] frame, int flags) {
        boolean frameMore = (flags & Pipe.MORE) != 0;
        int n = matching;
        boolean shared = n > 1;
        if (shared) {
            flags &= ~Pipe.RECYCLABLE; // several pipes hold the array: nobody may recycle it
        }
        for (int i = 0; i < matching; ) {
            Pipe p = pipes.get(i);
            if (!more && !p.checkWrite()) {
                // Full or ended: out of this message and out of the eligible set until activated.
                pipes.swap(i, matching - 1);
                matching--;
                pipes.swap(matching, active - 1);
                active--;
                pipes.swap(active, eligible - 1);
                eligible--;
                continue;
            }
            p.write(shared && p.deliversToApp ? frame.clone() : frame, flags);
            if (!frameMore) {
                p.flush();
            }
            i++;
        }
        // Pipes that failed mid-message stay matching, so the rest of that message still goes to the others.
        more = frameMore;
        if (!more) {
            active = eligible;
        }
    }
}
