package org.zmq4j.curve;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.zmq4j.internal.security.MechanismContext;
import org.zmq4j.internal.security.NullMechanism;
import org.zmq4j.internal.security.ZapAuthentication;
import org.zmq4j.internal.util.Options;
import org.zmq4j.internal.zmtp.Command;
import org.zmq4j.internal.zmtp.Metadata;
import org.zmq4j.internal.zmtp.ProtocolErrors;
import org.zmq4j.internal.zmtp.ZmtpException;

/**
 * The server side of CURVE (25/ZMTP-CURVE, 26/CurveZMQ; see {@link CurveClient} for the command layouts): checks
 * HELLO, answers WELCOME with a transient key S' and a cookie, then takes INITIATE, checks the vouch, asks the ZAP
 * handler about the client's long-term key C and answers READY, or ERROR with the ZAP status.
 *
 * <pre>
 * cookie = "COOKIE--" long nonce (16) | SecretBox[C' (32) + s' (32)](cookie key) (80)
 * </pre>
 *
 * <p>Between WELCOME and INITIATE the server holds nothing about the client but a counter and the cookie key, a
 * random key of this connection that is forgotten once the cookie is back (26/CurveZMQ: "The server SHALL not keep
 * this transient key pair"); s' lives only in the cookie. ZAP follows libzmq: asked when a handler is bound,
 * with credentials [C]; without a handler the client passes (the "Stonehouse" pattern) unless ZAP_ENFORCE_DOMAIN
 * is set, and ZAP is skipped altogether when ZAP_ENFORCE_DOMAIN is set with an empty ZAP_DOMAIN. Runs on the
 * connection's I/O thread.
 */
final class CurveServer extends CurveMechanism {
    static final int HELLO_SIZE = 200;
    static final int INITIATE_MIN_SIZE = 257;

    private enum State { WAIT_HELLO, SEND_WELCOME, WAIT_INITIATE, AUTHENTICATING, READY, ERROR }

    private final Options options;
    private final ZapAuthentication zap;
    private final byte[] secretKey;
    private final byte[] publicKey;
    private State state = State.WAIT_HELLO;
    private ZmtpException failure;
    private boolean zapSkipped;
    private boolean errorSent;
    private long nonce = 1;
    private long peerNonce;
    /** Between HELLO and WELCOME: the client's C' and the box between C' and S. */
    private byte[] clientTransient;
    private SecretBox permanentBox;
    /** Between WELCOME and INITIATE: opens the cookie. */
    private SecretBox cookieBox;
    private SecretBox sessionBox;
    private Map<String, byte[]> peer = Map.of();

    CurveServer(MechanismContext ctx) {
        this.options = ctx.options();
        this.zap = new ZapAuthentication(ctx);
        this.secretKey = options.curveSecretKey == null ? null : options.curveSecretKey.clone();
        this.publicKey = secretKey == null ? null : Box.publicKey(secretKey);
        if (secretKey == null) {
            failure = CurveZmqProvider.configurationError(
                    "a CURVE server needs CURVE_SECRETKEY (the server's secret key)");
            state = State.ERROR;
        }
    }

    @Override
    public boolean asServer() {
        return true;
    }

    @Override
    public byte[] nextCommand() {
        switch (state) {
            case SEND_WELCOME:
                state = State.WAIT_INITIATE;
                return welcome();
            case AUTHENTICATING:
                if (zapSkipped || zap.state() == ZapAuthentication.State.ALLOWED) {
                    state = State.READY;
                    return ready();
                }
                if (zap.state() == ZapAuthentication.State.DENIED && !errorSent) {
                    errorSent = true;
                    return zap.errorCommand();
                }
                return null;
            default:
                return null;
        }
    }

    @Override
    public void processCommand(byte[] body) throws ZmtpException {
        if (state == State.WAIT_HELLO && Command.is(body, Command.HELLO)) {
            hello(body);
        } else if (state == State.WAIT_INITIATE && Command.is(body, Command.INITIATE)) {
            initiate(body);
        } else {
            // 26/CurveZMQ: "A client peer SHALL NOT send ERROR to the server", so ERROR is unexpected too.
            throw new ZmtpException(ProtocolErrors.ZMTP_UNEXPECTED_COMMAND,
                    "unexpected " + Command.name(body) + " in CURVE handshake (" + state + ")");
        }
    }

