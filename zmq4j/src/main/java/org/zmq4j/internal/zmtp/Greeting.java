package org.zmq4j.internal.zmtp;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The 64-octet ZMTP 3.x greeting: encodes ours and parses and validates the peer's.
 *
 * <pre>
 *  0      1 - 8      9      10      11      12 - 31      32          33 - 63
 * +------+---------+------+-------+-------+-----------+-----------+-----------+
 * | 0xFF | padding | 0x7F | major | minor | mechanism | as-server |  filler   |
 * +------+---------+------+-------+-------+-----------+-----------+-----------+
 *   signature (10)          0x03    0x01    20 octets,   0x00 or     31 x 0x00
 *                                           NUL-padded   0x01
 * </pre>
 */
public final class Greeting {
    public static final int SIZE = 64;

    /** The signature (0xFF, padding, 0x7F): enough to tell a versioned ZMTP peer from a ZMTP 1.0 one. */
    public static final int SIGNATURE_SIZE = 10;

    public static final int MAJOR_VERSION = 3;
    public static final int MINOR_VERSION = 1;

    private static final int MAJOR_OFFSET = 10;
    private static final int MINOR_OFFSET = 11;
    private static final int MECHANISM_OFFSET = 12;
    private static final int MECHANISM_SIZE = 20;
    private static final int AS_SERVER_OFFSET = 32;

    private final int major;
    private final int minor;
    private final String mechanism;
    private final boolean asServer;

    private Greeting(int major, int minor, String mechanism, boolean asServer) {
        this.major = major;
        this.minor = minor;
        this.mechanism = mechanism;
        this.asServer = asServer;
    }

    /** Writes our full greeting (ZMTP 3.1) at dst's position. */
    public static void encode(ByteBuffer dst, String mechanism, boolean asServer) {
        byte[] name = mechanismBytes(mechanism);
        dst.put((byte) 0xFF);
        // 37/ZMTP 3.1: "the peer SHOULD set the padding field to binary zeros" when it sends the whole greeting.
        for (int i = 0; i < 8; i++) {
            dst.put((byte) 0);
        }
        dst.put((byte) 0x7F);
        dst.put((byte) MAJOR_VERSION);
        dst.put((byte) MINOR_VERSION);
        dst.put(name);
        for (int i = name.length; i < MECHANISM_SIZE; i++) {
            dst.put((byte) 0);
        }
        dst.put((byte) (asServer ? 1 : 0));
        for (int i = AS_SERVER_OFFSET + 1; i < SIZE; i++) {
            dst.put((byte) 0);
        }
    }

    public static byte[] encode(String mechanism, boolean asServer) {
        byte[] greeting = new byte[SIZE];
        encode(ByteBuffer.wrap(greeting), mechanism, asServer);
        return greeting;
    }

    /**
     * Parses a peer greeting from exactly {@link #SIZE} bytes at src's position, advancing it.
     *
     * @throws ZmtpException with {@link ProtocolErrors#ZMTP_UNSPECIFIED} for a peer that is not ZMTP 3.x, or
     *     {@link ProtocolErrors#ZMTP_MECHANISM_MISMATCH} for a mechanism field no mechanism can match
     */
    public static Greeting parse(ByteBuffer src) throws ZmtpException {
        if (src.remaining() < SIZE) {
            throw new IllegalArgumentException("a greeting is " + SIZE + " octets, got " + src.remaining());
        }
        byte[] g = new byte[SIZE];
        src.get(g);
        if (isNotZmtp3Signature(ByteBuffer.wrap(g), SIGNATURE_SIZE)) {
            throw new ZmtpException(ProtocolErrors.ZMTP_UNSPECIFIED,
                    "peer greeting has no versioned ZMTP signature (a ZMTP 1.0 peer), unsupported");
        }
        int major = g[MAJOR_OFFSET] & 0xFF;
        int minor = g[MINOR_OFFSET] & 0xFF;
        // 37/ZMTP 3.1: "a ZMTP peer MUST accept protocol versions greater or equal to 3.1"; 3.0 is accepted too,
        // as libzmq does, since its framing is the same.
        if (major < MAJOR_VERSION) {
            throw new ZmtpException(ProtocolErrors.ZMTP_UNSPECIFIED,
                    "peer speaks ZMTP " + major + ".x (ZMTP 2.0 or older), unsupported");
        }
        String mechanism = parseMechanism(g);
        // 37/ZMTP 3.1: as-server is %x00 or %x01; higher versions may use the other bits, so they are ignored.
        boolean asServer = (g[AS_SERVER_OFFSET] & 1) != 0;
        return new Greeting(major, minor, mechanism, asServer);
    }

