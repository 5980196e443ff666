package org.zmq4j.curve;

import java.util.Arrays;
import java.util.Map;
import org.zmq4j.internal.security.HandshakeRejectedException;
import org.zmq4j.internal.security.MechanismContext;
import org.zmq4j.internal.security.NullMechanism;
import org.zmq4j.internal.util.Options;
import org.zmq4j.internal.zmtp.Command;
import org.zmq4j.internal.zmtp.Metadata;
import org.zmq4j.internal.zmtp.ProtocolErrors;
import org.zmq4j.internal.zmtp.ZmtpException;

/**
 * The client side of CURVE (25/ZMTP-CURVE, 26/CurveZMQ): HELLO with a fresh transient key C', then, after WELCOME
 * gave the server's transient key S' and a cookie, INITIATE with the cookie, the client's long-term key C, its
 * vouch and the metadata; READY from the server ends the handshake. Octet offsets count from the start of the
 * command body (its name-size octet).
 *
 * <pre>
 * HELLO (200)    0 %d5 "HELLO" | 6 version 1 0 | 8 zeros (72) | 80 C' (32) | 112 short nonce
 *                | 120 Box[64 zeros](C'-&gt;S) (80)
 * WELCOME (168)  0 %d7 "WELCOME" | 8 long nonce (16) | 24 Box[S' (32) + cookie (96)](S-&gt;C') (144)
 * INITIATE (257+) 0 %d8 "INITIATE" | 9 cookie (96) | 105 short nonce | 113 Box[C + vouch + metadata](C'-&gt;S')
 *                vouch = long nonce (16) | Box[C' + S](C-&gt;S') (80)
 * READY (30+)    0 %d5 "READY" | 6 short nonce | 14 Box[metadata](S'-&gt;C')
 * </pre>
 *
 * Runs on the connection's I/O thread.
 */
final class CurveClient extends CurveMechanism {
    static final int HELLO_SIZE = 200;
    static final int WELCOME_SIZE = 168;
    static final int READY_MIN_SIZE = 30;

    private enum State { SEND_HELLO, WAIT_WELCOME, SEND_INITIATE, WAIT_READY, READY, ERROR }

    private final Options options;
    private final byte[] serverKey;
    private final byte[] publicKey;
    private final byte[] secretKey;
    private final byte[] transientPublic;
    private final byte[] transientSecret;
    /** Box between C' and S, for HELLO and WELCOME. */
    private final SecretBox permanentBox;
    private State state = State.SEND_HELLO;
    private ZmtpException failure;
    private long nonce = 1;
    private byte[] serverTransient;
    private byte[] cookie;
    private SecretBox sessionBox;
    private Map<String, byte[]> peer = Map.of();

    CurveClient(MechanismContext ctx) {
        this.options = ctx.options();
        String missing = options.curveServerKey == null ? "CURVE_SERVERKEY (the server's public key)"
                : options.curveSecretKey == null ? "CURVE_SECRETKEY (this client's secret key)" : null;
        byte[][] transientPair = Box.keyPair();
        this.transientPublic = transientPair[0];
        this.transientSecret = transientPair[1];
        this.serverKey = options.curveServerKey == null ? null : options.curveServerKey.clone();
        this.secretKey = options.curveSecretKey == null ? null : options.curveSecretKey.clone();
        this.publicKey = options.curvePublicKey != null ? options.curvePublicKey.clone()
                : secretKey != null ? Box.publicKey(secretKey) : null;
        byte[] shared = missing == null ? Box.beforenm(serverKey, transientSecret) : null;
        if (missing != null) {
            fail(CurveZmqProvider.configurationError("a CURVE client needs " + missing));
        } else if (shared == null) {
            fail(new ZmtpException(ProtocolErrors.ZMTP_CRYPTOGRAPHIC,
                    "CURVE_SERVERKEY is not a usable Curve25519 public key"));
        }
        this.permanentBox = shared == null ? null : new SecretBox(shared);
    }

    private void fail(ZmtpException e) {
        failure = e;
        state = State.ERROR;
    }

    @Override
    public boolean asServer() {
        return false;
    }

    @Override
    public byte[] nextCommand() {
        if (state == State.SEND_HELLO) {
            state = State.WAIT_WELCOME;
            return hello();
        }
        if (state == State.SEND_INITIATE) {
            state = State.WAIT_READY;
            return initiate();
        }
        return null;
    }

    private byte[] hello() {
        byte[] hello = new byte[HELLO_SIZE];
        hello[0] = 5;
        System.arraycopy(Command.HELLO.getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, hello, 1, 5);
        hello[6] = 1; // 26/CurveZMQ: "The CurveZMQ version number, which SHALL be the two octets 1 and 0."
        hello[7] = 0;
        System.arraycopy(transientPublic, 0, hello, 80, 32);
        long n = nonce++;
        Nonces.putLong(hello, 112, n);
        // Box[64 zeros](C'->S): the 64 zeros are already in place at 136.
        permanentBox.seal(Nonces.counter(Nonces.HELLO, n), hello, 136, 64);
        return hello;
    }

