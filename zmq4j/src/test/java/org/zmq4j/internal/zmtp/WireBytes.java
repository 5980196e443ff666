package org.zmq4j.internal.zmtp;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Test support that spells wire vectors the way the RFC and libzmq's testutil write them. */
final class WireBytes {
    private WireBytes() {}

    /** Concatenates parts: an Integer is one octet, a String its ASCII octets, a byte[] itself. */
    static byte[] wire(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object part : parts) {
            if (part instanceof Integer) {
                out.write((Integer) part);
            } else if (part instanceof String) {
                out.writeBytes(((String) part).getBytes(StandardCharsets.US_ASCII));
            } else if (part instanceof byte[]) {
                out.writeBytes((byte[]) part);
            } else {
                throw new IllegalArgumentException("unsupported part " + part);
            }
        }
        return out.toByteArray();
    }

    static byte[] zeros(int n) {
        return new byte[n];
    }

    static byte[] filled(int n, int seed) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * 31 + seed);
        }
        return b;
    }

    static String hex(byte[] b) {
        StringBuilder s = new StringBuilder();
        for (byte x : b) {
            s.append(String.format("%02x", x & 0xFF));
        }
        return s.toString();
    }
}
