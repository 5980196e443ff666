package org.zmq4j.internal.routing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.zmq4j.internal.pipe.Pipe;

/**
 * A publisher's subscriptions: for each prefix, the set of pipes subscribed to it (libzmq's {@code mtrie_t}).
 * Matching walks the message's leading bytes once and visits every pipe whose prefix it passes.
 */
public final class MultiTrie {
    private final TrieNode<ArrayList<Pipe>> root = new TrieNode<>();
    private int prefixes;

    /** Adds {@code pipe} to {@code prefix}; true if the prefix had no pipe before. */
    public boolean add(byte[] prefix, int off, int len, Pipe pipe) {
        TrieNode<ArrayList<Pipe>> n = root;
        for (int i = 0; i < len; i++) {
            n = n.childOrCreate(prefix[off + i] & 0xFF);
        }
        if (n.value == null) {
            n.value = new ArrayList<>(2);
            prefixes++;
        }
        boolean first = n.value.isEmpty();
        if (!n.value.contains(pipe)) {
            n.value.add(pipe);
        }
        return first;
    }

    /** Removes {@code pipe} from {@code prefix}; true if it was there and the prefix now has no pipe. */
    public boolean remove(byte[] prefix, int off, int len, Pipe pipe) {
        return remove(root, prefix, off, len, pipe);
    }

    private boolean remove(TrieNode<ArrayList<Pipe>> n, byte[] prefix, int off, int len, Pipe pipe) {
        if (len == 0) {
            if (n.value == null || !n.value.remove(pipe)) {
                return false;
            }
            if (n.value.isEmpty()) {
                n.value = null;
                prefixes--;
                return true;
            }
            return false;
        }
        int b = prefix[off] & 0xFF;
        TrieNode<ArrayList<Pipe>> c = n.child(b);
        if (c == null) {
            return false;
        }
        boolean last = remove(c, prefix, off + 1, len - 1, pipe);
        if (c.isEmpty()) {
            n.removeChild(b);
        }
        return last;
    }

    /** Removes {@code pipe} everywhere, calling {@code onLast} with each prefix that is left without pipes. */
    public void removePipe(Pipe pipe, Consumer<byte[]> onLast) {
        removePipe(root, pipe, new byte[16], 0, (buf, len) -> onLast.accept(Arrays.copyOf(buf, len)));
    }

    private void removePipe(TrieNode<ArrayList<Pipe>> n, Pipe pipe, byte[] buf, int len,
            BiConsumer<byte[], Integer> onLast) {
        if (n.value != null && n.value.remove(pipe) && n.value.isEmpty()) {
            n.value = null;
            prefixes--;
            onLast.accept(buf, len);
        }
        if (n.next == null) {
            return;
        }
        for (int i = 0; n.next != null && i < n.next.length; i++) {
            TrieNode<ArrayList<Pipe>> c = n.next[i];
            if (c != null) {
                if (len == buf.length) {
                    buf = Arrays.copyOf(buf, len * 2);
                }
                buf[len] = (byte) (n.min + i);
                removePipe(c, pipe, buf, len + 1, onLast);
                if (c.isEmpty()) {
                    n.removeChild(n.min + i);
                }
            }
        }
    }

    /** Visits every pipe subscribed to a prefix of {@code data[off, off+len)} (a pipe may be visited twice). */
    public void match(byte[] data, int off, int len, Consumer<Pipe> fn) {
        TrieNode<ArrayList<Pipe>> n = root;
        for (int i = 0; ; i++) {
            ArrayList<Pipe> ps = n.value;
            if (ps != null) {
                for (int k = 0, s = ps.size(); k < s; k++) {
                    fn.accept(ps.get(k));
                }
            }
            if (i == len) {
                return;
            }
            n = n.child(data[off + i] & 0xFF);
            if (n == null) {
                return;
            }
        }
    }

    public int size() {
        return prefixes;
    }
}
