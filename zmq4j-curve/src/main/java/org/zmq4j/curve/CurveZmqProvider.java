package org.zmq4j.curve;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.zmq4j.internal.security.CurveProvider;
import org.zmq4j.internal.security.Mechanism;
import org.zmq4j.internal.security.MechanismContext;
import org.zmq4j.internal.zmtp.ProtocolErrors;
import org.zmq4j.internal.zmtp.ZmtpException;

/**
 * What zmq4j's core finds with {@link java.util.ServiceLoader} to speak CURVE: the client and server mechanisms,
 * and long-term key pairs (libzmq's zmq_curve_keypair and zmq_curve_public). Thread-safe; the mechanisms it
 * creates belong to their connection's I/O thread.
 */
public final class CurveZmqProvider implements CurveProvider {
    private static final System.Logger LOG = System.getLogger("org.zmq4j.curve");
    private static final Set<String> REPORTED = ConcurrentHashMap.newKeySet();

    /** For {@link java.util.ServiceLoader}. */
    public CurveZmqProvider() {}

    @Override
    public Mechanism create(MechanismContext ctx) {
        return ctx.options().asServer ? new CurveServer(ctx) : new CurveClient(ctx);
    }

    @Override
    public byte[][] generateKeyPair() {
        return Box.keyPair();
    }

    @Override
    public byte[] publicKey(byte[] secretKey) {
        return Box.publicKey(secretKey);
    }

    /**
     * A socket's CURVE options are incomplete: each of its connections fails its handshake at once with
     * HANDSHAKE_FAILED_PROTOCOL and ZMTP_CRYPTOGRAPHIC (what libzmq reports for the all-zero key it would use), and
     * the reason is logged once per process.
     */
    static ZmtpException configurationError(String reason) {
        if (REPORTED.add(reason)) {
            LOG.log(System.Logger.Level.WARNING, reason + "; every CURVE handshake of this socket will fail");
        }
        return new ZmtpException(ProtocolErrors.ZMTP_CRYPTOGRAPHIC, reason);
    }
}
