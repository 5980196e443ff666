package org.zmq4j.internal.util;

/**
 * Socket type numbers, ZMTP names and peer compatibility, for the layers below the public API.
 *
 * <p>Numbers are libzmq's ({@code ZMQ_PAIR} = 0 …); names are the 37/ZMTP 3.1 "Socket-Type" grammar.
 */
public final class SocketTypes {
    public static final int PAIR = 0, PUB = 1, SUB = 2, REQ = 3, REP = 4, DEALER = 5, ROUTER = 6,
            PULL = 7, PUSH = 8, XPUB = 9, XSUB = 10, STREAM = 11;

    private static final String[] NAMES = {
        "PAIR", "PUB", "SUB", "REQ", "REP", "DEALER", "ROUTER", "PULL", "PUSH", "XPUB", "XSUB", "STREAM"
    };

    private SocketTypes() {}

    public static String name(int type) {
        return type >= 0 && type < NAMES.length ? NAMES[type] : "UNKNOWN";
    }

    /** Returns the type number for a ZMTP Socket-Type name, or -1. */
    public static int byName(String name) {
        for (int i = 0; i < NAMES.length; i++) {
            if (NAMES[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** 37/ZMTP 3.1 "For each socket type, its legal peer types are as follows". */
    public static boolean compatible(int self, int peer) {
        switch (self) {
            case PAIR: return peer == PAIR;
            case PUB: case XPUB: return peer == SUB || peer == XSUB;
            case SUB: case XSUB: return peer == PUB || peer == XPUB;
            case REQ: return peer == REP || peer == ROUTER;
            case REP: return peer == REQ || peer == DEALER;
            case DEALER: return peer == REP || peer == DEALER || peer == ROUTER;
            case ROUTER: return peer == REQ || peer == DEALER || peer == ROUTER;
            case PUSH: return peer == PULL;
            case PULL: return peer == PUSH;
            default: return false;
        }
    }

    /** libzmq sends the Identity property only from these types. */
    public static boolean sendsIdentity(int type) {
        return type == REQ || type == DEALER || type == ROUTER;
    }

    /** Types whose connections carry subscriptions upstream and need them re-sent after a reconnect. */
    public static boolean isSubscriber(int type) {
        return type == SUB || type == XSUB;
    }
}
