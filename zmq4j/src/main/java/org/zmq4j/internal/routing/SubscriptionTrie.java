package org.zmq4j.internal.routing;

/**
 * A subscriber's own set of prefixes with reference counts (libzmq's {@code trie_t}): 29/PUB-SUB
 * "Subscribing to A and A counts as two subscriptions, and would require two CANCEL commands to undo."
 */
public final class SubscriptionTrie {
    private final TrieNode<int[]> root = new TrieNode<>();
    private int count;

    /** Adds one reference; true if the prefix was not subscribed before. */
    public boolean add(byte[] prefix, int off, int len) {
        TrieNode<int[]> n = root;
        for (int i = 0; i < len; i++) {
            n = n.childOrCreate(prefix[off + i] & 0xFF);
        }
        if (n.value == null) {
            n.value = new int[] {1};
            count++;
            return true;
        }
        n.value[0]++;
        return false;
    }

    /** Removes one reference; true if that was the last one. False also when the prefix was not subscribed. */
    public boolean remove(byte[] prefix, int off, int len) {
        return remove(root, prefix, off, len);
    }

    private boolean remove(TrieNode<int[]> n, byte[] prefix, int off, int len) {
        if (len == 0) {
            if (n.value == null) {
                return false;
            }
            if (--n.value[0] > 0) {
                return false;
            }
            n.value = null;
            count--;
            return true;
        }
        int b = prefix[off] & 0xFF;
        TrieNode<int[]> c = n.child(b);
        if (c == null) {
            return false;
        }
        boolean last = remove(c, prefix, off + 1, len - 1);
        if (c.isEmpty()) {
            n.removeChild(b);
        }
        return last;
    }

    /** True if some subscribed prefix is a prefix of {@code data[off, off+len)}. */
    public boolean matches(byte[] data, int off, int len) {
        TrieNode<int[]> n = root;
        for (int i = 0; ; i++) {
            if (n.value != null) {
                return true;
            }
            if (i == len) {
                return false;
            }
            n = n.child(data[off + i] & 0xFF);
            if (n == null) {
                return false;
            }
        }
    }

    /** Calls {@code fn} once for every subscribed prefix (per reference is not needed: re-subscription sends one). */
    public void forEach(java.util.function.Consumer<byte[]> fn) {
        walk(root, new byte[16], 0, fn);
    }

    private void walk(TrieNode<int[]> n, byte[] buf, int len, java.util.function.Consumer<byte[]> fn) {
        if (n.value != null) {
            for (int r = 0; r < n.value[0]; r++) {
                fn.accept(java.util.Arrays.copyOf(buf, len));
            }
        }
        if (n.next == null) {
            return;
        }
        for (int i = 0; i < n.next.length; i++) {
            TrieNode<int[]> c = n.next[i];
            if (c != null) {
                if (len == buf.length) {
                    buf = java.util.Arrays.copyOf(buf, len * 2);
                }
                buf[len] = (byte) (n.min + i);
                walk(c, buf, len + 1, fn);
            }
        }
    }

    public int size() {
        return count;
    }
}
