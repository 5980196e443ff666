package org.zmq4j.curve;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;
import org.zmq4j.internal.security.Mechanism;
import org.zmq4j.internal.zmtp.FrameEncoder;
import org.zmq4j.internal.zmtp.ZmtpException;

/**
 * Fuzzes the CURVE decoders with Jazzer, feeding the mechanisms directly: whatever arrives as HELLO, WELCOME,
 * INITIATE, READY or MESSAGE, the only failure allowed is a {@link ZmtpException} (which closes the connection);
 * any other exception is a finding. Inputs are either raw octets or a freshly made valid command that the fuzzer
 * edits, truncates or extends, so the checks past the size tests and inside the boxes are reached too.
 *
 * <p>Under plain {@code mvn test} (Jazzer's regression mode) each target runs its seeds from
 * {@code src/test/resources/org/zmq4j/curve/CurveDecoderFuzzTestInputs/}. To fuzz, for at most the {@code maxDuration}
 * of each target: {@code JAZZER_FUZZ=1 mvn -pl zmq4j-curve test -Dtest=CurveDecoderFuzzTest}.
 */
class CurveDecoderFuzzTest {
    private static final byte[] HELLO = CurvePeers.client().nextCommand();

    /** Raw octets, or {@code valid} edited, resized, or cut after its name with fuzz data behind. */
    static byte[] command(FuzzedDataProvider data, byte[] valid) {
        switch (data.consumeInt(0, 3)) {
            case 0:
                return data.consumeRemainingAsBytes();
            case 1: {
                byte[] c = valid.clone();
                int edits = data.consumeInt(1, 8);
                for (int i = 0; i < edits && c.length > 0; i++) {
                    c[data.consumeInt(0, c.length - 1)] ^= (byte) data.consumeInt(1, 255);
                }
                return c;
            }
            case 2:
                return Arrays.copyOf(valid, data.consumeInt(0, valid.length + 64));
            default: {
                int keep = data.consumeInt(0, Math.min(valid.length, 16));
                byte[] tail = data.consumeRemainingAsBytes();
                byte[] c = Arrays.copyOf(valid, keep + tail.length);
                System.arraycopy(tail, 0, c, keep, tail.length);
                return c;
            }
        }
    }

    @FuzzTest(maxDuration = "15s")
    void serverTakesAnyHello(FuzzedDataProvider data) {
        Mechanism server = CurvePeers.server();
        try {
            server.processCommand(command(data, HELLO));
            server.nextCommand();
        } catch (ZmtpException expected) {
            // refused: the connection would close
        }
    }

    @FuzzTest(maxDuration = "15s")
    void serverTakesAnyInitiate(FuzzedDataProvider data) throws ZmtpException {
        Mechanism client = CurvePeers.client();
        Mechanism server = CurvePeers.server();
        server.processCommand(client.nextCommand());
        client.processCommand(server.nextCommand());
        byte[] initiate = client.nextCommand();
        try {
            server.processCommand(command(data, initiate));
            server.nextCommand();
        } catch (ZmtpException expected) {
            // refused
        }
    }

    @FuzzTest(maxDuration = "15s")
    void clientTakesAnyWelcomeOrReady(FuzzedDataProvider data) throws ZmtpException {
        Mechanism client = CurvePeers.client();
        Mechanism server = CurvePeers.server();
        server.processCommand(client.nextCommand());
        byte[] welcome = server.nextCommand();
        boolean fuzzReady = data.consumeBoolean();
        try {
            if (fuzzReady) {
                client.processCommand(welcome);
                server.processCommand(client.nextCommand());
                client.processCommand(command(data, server.nextCommand()));
            } else {
                client.processCommand(command(data, welcome));
                client.nextCommand();
            }
        } catch (ZmtpException expected) {
            // refused
        }
    }

    @FuzzTest(maxDuration = "15s")
    void peersTakeAnyMessage(FuzzedDataProvider data) throws ZmtpException {
        Mechanism[] pair = CurvePeers.connectedPair();
        boolean toServer = data.consumeBoolean();
        int flags = data.consumeBoolean() ? FrameEncoder.MORE : data.consumeBoolean() ? FrameEncoder.COMMAND : 0;
        byte[] body = data.consumeBytes(data.consumeInt(0, 600));
        Mechanism sender = toServer ? pair[0] : pair[1];
        Mechanism receiver = toServer ? pair[1] : pair[0];
        byte[] valid = sender.encode(body, flags);
        int rounds = data.consumeInt(1, 3);
        try {
            for (int i = 0; i < rounds; i++) {
                receiver.decode(command(data, valid));
                receiver.decodedFlags();
            }
        } catch (ZmtpException expected) {
            // refused
        }
    }
}
