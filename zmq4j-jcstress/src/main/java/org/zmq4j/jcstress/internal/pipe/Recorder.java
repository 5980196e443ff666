package org.zmq4j.jcstress.internal.pipe;

import org.zmq4j.internal.pipe.Pipe;

/** A pipe end's owner that only records which signals reached it. */
final class Recorder implements Pipe.Listener {
    volatile boolean readActivated;
    volatile boolean writeActivated;
    volatile boolean pipeTerminated;

    @Override
    public void readActivated(Pipe pipe) {
        readActivated = true;
    }

    @Override
    public void writeActivated(Pipe pipe) {
        writeActivated = true;
    }

    @Override
    public void pipeTerminated(Pipe pipe) {
        pipeTerminated = true;
    }

    @Override
    public void hwmsChanged(Pipe pipe) {}
}
