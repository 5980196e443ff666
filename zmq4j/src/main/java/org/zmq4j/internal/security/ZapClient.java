package org.zmq4j.internal.security;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.zmq4j.internal.pipe.Pipe;
import org.zmq4j.internal.zmtp.Metadata;
import org.zmq4j.internal.zmtp.ProtocolErrors;
import org.zmq4j.internal.zmtp.ZmtpException;

/**
 * One connection's ZAP dialog (27/ZAP) with the handler at {@code inproc://zeromq.zap.01}: sends one request over
 * an inproc pipe, as a DEALER would (with the empty address delimiter), and checks the reply's seven frames.
 * Runs on the connection's I/O thread; the handler's signals are moved there through {@code io}.
 */
public final class ZapClient implements Pipe.Listener {
    private static final byte[] VERSION = "1.0".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] REQUEST_ID = "1".getBytes(StandardCharsets.US_ASCII);

    /** What the handler answered. */
    public static final class Reply {
        public final int status;
        public final String text;
        public final byte[] userId;
        public final Map<String, byte[]> metadata;

        Reply(int status, String text, byte[] userId, Map<String, byte[]> metadata) {
            this.status = status;
            this.text = text;
            this.userId = userId;
            this.metadata = metadata;
        }
    }

    /** Receives the reply, or the protocol error that a bad reply or a vanished handler is. */
    public interface Callback {
        void onReply(Reply reply);

        void onError(ZmtpException error);
    }

    private final ZapConnector connector;
    private final Executor io;
    private Pipe pipe;
    private Callback callback;

    public ZapClient(ZapConnector connector, Executor io) {
        this.connector = connector;
        this.io = io;
    }

    /** Connects to the handler; false if none is bound. */
    public boolean connect() {
        if (pipe == null) {
            pipe = connector.connect(this);
        }
        return pipe != null;
    }

    /**
     * Sends [""]["1.0"]["1"][domain][address][identity][mechanism][credentials…] (27/ZAP "The request message
     * SHALL consist of the following message frames"); {@link #connect()} must have succeeded.
     */
    public void request(String domain, String address, byte[] identity, String mechanism, List<byte[]> credentials,
            Callback callback) {
        this.callback = callback;
        List<byte[]> frames = new ArrayList<>();
        frames.add(new byte[0]);
        frames.add(VERSION);
        frames.add(REQUEST_ID);
        frames.add(domain.getBytes(StandardCharsets.UTF_8));
        frames.add(address.getBytes(StandardCharsets.US_ASCII));
        frames.add(identity);
        frames.add(mechanism.getBytes(StandardCharsets.US_ASCII));
        frames.addAll(credentials);
        // A fresh inproc pipe always has room for one message.
        for (int i = 0; i < frames.size(); i++) {
            pipe.write(frames.get(i), i < frames.size() - 1 ? Pipe.MORE : 0);
        }
        pipe.flush();
        // Looked at from a task of its own: a reply that is already there must not resume the handshake from
        // inside the mechanism call that sent the request (the engine is mid-decode then).
        io.execute(this::tryRead);
    }

    private void tryRead() {
        if (callback == null || pipe == null || !pipe.checkRead()) {
            return;
        }
        List<byte[]> frames = new ArrayList<>();
        byte[] f;
        while ((f = pipe.read()) != null) {
            frames.add(f);
            if ((pipe.flags() & Pipe.MORE) == 0) {
                break;
            }
        }
        Callback cb = callback;
        callback = null;
        try {
            cb.onReply(parse(frames));
        } catch (ZmtpException e) {
            cb.onError(e);
        }
    }

    /** 27/ZAP: "The reply message SHALL consist of the following message frames" — seven of them. */
    static Reply parse(List<byte[]> frames) throws ZmtpException {
        if (frames.size() != 7 || frames.get(0).length != 0) {
            throw new ZmtpException(ProtocolErrors.ZAP_MALFORMED_REPLY,
                    "ZAP reply must have 7 frames starting with an empty delimiter, got " + frames.size());
        }
        if (!new String(frames.get(1), StandardCharsets.US_ASCII).equals("1.0")) {
            throw new ZmtpException(ProtocolErrors.ZAP_BAD_VERSION, "ZAP reply version is not 1.0");
        }
        if (!java.util.Arrays.equals(frames.get(2), REQUEST_ID)) {
            throw new ZmtpException(ProtocolErrors.ZAP_BAD_REQUEST_ID, "ZAP reply has the wrong request id");
        }
        String status = new String(frames.get(3), StandardCharsets.US_ASCII);
        if (!status.equals("200") && !status.equals("300") && !status.equals("400") && !status.equals("500")) {
            throw new ZmtpException(ProtocolErrors.ZAP_INVALID_STATUS_CODE, "ZAP status code " + status);
        }
        byte[] meta = frames.get(6);
        Map<String, byte[]> metadata = Metadata.decode(meta, 0, meta.length, ProtocolErrors.ZAP_INVALID_METADATA);
        return new Reply(Integer.parseInt(status), new String(frames.get(4), StandardCharsets.UTF_8), frames.get(5),
                metadata);
    }

    public void close() {
        if (pipe != null) {
            pipe.terminate(0);
            pipe = null;
        }
        callback = null;
    }

    @Override
    public void readActivated(Pipe p) {
        io.execute(this::tryRead);
    }

    @Override
    public void writeActivated(Pipe p) {
        // One request per dialog: never blocked.
    }

    @Override
    public void hwmsChanged(Pipe p) {
        io.execute(() -> {
            if (p == pipe) {
                p.applyRequestedHwms();
            }
        });
    }

    @Override
    public void pipeTerminated(Pipe p) {
        io.execute(() -> {
            if (p == pipe && p.onTerminated(true)) {
                pipe = null;
                if (callback != null) {
                    Callback cb = callback;
                    callback = null;
                    cb.onError(new ZmtpException(ProtocolErrors.ZAP_UNSPECIFIED, "the ZAP handler went away"));
                }
            } else if (p == pipe) {
                tryRead();
            }
        });
    }
}
