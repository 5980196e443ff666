package org.zmq4j.internal.routing;

/**
 * A node of a byte trie whose children live in a dense array covering {@code [min, min + next.length)}, as in
 * libzmq's {@code trie_t}: one array index per step when matching a message's leading bytes.
 */
final class TrieNode<V> {
    V value;
    int min;
    TrieNode<V>[] next;
    int liveChildren;

    TrieNode<V> child(int b) {
        TrieNode<V>[] n = next;
        if (n == null) {
            return null;
        }
        int i = b - min;
        return i >= 0 && i < n.length ? n[i] : null;
    }

    @SuppressWarnings("unchecked")
    TrieNode<V> childOrCreate(int b) {
        if (next == null) {
            next = (TrieNode<V>[]) new TrieNode<?>[1];
            min = b;
        } else if (b < min) {
            TrieNode<V>[] grown = (TrieNode<V>[]) new TrieNode<?>[next.length + (min - b)];
            System.arraycopy(next, 0, grown, min - b, next.length);
            next = grown;
            min = b;
        } else if (b - min >= next.length) {
            TrieNode<V>[] grown = (TrieNode<V>[]) new TrieNode<?>[b - min + 1];
            System.arraycopy(next, 0, grown, 0, next.length);
            next = grown;
        }
        TrieNode<V> c = next[b - min];
        if (c == null) {
            c = new TrieNode<>();
            next[b - min] = c;
            liveChildren++;
        }
        return c;
    }

    void removeChild(int b) {
        next[b - min] = null;
        if (--liveChildren == 0) {
            next = null;
        }
    }

    boolean isEmpty() {
        return value == null && liveChildren == 0;
    }
}
