package org.zmq4j;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A whole multipart message: an ordered list of frames, sent and received atomically (all frames or none).
 *
 * <pre>{@code
 * socket.send(Message.of("topic", "payload"));
 * Message m = socket.recvMessage();
 * String topic = m.string(0);
 * }</pre>
 */
public final class Message implements Iterable<byte[]> {
    private final List<byte[]> frames;
    private Map<String, byte[]> properties = Map.of();

    public Message() {
        frames = new ArrayList<>(4);
    }

    private Message(List<byte[]> frames) {
        this.frames = frames;
    }

    /** A message of the given frames (kept, not copied). */
    public static Message of(byte[]... frames) {
        List<byte[]> l = new ArrayList<>(frames.length);
        for (byte[] f : frames) {
            l.add(f);
        }
        return new Message(l);
    }

    /** A message of UTF-8 frames. */
    public static Message of(String... frames) {
        List<byte[]> l = new ArrayList<>(frames.length);
        for (String s : frames) {
            l.add(s.getBytes(StandardCharsets.UTF_8));
        }
        return new Message(l);
    }

    public Message add(byte[] frame) {
        frames.add(frame);
        return this;
    }

    public Message add(String frame) {
        frames.add(frame.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    public int size() {
        return frames.size();
    }

    public boolean isEmpty() {
        return frames.isEmpty();
    }

    public byte[] frame(int i) {
        return frames.get(i);
    }

    /** Frame {@code i} decoded as UTF-8. */
    public String string(int i) {
        return new String(frames.get(i), StandardCharsets.UTF_8);
    }

    /** Removes and returns the first frame (e.g. a ROUTER's routing id). */
    public byte[] pop() {
        return frames.remove(0);
    }

    /** Inserts a frame in front (e.g. a routing id before sending on a ROUTER). */
    public Message push(byte[] frame) {
        frames.add(0, frame);
        return this;
    }

    /**
     * A property of the connection this message came from (libzmq's zmq_msg_gets): "Socket-Type", "Identity",
     * "Peer-Address", "User-Id", ZAP metadata and the peer's "X-" properties; null if unknown. Names are
     * case-insensitive.
     */
    public String property(String name) {
        byte[] v = properties.get(name);
        return v == null ? null : new String(v, StandardCharsets.UTF_8);
    }

    void properties(Map<String, byte[]> props) {
        this.properties = props;
    }

    public List<byte[]> frames() {
        return frames;
    }

    @Override
    public Iterator<byte[]> iterator() {
        return frames.iterator();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Message[");
        for (int i = 0; i < frames.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(frames.get(i).length).append('B');
        }
        return sb.append(']').toString();
    }
}
