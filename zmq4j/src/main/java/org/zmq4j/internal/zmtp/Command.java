package org.zmq4j.internal.zmtp;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Builds and reads ZMTP command bodies: the content of a frame with the COMMAND flag.
 *
 * <pre>
 * +-----------+------------------+-------------------+
 * | name-size |       name       |       data        |
 * +-----------+------------------+-------------------+
 *      1        1 - 255 octets      rest of the body
 *
 * READY:  data = metadata (see {@link Metadata})
 * ERROR:  data = reason-size (1) reason (0 - 255 VCHAR)
 * PING:   data = TTL (2, big-endian, deciseconds) context (0 - 16 octets)
 * PONG:   data = context (0 - 16 octets)
 * </pre>
 */
public final class Command {
    public static final String READY = "READY";
    public static final String ERROR = "ERROR";
    public static final String PING = "PING";
    public static final String PONG = "PONG";
    public static final String SUBSCRIBE = "SUBSCRIBE";
    public static final String CANCEL = "CANCEL";
    public static final String HELLO = "HELLO";
    public static final String WELCOME = "WELCOME";
    public static final String INITIATE = "INITIATE";

    /** 37/ZMTP 3.1: ping-context = 0*16OCTET. */
    public static final int MAX_PING_CONTEXT = 16;

    private static final int MAX_ERROR_REASON = 255;

    private Command() {}

