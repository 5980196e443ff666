package org.zmq4j.tools.peer;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.zmq4j.Message;

/** Writes received messages to stdout as UTF-8 lines, one per message, flushed at once for pipes. */
final class Output {
    private Output() {}

    static void print(PrintStream out, Message message) {
        byte[] line = (FrameText.format(message) + "\n").getBytes(StandardCharsets.UTF_8);
        out.write(line, 0, line.length);
        out.flush();
    }
}
