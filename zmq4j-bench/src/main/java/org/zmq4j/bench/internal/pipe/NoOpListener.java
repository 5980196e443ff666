package org.zmq4j.bench.internal.pipe;

import org.zmq4j.internal.pipe.Pipe;

/** A pipe listener that ignores every signal, for benchmarks whose only thread polls the pipe anyway. */
public class NoOpListener implements Pipe.Listener {
    @Override
    public void readActivated(Pipe pipe) {}

    @Override
    public void writeActivated(Pipe pipe) {}

    @Override
    public void pipeTerminated(Pipe pipe) {}

    @Override
    public void hwmsChanged(Pipe pipe) {}
}