    private void hello(byte[] body) throws ZmtpException {
        if (body.length != HELLO_SIZE) {
            throw new ZmtpException(ProtocolErrors.ZMTP_MALFORMED_COMMAND_HELLO,
                    "CURVE HELLO of " + body.length + " octets, " + HELLO_SIZE + " expected");
        }
        if (body[6] != 1 || body[7] != 0) {
            throw new ZmtpException(ProtocolErrors.ZMTP_MALFORMED_COMMAND_HELLO,
                    "CURVE HELLO version " + body[6] + "." + body[7] + ", 1.0 expected");
        }
        // 26/CurveZMQ: hello-padding = 72%x00; "The server SHALL validate all fields".
        for (int i = 8; i < 80; i++) {
            if (body[i] != 0) {
                throw new ZmtpException(ProtocolErrors.ZMTP_MALFORMED_COMMAND_HELLO, "CURVE HELLO padding is not zero");
            }
        }
        byte[] cPrime = Arrays.copyOfRange(body, 80, 112);
        byte[] key = Box.beforenm(cPrime, secretKey);
        if (key == null) {
            throw new ZmtpException(ProtocolErrors.ZMTP_CRYPTOGRAPHIC, "CURVE HELLO has an unusable client key C'");
        }
        SecretBox box = new SecretBox(key);
        Arrays.fill(key, (byte) 0);
        byte[] signature = box.open(Nonces.of(Nonces.HELLO, body, 112), body, 120, 80);
        if (signature == null || !allZero(signature)) {
            box.destroy();
            throw new ZmtpException(ProtocolErrors.ZMTP_CRYPTOGRAPHIC,
                    "CURVE HELLO signature box does not open: does the client use this server's public key?");
        }
        peerNonce = Nonces.getLong(body, 112);
        clientTransient = cPrime;
        permanentBox = box;
        state = State.SEND_WELCOME;
    }

    private byte[] welcome() {
        byte[][] transientPair = Box.keyPair();
        byte[] cookieKey = new byte[SecretBox.KEY_SIZE];
        Box.random(cookieKey, 0, cookieKey.length);
        cookieBox = new SecretBox(cookieKey);
        Arrays.fill(cookieKey, (byte) 0);

        // welcome box plaintext at 40: S' (32) | cookie nonce (16) | cookie box: tag (16) | C' (32) | s' (32)
        byte[] welcome = new byte[CurveClient.WELCOME_SIZE];
        welcome[0] = 7;
        System.arraycopy(Command.WELCOME.getBytes(StandardCharsets.US_ASCII), 0, welcome, 1, 7);
        System.arraycopy(transientPair[0], 0, welcome, 40, 32);
        byte[] cookieNonce = Nonces.randomLong(Nonces.COOKIE);
        System.arraycopy(cookieNonce, 8, welcome, 72, Nonces.LONG_SIZE);
        System.arraycopy(clientTransient, 0, welcome, 104, 32);
        System.arraycopy(transientPair[1], 0, welcome, 136, 32);
        cookieBox.seal(cookieNonce, welcome, 104, 64);
        byte[] welcomeNonce = Nonces.randomLong(Nonces.WELCOME);
        System.arraycopy(welcomeNonce, 8, welcome, 8, Nonces.LONG_SIZE);
        permanentBox.seal(welcomeNonce, welcome, 40, 128);

        Arrays.fill(transientPair[1], (byte) 0);
        permanentBox.destroy();
        permanentBox = null;
        clientTransient = null;
        return welcome;
    }