    private byte[] initiate() {
        byte[] metadata = Metadata.encode(NullMechanism.localProperties(options));
        // Plaintext of the initiate box: C (32) | vouch nonce (16) | vouch box (80) | metadata.
        byte[] initiate = new byte[113 + SecretBox.TAG_SIZE + 128 + metadata.length];
        initiate[0] = 8;
        System.arraycopy(Command.INITIATE.getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, initiate, 1, 8);
        System.arraycopy(cookie, 0, initiate, 9, 96);
        long n = nonce++;
        Nonces.putLong(initiate, 105, n);
        int plain = 113 + SecretBox.TAG_SIZE;
        System.arraycopy(publicKey, 0, initiate, plain, 32);
        // The vouch: Box[C' + S](C->S'), under a random long nonce prefixed "VOUCH---".
        byte[] vouchNonce = Nonces.randomLong(Nonces.VOUCH);
        System.arraycopy(vouchNonce, 8, initiate, plain + 32, Nonces.LONG_SIZE);
        int vouch = plain + 48;
        System.arraycopy(transientPublic, 0, initiate, vouch + SecretBox.TAG_SIZE, 32);
        System.arraycopy(serverKey, 0, initiate, vouch + SecretBox.TAG_SIZE + 32, 32);
        byte[] vouchKey = Box.beforenm(serverTransient, secretKey);
        SecretBox vouchBox = new SecretBox(vouchKey);
        vouchBox.seal(vouchNonce, initiate, vouch + SecretBox.TAG_SIZE, 64);
        vouchBox.destroy();
        Arrays.fill(vouchKey, (byte) 0);
        System.arraycopy(metadata, 0, initiate, plain + 128, metadata.length);
        sessionBox.seal(Nonces.counter(Nonces.INITIATE, n), initiate, plain, 128 + metadata.length);
        return initiate;
    }

    @Override
    public void processCommand(byte[] body) throws ZmtpException {
        if (state == State.WAIT_WELCOME && Command.is(body, Command.WELCOME)) {
            welcome(body);
        } else if (state == State.WAIT_READY && Command.is(body, Command.READY)) {
            ready(body);
        } else if ((state == State.WAIT_WELCOME || state == State.WAIT_READY) && Command.is(body, Command.ERROR)) {
            throw new HandshakeRejectedException(Command.errorReason(body));
        } else {
            throw new ZmtpException(ProtocolErrors.ZMTP_UNEXPECTED_COMMAND,
                    "unexpected " + Command.name(body) + " in CURVE handshake (" + state + ")");
        }
    }

    private void welcome(byte[] body) throws ZmtpException {
        if (body.length != WELCOME_SIZE) {
            throw new ZmtpException(ProtocolErrors.ZMTP_MALFORMED_COMMAND_WELCOME,
                    "CURVE WELCOME of " + body.length + " octets, " + WELCOME_SIZE + " expected");
        }
        byte[] plain = permanentBox.open(Nonces.of(Nonces.WELCOME, body, 8), body, 24, 144);
        if (plain == null) {
            throw new ZmtpException(ProtocolErrors.ZMTP_CRYPTOGRAPHIC,
                    "CURVE WELCOME box does not open: is CURVE_SERVERKEY the server's public key?");
        }
        serverTransient = Arrays.copyOfRange(plain, 0, 32);
        cookie = Arrays.copyOfRange(plain, 32, 128);
        Arrays.fill(plain, (byte) 0);
        byte[] key = Box.beforenm(serverTransient, transientSecret);
        if (key == null) {
            throw new ZmtpException(ProtocolErrors.ZMTP_CRYPTOGRAPHIC, "server's transient key S' is unusable");
        }
        sessionBox = new SecretBox(key);
        Arrays.fill(key, (byte) 0);
        state = State.SEND_INITIATE;
    }

    private void ready(byte[] body) throws ZmtpException {
        if (body.length < READY_MIN_SIZE) {
            throw new ZmtpException(ProtocolErrors.ZMTP_MALFORMED_COMMAND_READY,
                    "CURVE READY of " + body.length + " octets, at least " + READY_MIN_SIZE + " expected");
        }
        long peerNonce = Nonces.getLong(body, 6);
        byte[] plain = sessionBox.open(Nonces.of(Nonces.READY, body, 6), body, 14, body.length - 14);
        if (plain == null) {
            throw new ZmtpException(ProtocolErrors.ZMTP_CRYPTOGRAPHIC, "CURVE READY box does not open");
        }
        Map<String, byte[]> props = Metadata.decode(plain, 0, plain.length, ProtocolErrors.ZMTP_INVALID_METADATA);
        NullMechanism.checkSocketType(options, props);
        peer = props;
        codec = new MessageCodec(sessionBox, true, nonce, peerNonce);
        Arrays.fill(transientSecret, (byte) 0);
        permanentBox.destroy();
        state = State.READY;
    }

    @Override
    public Status status() {
        switch (state) {
            case READY:
                return Status.READY;
            case ERROR:
                return Status.ERROR;
            default:
                return Status.HANDSHAKING;
        }
    }

    @Override
    public ZmtpException failure() {
        return failure != null ? failure : super.failure();
    }

    @Override
    public Map<String, byte[]> peerProperties() {
        return peer;
    }
}