    public static byte[] encode(String name, byte[] data, int off, int len) {
        int n = name.length();
        if (n == 0 || n > 255) {
            throw new IllegalArgumentException("command name must be 1 to 255 characters: '" + name + "'");
        }
        byte[] body = new byte[1 + n + len];
        body[0] = (byte) n;
        for (int i = 0; i < n; i++) {
            char c = name.charAt(i);
            // 37/ZMTP 3.1: command-name-char = ALPHA.
            if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) {
                throw new IllegalArgumentException("command name must be letters only: '" + name + "'");
            }
            body[1 + i] = (byte) c;
        }
        System.arraycopy(data, off, body, 1 + n, len);
        return body;
    }

    public static byte[] encode(String name, byte[] data) {
        return encode(name, data, 0, data.length);
    }

    /**
     * @throws ZmtpException {@link ProtocolErrors#ZMTP_MALFORMED_COMMAND_UNSPECIFIED} if the body is empty, or
     *     name-size is 0 or runs past the body
     */
    public static String name(byte[] body) throws ZmtpException {
        if (body.length == 0) {
            throw new ZmtpException(ProtocolErrors.ZMTP_MALFORMED_COMMAND_UNSPECIFIED, "empty command frame");
        }
        int n = body[0] & 0xFF;
        // 37/ZMTP 3.1: command-name = short-size 1*255command-name-char
        if (n == 0 || n > body.length - 1) {
            throw new ZmtpException(ProtocolErrors.ZMTP_MALFORMED_COMMAND_UNSPECIFIED,
                    "command name size " + n + " invalid for a body of " + body.length + " octets");
        }
        return new String(body, 1, n, StandardCharsets.US_ASCII);
    }

    /**
     * libzmq 4.3's ERROR command as it is on the wire: its source writes the name as the C string
     * {@code "\x5ERROR"}, meant as length 5 and "ERROR", which C reads as the byte 0x5E followed by "RROR". The
     * name-size is then 94 and runs past the body, so it is malformed by 37/ZMTP 3.1; it is accepted as ERROR,
     * with its reason right after, so that a refusal by a libzmq server reads as one.
     */
    private static final byte[] LIBZMQ_43_ERROR = {0x5E, 'R', 'R', 'O', 'R'};

    private static boolean isLibzmq43Error(byte[] body) {
        if (body.length < LIBZMQ_43_ERROR.length) {
            return false;
        }
        for (int i = 0; i < LIBZMQ_43_ERROR.length; i++) {
            if (body[i] != LIBZMQ_43_ERROR[i]) {
                return false;
            }
        }
        return true;
    }

    /** True if body is a command named {@code name} (exact case), without allocating. */
    public static boolean is(byte[] body, String name) {
        if (name.equals(ERROR) && isLibzmq43Error(body)) {
            return true;
        }
        int n = name.length();
        if (body.length < 1 + n || (body[0] & 0xFF) != n) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (body[1 + i] != (byte) name.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Where the command data starts: 1 + name length. The body must hold a name (see {@link #name}). */
    public static int dataOffset(byte[] body) {
        return 1 + (body[0] & 0xFF);
    }

    /** A READY command carrying the properties as metadata, in the map's iteration order. */
    public static byte[] ready(Map<String, byte[]> properties) {
        return encode(READY, Metadata.encode(properties));
    }

    /** An ERROR command; the reason is sent as US-ASCII and cut to 255 octets. */
    public static byte[] error(String reason) {
        byte[] text = reason.getBytes(StandardCharsets.US_ASCII);
        int n = Math.min(text.length, MAX_ERROR_REASON);
        byte[] data = new byte[1 + n];
        data[0] = (byte) n;
        System.arraycopy(text, 0, data, 1, n);
        return encode(ERROR, data);
    }

    /**
     * Reads the reason of an ERROR command. Octets after the reason are ignored, as libzmq does.
     *
     * @throws ZmtpException {@link ProtocolErrors#ZMTP_MALFORMED_COMMAND_ERROR} if the body is not an ERROR
     *     command or the reason-size runs past the body
     */
    public static String errorReason(byte[] body) throws ZmtpException {
        if (!is(body, ERROR)) {
            throw new ZmtpException(ProtocolErrors.ZMTP_MALFORMED_COMMAND_ERROR, "not an ERROR command");
        }
        int at = isLibzmq43Error(body) ? LIBZMQ_43_ERROR.length : dataOffset(body);
        // 37/ZMTP 3.1: error-reason = short-size 0*255VCHAR
        if (at >= body.length || (body[at] & 0xFF) > body.length - at - 1) {
            throw new ZmtpException(ProtocolErrors.ZMTP_MALFORMED_COMMAND_ERROR,
                    "ERROR command reason truncated (" + body.length + " octets)");
        }
        return new String(body, at + 1, body[at] & 0xFF, StandardCharsets.ISO_8859_1);
    }

    /**
     * A PING command.
     *
     * @param ttlDeciseconds 0 to 65535; 37/ZMTP 3.1: "a time-to-live measured in tenths of seconds"
     * @param context 0 to 16 octets that the peer echoes in its PONG
     */
    public static byte[] ping(int ttlDeciseconds, byte[] context) {
        if (ttlDeciseconds < 0 || ttlDeciseconds > 0xFFFF) {
            throw new IllegalArgumentException("PING TTL must be 0 to 65535 deciseconds: " + ttlDeciseconds);
        }
        checkContext(context);
        byte[] data = new byte[2 + context.length];
        data[0] = (byte) (ttlDeciseconds >>> 8);
        data[1] = (byte) ttlDeciseconds;
        System.arraycopy(context, 0, data, 2, context.length);
        return encode(PING, data);
    }

    /** A PONG command echoing a PING's context (0 to 16 octets). */
    public static byte[] pong(byte[] context) {
        checkContext(context);
        return encode(PONG, context);
    }

    /**
     * The TTL of a PING command, in deciseconds (0 to 65535).
     *
     * @throws ZmtpException {@link ProtocolErrors#ZMTP_MALFORMED_COMMAND_UNSPECIFIED} if body is not a PING with
     *     a 2-octet TTL
     */
    public static int pingTtl(byte[] body) throws ZmtpException {
        int at = checkPing(body);
        return ((body[at] & 0xFF) << 8) | (body[at + 1] & 0xFF);
    }

    /**
     * What the PONG reply must echo: the PING's context, cut to 16 octets as libzmq does.
     *
     * @throws ZmtpException {@link ProtocolErrors#ZMTP_MALFORMED_COMMAND_UNSPECIFIED} if body is not a PING with
     *     a 2-octet TTL
     */
    public static byte[] pingContext(byte[] body) throws ZmtpException {
        int at = checkPing(body) + 2;
        // 37/ZMTP 3.1: the echoed ping-context "may be empty and MUST not exceed 16 octets".
        int n = Math.min(body.length - at, MAX_PING_CONTEXT);
        byte[] context = new byte[n];
        System.arraycopy(body, at, context, 0, n);
        return context;
    }

    private static int checkPing(byte[] body) throws ZmtpException {
        if (!is(body, PING)) {
            throw new ZmtpException(ProtocolErrors.ZMTP_MALFORMED_COMMAND_UNSPECIFIED, "not a PING command");
        }
        int at = dataOffset(body);
        // 37/ZMTP 3.1: ping = command-size %d4 "PING" ping-ttl ping-context; ping-ttl = 2OCTET
        if (body.length - at < 2) {
            throw new ZmtpException(ProtocolErrors.ZMTP_MALFORMED_COMMAND_UNSPECIFIED,
                    "PING command without its 2-octet TTL");
        }
        return at;
    }

    private static void checkContext(byte[] context) {
        if (context.length > MAX_PING_CONTEXT) {
            throw new IllegalArgumentException("ping context is at most 16 octets, got " + context.length);
        }
    }
}