    /**
     * Tells whether the first {@code available} bytes of buf (absolute indexes from 0; position and limit are
     * ignored) already prove the peer is not a ZMTP 3 peer: 37/ZMTP 3.1 "If this first octet is not %FF, then
     * the other peer is using ZMTP 1.0", and "If the least significant bit [of the 10th octet] is 0, then the
     * other peer is using ZMTP 1.0". Bytes past the tenth are not looked at.
     */
    public static boolean isNotZmtp3Signature(ByteBuffer buf, int available) {
        if (available >= 1 && buf.get(0) != (byte) 0xFF) {
            return true;
        }
        return available >= SIGNATURE_SIZE && (buf.get(SIGNATURE_SIZE - 1) & 1) == 0;
    }

    public int major() {
        return major;
    }

    public int minor() {
        return minor;
    }

    /** The mechanism name without its NUL padding. */
    public String mechanism() {
        return mechanism;
    }

    public boolean asServer() {
        return asServer;
    }

    @Override
    public String toString() {
        return "Greeting[ZMTP " + major + "." + minor + ", " + mechanism + (asServer ? ", as-server]" : "]");
    }

    private static String parseMechanism(byte[] g) throws ZmtpException {
        int end = MECHANISM_OFFSET;
        while (end < MECHANISM_OFFSET + MECHANISM_SIZE && g[end] != 0) {
            if (!isMechanismChar(g[end])) {
                throw badMechanism(g, "octet 0x" + Integer.toHexString(g[end] & 0xFF) + " at " + end);
            }
            end++;
        }
        if (end == MECHANISM_OFFSET) {
            throw badMechanism(g, "empty name");
        }
        for (int i = end; i < MECHANISM_OFFSET + MECHANISM_SIZE; i++) {
            if (g[i] != 0) {
                throw badMechanism(g, "non-NUL octet after the NUL padding at " + i);
            }
        }
        return new String(g, MECHANISM_OFFSET, end - MECHANISM_OFFSET, StandardCharsets.US_ASCII);
    }

    private static ZmtpException badMechanism(byte[] g, String detail) {
        StringBuilder hex = new StringBuilder();
        for (int i = MECHANISM_OFFSET; i < MECHANISM_OFFSET + MECHANISM_SIZE; i++) {
            hex.append(String.format("%02x", g[i] & 0xFF));
        }
        return new ZmtpException(ProtocolErrors.ZMTP_MECHANISM_MISMATCH,
                "malformed mechanism in peer greeting (" + detail + "): " + hex);
    }

    // 37/ZMTP 3.1: "Mechanism names SHALL consist only of uppercase letters A to Z, digits, and embedded hyphens
    // or underscores."
    private static boolean isMechanismChar(byte b) {
        return (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9') || b == '-' || b == '_';
    }

    private static byte[] mechanismBytes(String mechanism) {
        int n = mechanism.length();
        if (n == 0 || n > MECHANISM_SIZE) {
            throw new IllegalArgumentException("mechanism name must be 1 to 20 characters: " + mechanism);
        }
        byte[] name = new byte[n];
        for (int i = 0; i < n; i++) {
            char c = mechanism.charAt(i);
            if (c > 0x7F || !isMechanismChar((byte) c)) {
                throw new IllegalArgumentException("mechanism name must match [A-Z0-9_-]+: " + mechanism);
            }
            name[i] = (byte) c;
        }
        return name;
    }
}
