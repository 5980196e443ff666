package org.zmq4j.curve;

import org.zmq4j.internal.zmtp.FrameEncoder;
import org.zmq4j.internal.zmtp.ProtocolErrors;
import org.zmq4j.internal.zmtp.ZmtpException;

/**
 * Turns frames into MESSAGE commands and back once a CURVE handshake is done (26/CurveZMQ "The MESSAGE Command",
 * libzmq's curve_encoding_t). Each side numbers its commands with one counter from HELLO or READY on; a MESSAGE
 * whose nonce is not above the last one accepted from the peer is refused.
 *
 * <pre>
 * +------------+--------------+----------+-------------------------------------+
 * | %d7 MESSAGE| short nonce  |   tag    | ciphertext of: flags (1) | body ... |
 * +------------+--------------+----------+-------------------------------------+
 *       8        8 (big-end.)     16              1 + body length
 * flags: bit 0 MORE, bit 1 COMMAND (libzmq's msg_t flags); bits 7-2 are ignored, as libzmq does
 * </pre>
 *
 * A SUBSCRIBE or CANCEL for a ZMTP 3.1 peer arrives here from the engine already as a command body with COMMAND set,
 * which is exactly what libzmq 4.3 boxes ({@code flags 0x02, "\x09SUBSCRIBE" topic}). Used on one connection's
 * I/O thread.
 */
final class MessageCodec {
    static final int NAME_SIZE = 8;
    /** Name, nonce, tag and the flags octet: the smallest MESSAGE is 33 octets. */
    static final int OVERHEAD = NAME_SIZE + Nonces.SHORT_SIZE + SecretBox.TAG_SIZE + 1;

    private static final byte[] NAME = {7, 'M', 'E', 'S', 'S', 'A', 'G', 'E'};
    private static final int FLAG_MORE = 0x01;
    private static final int FLAG_COMMAND = 0x02;

    private final SecretBox box;
    private final byte[] sendNonce;
    private final byte[] receiveNonce;
    private long nextNonce;
    private long peerNonce;
    private int decodedFlags;

    /**
     * @param box the connection's precomputed box (C' and S')
     * @param nextNonce the counter for the next command this side sends
     * @param peerNonce the last counter the peer used (its INITIATE or READY)
     */
    MessageCodec(SecretBox box, boolean client, long nextNonce, long peerNonce) {
        this.box = box;
        this.sendNonce = Nonces.counter(client ? Nonces.MESSAGE_CLIENT : Nonces.MESSAGE_SERVER, 0);
        this.receiveNonce = Nonces.counter(client ? Nonces.MESSAGE_SERVER : Nonces.MESSAGE_CLIENT, 0);
        this.nextNonce = nextNonce;
        this.peerNonce = peerNonce;
    }

    /** A MESSAGE command body for a frame with wire flags {@code wireFlags} (MORE 1, COMMAND 4). */
    byte[] encode(byte[] body, int wireFlags) {
        if (body.length > Integer.MAX_VALUE - 64 - OVERHEAD) {
            throw new IllegalArgumentException("a " + body.length + "-octet frame is too large for a CURVE MESSAGE");
        }
        byte[] out = new byte[OVERHEAD + body.length];
        System.arraycopy(NAME, 0, out, 0, NAME_SIZE);
        long n = nextNonce++;
        Nonces.putLong(out, NAME_SIZE, n);
        Nonces.putLong(sendNonce, 16, n);
        int plain = NAME_SIZE + Nonces.SHORT_SIZE + SecretBox.TAG_SIZE;
        out[plain] = (byte) (((wireFlags & FrameEncoder.MORE) != 0 ? FLAG_MORE : 0)
                | ((wireFlags & FrameEncoder.COMMAND) != 0 ? FLAG_COMMAND : 0));
        System.arraycopy(body, 0, out, plain + 1, body.length);
        box.seal(sendNonce, out, plain, body.length + 1);
        return out;
    }

    /**
     * The frame a MESSAGE command carries; its wire flags are then {@link #decodedFlags()}.
     *
     * @throws ZmtpException UNEXPECTED_COMMAND if it is not a MESSAGE, MALFORMED_COMMAND_MESSAGE if shorter than 33
     *     octets, INVALID_SEQUENCE if its nonce does not increase, CRYPTOGRAPHIC if the box does not open
     */
    byte[] decode(byte[] command) throws ZmtpException {
        if (!isMessage(command)) {
            throw new ZmtpException(ProtocolErrors.ZMTP_UNEXPECTED_COMMAND, "expected a CURVE MESSAGE command");
        }
        if (command.length < OVERHEAD) {
            throw new ZmtpException(ProtocolErrors.ZMTP_MALFORMED_COMMAND_MESSAGE,
                    "CURVE MESSAGE of " + command.length + " octets, at least " + OVERHEAD + " expected");
        }
        long n = Nonces.getLong(command, NAME_SIZE);
        // 26/CurveZMQ: peers "SHALL disconnect ... peers that reuse a short nonce"; libzmq wants each above the last.
        if (Long.compareUnsigned(n, peerNonce) <= 0) {
            throw new ZmtpException(ProtocolErrors.ZMTP_INVALID_SEQUENCE, "CURVE MESSAGE nonce "
                    + Long.toUnsignedString(n) + " does not follow " + Long.toUnsignedString(peerNonce));
        }
        System.arraycopy(command, NAME_SIZE, receiveNonce, 16, Nonces.SHORT_SIZE);
        int tagAt = NAME_SIZE + Nonces.SHORT_SIZE;
        int cipherAt = tagAt + SecretBox.TAG_SIZE;
        if (!box.verify(receiveNonce, command, tagAt, command.length - cipherAt)) {
            throw new ZmtpException(ProtocolErrors.ZMTP_CRYPTOGRAPHIC, "CURVE MESSAGE box does not open");
        }
        peerNonce = n;
        byte[] flags = new byte[1];
        box.decrypt(command, cipherAt, 1, flags, 0);
        byte[] body = new byte[command.length - cipherAt - 1];
        box.decrypt(command, cipherAt + 1, body.length, body, 0);
        decodedFlags = ((flags[0] & FLAG_MORE) != 0 ? FrameEncoder.MORE : 0)
                | ((flags[0] & FLAG_COMMAND) != 0 ? FrameEncoder.COMMAND : 0);
        return body;
    }

    int decodedFlags() {
        return decodedFlags;
    }

    static boolean isMessage(byte[] command) {
        if (command.length < NAME_SIZE) {
            return false;
        }
        for (int i = 0; i < NAME_SIZE; i++) {
            if (command[i] != NAME[i]) {
                return false;
            }
        }
        return true;
    }
}