    private void initiate(byte[] body) throws ZmtpException {
        if (body.length < INITIATE_MIN_SIZE) {
            throw new ZmtpException(ProtocolErrors.ZMTP_MALFORMED_COMMAND_INITIATE,
                    "CURVE INITIATE of " + body.length + " octets, at least " + INITIATE_MIN_SIZE + " expected");
        }
        byte[] cookie = cookieBox.open(Nonces.of(Nonces.COOKIE, body, 9), body, 25, 80);
        if (cookie == null) {
            throw new ZmtpException(ProtocolErrors.ZMTP_CRYPTOGRAPHIC, "CURVE INITIATE cookie does not open");
        }
        byte[] cPrime = Arrays.copyOfRange(cookie, 0, 32);
        byte[] sPrime = Arrays.copyOfRange(cookie, 32, 64);
        Arrays.fill(cookie, (byte) 0);
        try {
            long n = Nonces.getLong(body, 105);
            if (Long.compareUnsigned(n, peerNonce) <= 0) {
                throw new ZmtpException(ProtocolErrors.ZMTP_INVALID_SEQUENCE, "CURVE INITIATE nonce "
                        + Long.toUnsignedString(n) + " does not follow HELLO's " + Long.toUnsignedString(peerNonce));
            }
            byte[] key = Box.beforenm(cPrime, sPrime);
            if (key == null) {
                throw new ZmtpException(ProtocolErrors.ZMTP_CRYPTOGRAPHIC, "client key C' is unusable");
            }
            SecretBox session = new SecretBox(key);
            Arrays.fill(key, (byte) 0);
            byte[] plain = session.open(Nonces.counter(Nonces.INITIATE, n), body, 113, body.length - 113);
            if (plain == null) {
                throw new ZmtpException(ProtocolErrors.ZMTP_CRYPTOGRAPHIC, "CURVE INITIATE box does not open");
            }
            byte[] clientKey = Arrays.copyOfRange(plain, 0, 32);
            checkVouch(plain, clientKey, cPrime, sPrime);
            Map<String, byte[]> props =
                    Metadata.decode(plain, 128, plain.length - 128, ProtocolErrors.ZMTP_INVALID_METADATA);
            NullMechanism.checkSocketType(options, props);
            peer = props;
            peerNonce = n;
            sessionBox = session;
            cookieBox.destroy();
            cookieBox = null;
            state = State.AUTHENTICATING;
            // libzmq's curve_server: ZAP unless ZAP_ENFORCE_DOMAIN is set with no ZAP_DOMAIN.
            if (!options.zapDomain.isEmpty() || !options.zapEnforceDomain) {
                zap.start("CURVE", List.of(clientKey), false);
            } else {
                zapSkipped = true;
            }
        } finally {
            Arrays.fill(sPrime, (byte) 0);
        }
    }

    /** The vouch, Box[C' + S](C-&gt;S') under "VOUCH---" and its long nonce, proves that C owns this C'. */
    private void checkVouch(byte[] plain, byte[] clientKey, byte[] cPrime, byte[] sPrime) throws ZmtpException {
        byte[] key = Box.beforenm(clientKey, sPrime);
        if (key == null) {
            throw new ZmtpException(ProtocolErrors.ZMTP_CRYPTOGRAPHIC, "client long-term key C is unusable");
        }
        SecretBox box = new SecretBox(key);
        Arrays.fill(key, (byte) 0);
        byte[] vouch = box.open(Nonces.of(Nonces.VOUCH, plain, 32), plain, 48, 80);
        box.destroy();
        if (vouch == null) {
            throw new ZmtpException(ProtocolErrors.ZMTP_CRYPTOGRAPHIC, "CURVE INITIATE vouch does not open");
        }
        if (!Arrays.equals(vouch, 0, 32, cPrime, 0, 32) || !Arrays.equals(vouch, 32, 64, publicKey, 0, 32)) {
            throw new ZmtpException(ProtocolErrors.ZMTP_KEY_EXCHANGE,
                    "CURVE vouch does not name this connection's C' and this server's key");
        }
    }

    private byte[] ready() {
        byte[] metadata = Metadata.encode(NullMechanism.localProperties(options));
        byte[] ready = new byte[14 + SecretBox.TAG_SIZE + metadata.length];
        ready[0] = 5;
        System.arraycopy(Command.READY.getBytes(StandardCharsets.US_ASCII), 0, ready, 1, 5);
        long n = nonce++;
        Nonces.putLong(ready, 6, n);
        System.arraycopy(metadata, 0, ready, 14 + SecretBox.TAG_SIZE, metadata.length);
        sessionBox.seal(Nonces.counter(Nonces.READY, n), ready, 14 + SecretBox.TAG_SIZE, metadata.length);
        codec = new MessageCodec(sessionBox, false, nonce, peerNonce);
        return ready;
    }

    private static boolean allZero(byte[] b) {
        int acc = 0;
        for (byte x : b) {
            acc |= x;
        }
        return acc == 0;
    }

    @Override
    public Status status() {
        ZapAuthentication.State z = zap.state();
        if (state == State.ERROR || z == ZapAuthentication.State.DENIED || z == ZapAuthentication.State.FAILED) {
            return Status.ERROR;
        }
        return state == State.READY ? Status.READY : Status.HANDSHAKING;
    }

    @Override
    public ZmtpException failure() {
        return failure != null ? failure : zap.failure();
    }

    @Override
    public Map<String, byte[]> peerProperties() {
        return zap.decorate(peer);
    }
}
