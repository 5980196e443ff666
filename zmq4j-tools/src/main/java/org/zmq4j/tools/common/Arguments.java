package org.zmq4j.tools.common;

import java.util.Locale;
import org.zmq4j.SocketType;

/** Parses the typed values found in command lines, turning bad ones into {@link UsageException}s. */
public final class Arguments {
    private Arguments() {}

    /** {@code value} as an int of at least {@code min}; {@code what} names it in the error. */
    public static int parseInt(String what, String value, int min) {
        int n;
        try {
            n = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new UsageException(what + " must be an integer, not '" + value + "'");
        }
        if (n < min) {
            throw new UsageException(what + " must be at least " + min + ", not " + n);
        }
        return n;
    }

    public static SocketType parseSocketType(String value) {
        try {
            return SocketType.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageException("unknown socket type '" + value + "'");
        }
    }
}
