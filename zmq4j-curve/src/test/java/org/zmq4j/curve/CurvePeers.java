package org.zmq4j.curve;

import org.zmq4j.internal.security.Mechanism;
import org.zmq4j.internal.security.MechanismContext;
import org.zmq4j.internal.security.ZapConnector;
import org.zmq4j.internal.util.Options;
import org.zmq4j.internal.util.SocketTypes;
import org.zmq4j.internal.zmtp.ZmtpException;

/**
 * Test support: CURVE mechanisms built from options as the engine builds them, without a ZAP handler, and a
 * handshake run between two of them in memory, command by command.
 */
final class CurvePeers {
    static final CurveZmqProvider PROVIDER = new CurveZmqProvider();

    /** Fixed long-term keys, so fuzz inputs and failures reproduce. */
    static final byte[] SERVER_SECRET = CryptoVectorsTest.BOB_SECRET;
    static final byte[] SERVER_PUBLIC = CryptoVectorsTest.BOB_PUBLIC;
    static final byte[] CLIENT_SECRET = CryptoVectorsTest.ALICE_SECRET;
    static final byte[] CLIENT_PUBLIC = CryptoVectorsTest.ALICE_PUBLIC;

    private CurvePeers() {}

    static Options clientOptions(int type) {
        Options o = new Options(type);
        o.mechanism = Options.MECHANISM_CURVE;
        o.curveServerKey = SERVER_PUBLIC.clone();
        o.curvePublicKey = CLIENT_PUBLIC.clone();
        o.curveSecretKey = CLIENT_SECRET.clone();
        return o;
    }

    static Options serverOptions(int type) {
        Options o = new Options(type);
        o.mechanism = Options.MECHANISM_CURVE;
        o.asServer = true;
        o.curveSecretKey = SERVER_SECRET.clone();
        return o;
    }

    static Mechanism create(Options options) {
        return PROVIDER.create(new MechanismContext(options, "127.0.0.1", ZapConnector.NONE, Runnable::run, () -> {}));
    }

    static Mechanism client() {
        return create(clientOptions(SocketTypes.REQ));
    }

    static Mechanism server() {
        return create(serverOptions(SocketTypes.REP));
    }

    /** Passes commands both ways until neither side has one to send; returns how many went across. */
    static int handshake(Mechanism client, Mechanism server) throws ZmtpException {
        int commands = 0;
        boolean moved = true;
        while (moved) {
            moved = false;
            byte[] c;
            while ((c = client.nextCommand()) != null) {
                server.processCommand(c);
                commands++;
                moved = true;
            }
            while ((c = server.nextCommand()) != null) {
                client.processCommand(c);
                commands++;
                moved = true;
            }
        }
        return commands;
    }

    /** A client and a server that completed their handshake. */
    static Mechanism[] connectedPair() throws ZmtpException {
        Mechanism client = client();
        Mechanism server = server();
        handshake(client, server);
        if (client.status() != Mechanism.Status.READY || server.status() != Mechanism.Status.READY) {
            throw new AssertionError("handshake did not complete: " + client.status() + " / " + server.status());
        }
        return new Mechanism[] {client, server};
    }
}
