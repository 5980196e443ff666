package org.zmq4j;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.zmq4j.internal.util.Z85;
import org.zmq4j.internal.zmtp.Metadata;

/**
 * A ZAP handler (27/ZAP) serving one context's PLAIN, CURVE and NULL authentication requests on its own thread,
 * with the policies of CZMQ's zauth. Thread-safe: policies may change at any time, from any thread, and apply to
 * the requests that follow.
 *
 * <pre>{@code
 * try (Authenticator auth = Authenticator.start(ctx)) {
 *     auth.allow("127.0.0.1");
 *     auth.configurePlain("*", Map.of("admin", "secret"));
 *     auth.configureCurve("*", Path.of(".curve"));
 *     ... sockets with PLAIN_SERVER or CURVE_SERVER now ask this handler ...
 * }
 * }</pre>
 *
 * <p>Decisions, in zauth's order:
 * <ol>
 *   <li>Address: if any address is allowed, only allowed addresses pass; otherwise, if any address is denied,
 *       denied addresses fail. These lists apply to every domain and mechanism.</li>
 *   <li>Mechanism, in the request's domain, or else in the domain {@code "*"}: NULL passes; PLAIN passes with a
 *       configured user name and password; CURVE passes with an allowed client key, or any key after
 *       {@link #allowAnyCurve}. An allowed address still has to authenticate with PLAIN or CURVE.</li>
 * </ol>
 * Replies are 200 "OK" (user id: the PLAIN user name, or the client's public key in Z85 for CURVE; metadata: the
 * client certificate's metadata for CURVE keys loaded from certificates, else none), 400 "No access", or 500 for a
 * request that breaks 27/ZAP. The handler binds {@link #ENDPOINT}; {@link #close()} unbinds it and stops the
 * thread.
 */
public final class Authenticator implements AutoCloseable {
    /** 27/ZAP: "The handler SHALL bind to the endpoint inproc://zeromq.zap.01". */
    public static final String ENDPOINT = "inproc://zeromq.zap.01";
    /** The domain whose policies apply to requests from domains without policies of their own. */
    public static final String ANY_DOMAIN = "*";

    private static final System.Logger LOG = System.getLogger("org.zmq4j.zap");
    private static final AtomicLong CONTROL_IDS = new AtomicLong();
    private static final String VERSION = "1.0";
    private static final byte[] EMPTY = new byte[0];
    /**
     * Hex digits, colons and dots (IPv4-mapped forms), starting with a hex digit or ':' and holding a ':', with an
     * optional zone: InetAddress parses such a string as a literal and never looks it up by name.
     */
    private static final Pattern IPV6_LITERAL = Pattern.compile("(?=[^%]*:)[0-9A-Fa-f:][0-9A-Fa-f:.]*(%[\\w.-]+)?");

    private final Set<String> allowed = ConcurrentHashMap.newKeySet();
    private final Set<String> denied = ConcurrentHashMap.newKeySet();
    /** Domain to user name to password. */
    private final Map<String, Map<String, String>> plainUsers = new ConcurrentHashMap<>();
    private final Map<String, CurvePolicy> curvePolicies = new ConcurrentHashMap<>();
    private volatile boolean verbose;
    private volatile Consumer<String> decisionSink;

    /** The REP socket bound to {@link #ENDPOINT}: the handler thread's alone once it started. */
    private final Socket handler;
    /** Receives the stop signal: the handler thread's alone. */
    private final Socket stopReceiver;
    /** Sends the stop signal: used by {@link #close()} only, under this object's lock. */
    private final Socket stopSender;
    private final Thread thread;
    private boolean closed;

    /** The client keys a domain accepts for CURVE, each with its certificate's metadata; or any key. */
    private static final class CurvePolicy {
        final boolean anyKey;
        final Map<String, Map<String, String>> metadataByKey;

        CurvePolicy(boolean anyKey, Map<String, Map<String, String>> metadataByKey) {
            this.anyKey = anyKey;
            this.metadataByKey = metadataByKey;
        }
    }

    private Authenticator(Socket handler, Socket stopReceiver, Socket stopSender) {
        this.handler = handler;
        this.stopReceiver = stopReceiver;
        this.stopSender = stopSender;
        this.thread = new Thread(this::serve, "zmq4j-zap-handler");
        this.thread.setDaemon(true);
    }

    /**
     * Binds a handler to {@link #ENDPOINT} in {@code ctx} and starts serving on a new thread. It denies PLAIN and
     * CURVE until configured, and allows NULL.
     *
     * @throws ZmqException EADDRINUSE if {@code ctx} already has a ZAP handler (27/ZAP: "There SHALL be one
     *     handler in a process")
     */
    public static Authenticator start(Context ctx) {
        Socket handler = ctx.socket(SocketType.REP);
        Socket stopReceiver = null;
        Socket stopSender = null;
        try {
            handler.set(SocketOption.LINGER, 0);
            try {
                handler.bind(ENDPOINT);
            } catch (ZmqException e) {
                if (e.errorCode() == ZmqException.EADDRINUSE) {
                    throw new ZmqException(ZmqException.EADDRINUSE, "this context already has a ZAP handler on "
                            + ENDPOINT + " (27/ZAP: one handler per process); close it before starting another", e);
                }
                throw e;
            }
            String stopEndpoint = "inproc://zmq4j.zap.stop." + CONTROL_IDS.incrementAndGet();
            stopReceiver = ctx.socket(SocketType.PAIR);
            stopReceiver.set(SocketOption.LINGER, 0);
            stopReceiver.bind(stopEndpoint);
            stopSender = ctx.socket(SocketType.PAIR);
            stopSender.set(SocketOption.LINGER, 0);
            stopSender.connect(stopEndpoint);
            Authenticator auth = new Authenticator(handler, stopReceiver, stopSender);
            auth.thread.start();
            return auth;
        } catch (RuntimeException e) {
            closeQuietly(handler);
            closeQuietly(stopReceiver);
            closeQuietly(stopSender);
            throw e;
        }
    }

    // ---------------------------------------------------------------- policies

    /** Allows these IP addresses; once any address is allowed, all others are rejected (the deny list is unused). */
    public Authenticator allow(String... addresses) {
        for (String a : addresses) {
            allowed.add(normalizeAddress(Objects.requireNonNull(a, "address")));
        }
        return this;
    }

    /** Rejects these IP addresses, unless an allow list exists (which then decides alone). */
    public Authenticator deny(String... addresses) {
        for (String a : addresses) {
            denied.add(normalizeAddress(Objects.requireNonNull(a, "address")));
        }
        return this;
    }

    /** Sets the PLAIN users (name to password) of {@code domain} ({@link #ANY_DOMAIN} for all). */
    public Authenticator configurePlain(String domain, Map<String, String> users) {
        Objects.requireNonNull(domain, "domain");
        Map<String, String> copy = new HashMap<>();
        users.forEach((user, password) -> copy.put(Objects.requireNonNull(user, "user"),
                Objects.requireNonNull(password, "password")));
        plainUsers.put(domain, Collections.unmodifiableMap(copy));
        return this;
    }

    /**
     * Sets the PLAIN users of {@code domain} from a password file as zauth's: {@code user=password} lines, blank
     * lines and {@code #} comments; spaces around names and passwords are ignored. Read once, now.
     *
     * @throws ZmqException EINVAL naming the file and line if a line is not {@code user=password}
     */
    public Authenticator configurePlain(String domain, Path passwordFile) {
        List<String> lines;
        try {
            lines = Files.readAllLines(passwordFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read password file " + passwordFile, e);
        }
        Map<String, String> users = new LinkedHashMap<>();
        for (int n = 1; n <= lines.size(); n++) {
            String line = lines.get(n - 1).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0 || line.substring(0, eq).isBlank()) {
                throw new ZmqException(ZmqException.EINVAL, passwordFile + ":" + n + ": expected user=password");
            }
            users.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
        }
        return configurePlain(domain, users);
    }

    /**
     * Sets the CURVE clients of {@code domain} to the public certificates in {@code certificateDirectory} (see
     * {@link Certificate#loadDirectory}); their metadata goes back in the ZAP reply. Read once, now.
     */
    public Authenticator configureCurve(String domain, Path certificateDirectory) {
        Objects.requireNonNull(domain, "domain");
        Map<String, Map<String, String>> keys = new HashMap<>();
        for (Certificate c : Certificate.loadDirectory(certificateDirectory)) {
            keys.put(c.publicKeyZ85(), c.metadata());
        }
        curvePolicies.put(domain, new CurvePolicy(false, Collections.unmodifiableMap(keys)));
        return this;
    }

    /**
     * Sets the CURVE clients of {@code domain} to these 32-byte public keys.
     *
     * @throws ZmqException EINVAL if a key is not 32 bytes
     */
    public Authenticator configureCurve(String domain, byte[]... allowedPublicKeys) {
        Objects.requireNonNull(domain, "domain");
        Map<String, Map<String, String>> keys = new HashMap<>();
        for (byte[] key : allowedPublicKeys) {
            if (key.length != 32) {
                throw new ZmqException(ZmqException.EINVAL, "a CURVE public key is 32 bytes, got " + key.length);
            }
            keys.put(Z85.encode(key), Map.of());
        }
        curvePolicies.put(domain, new CurvePolicy(false, Collections.unmodifiableMap(keys)));
        return this;
    }

    /**
     * Lets any CURVE client into {@code domain}: encryption without client authentication (zauth's
     * CURVE_ALLOW_ANY).
     */
    public Authenticator allowAnyCurve(String domain) {
        curvePolicies.put(Objects.requireNonNull(domain, "domain"), new CurvePolicy(true, Map.of()));
        return this;
    }

    /** Logs each decision to the {@code System.Logger} "org.zmq4j.zap" at INFO. Off by default. */
    public Authenticator verbose(boolean on) {
        verbose = on;
        return this;
    }

    /**
     * Sends each decision, one line such as {@code ZAP: ALLOWED (PLAIN) user=admin address=127.0.0.1 domain=}, to
     * {@code sink} (null: none) on the handler thread. The sink must not block or throw. Passwords are never shown.
     */
    public Authenticator onDecision(Consumer<String> sink) {
        decisionSink = sink;
        return this;
    }

    // ---------------------------------------------------------------- lifecycle

    /** Stops serving, unbinds {@link #ENDPOINT} and waits for the handler thread to end. Idempotent. */
    @Override
    public void close() {
        synchronized (this) {
            if (!closed) {
                closed = true;
                try {
                    stopSender.send(EMPTY, Socket.DONTWAIT);
                } catch (ZmqException e) {
                    // The context is terminated: the handler thread has stopped, or will, by itself.
                }
            }
        }
        if (Thread.currentThread() != thread) {
            boolean interrupted = false;
            while (thread.isAlive()) {
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (this) {
            closeQuietly(stopSender);
        }
    }

    /** The handler thread: answers requests until the stop signal or the end of the context. */
    private void serve() {
        try {
            Poller poller = new Poller();
            int requests = poller.register(handler, Poller.POLLIN);
            int stop = poller.register(stopReceiver, Poller.POLLIN);
            while (true) {
                poller.poll(-1);
                if (poller.pollin(stop)) {
                    break;
                }
                if (poller.pollin(requests)) {
                    Message request = handler.tryRecvMessage();
                    if (request != null) {
                        // REP never blocks a reply: it drops it if the server has gone.
                        handler.send(answer(request));
                    }
                }
            }
        } catch (ContextTerminatedException e) {
            // The context ended: no server is left to ask.
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "ZAP handler stopped by an unexpected failure", e);
        } finally {
            try {
                handler.unbind(ENDPOINT);
            } catch (ZmqException e) {
                // Already gone with the context.
            }
            closeQuietly(handler);
            closeQuietly(stopReceiver);
        }
    }

    // ---------------------------------------------------------------- ZAP

    /**
     * The reply to one request (as a REP socket hands it over, without envelope):
     * <pre>
     * request: [version "1.0"][request id][domain][address][identity][mechanism][credentials…]
     * reply:   [version "1.0"][request id][status code][status text][user id][metadata]
     * </pre>
     */
    private Message answer(Message request) {
        try {
            return decide(request);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "ZAP handler failed on a request", e);
            return reply(request.size() > 1 ? request.frame(1) : EMPTY, "500", "Internal error", EMPTY, EMPTY);
        }
    }

    private Message decide(Message request) {
        int size = request.size();
        byte[] requestId = size > 1 ? request.frame(1) : EMPTY;
        // 27/ZAP: status code "500" indicates "an internal error (system failure)"; a request that breaks the
        // protocol gets it too, so the server fails the handshake instead of waiting for a reply that never comes.
        if (!ascii(request.frame(0)).equals(VERSION)) {
            return invalid(requestId, "Unsupported ZAP version", "version '" + printable(request.frame(0)) + "'");
        }
        if (size < 6) {
            return invalid(requestId, "Malformed request", size + " frames, at least 6 expected");
        }
        String domain = ascii(request.frame(2));
        String address = normalizeAddress(ascii(request.frame(3)));
        String mechanism = ascii(request.frame(5));
        int credentials = size - 6;
        switch (mechanism) {
            case "NULL":
                if (credentials != 0) {
                    return invalid(requestId, "Malformed request", "NULL with " + credentials + " credentials");
                }
                break;
            case "PLAIN":
                if (credentials != 2) {
                    return invalid(requestId, "Malformed request", "PLAIN with " + credentials
                            + " credential frames, 2 expected");
                }
                break;
            case "CURVE":
                if (credentials != 1 || request.frame(6).length != 32) {
                    return invalid(requestId, "Malformed request", "CURVE credentials must be one 32-byte key");
                }
                break;
            case "":
                return invalid(requestId, "Malformed request", "empty mechanism");
            default:
                break;
        }
        String where = "address=" + printable(address) + " domain=" + printable(domain);

        String addressRejection = addressRejection(address);
        if (addressRejection != null) {
            decision("ZAP: DENIED (" + printable(mechanism) + ") " + where + ": " + addressRejection);
            return reply(requestId, "400", "No access", EMPTY, EMPTY);
        }
        switch (mechanism) {
            case "NULL":
                decision("ZAP: ALLOWED (NULL) " + where);
                return reply(requestId, "200", "OK", EMPTY, EMPTY);
            case "PLAIN":
                return plain(requestId, domain, request.frame(6), request.string(7), where);
            case "CURVE":
                return curve(requestId, domain, request.frame(6), where);
            default:
                decision("ZAP: DENIED (" + printable(mechanism) + ") " + where + ": unsupported mechanism");
                return reply(requestId, "400", "No access", EMPTY, EMPTY);
        }
    }

    private Message plain(byte[] requestId, String domain, byte[] userId, String password, String where) {
        String user = new String(userId, StandardCharsets.UTF_8);
        Map<String, String> users = forDomain(plainUsers, domain);
        String who = "user=" + printable(user) + " " + where;
        String problem;
        if (users == null) {
            problem = "no PLAIN users for this domain";
        } else if (!users.containsKey(user)) {
            problem = "unknown user";
        } else if (!constantTimeEquals(users.get(user), password)) {
            problem = "wrong password";
        } else {
            decision("ZAP: ALLOWED (PLAIN) " + who);
            return reply(requestId, "200", "OK", userId, EMPTY);
        }
        decision("ZAP: DENIED (PLAIN) " + who + ": " + problem);
        return reply(requestId, "400", "No access", EMPTY, EMPTY);
    }

    private Message curve(byte[] requestId, String domain, byte[] clientKey, String where) {
        CurvePolicy policy = forDomain(curvePolicies, domain);
        String key = Z85.encode(clientKey);
        String who = "key=" + key + " " + where;
        if (policy != null && policy.anyKey) {
            decision("ZAP: ALLOWED (CURVE, any key) " + who);
            return reply(requestId, "200", "OK", key.getBytes(StandardCharsets.US_ASCII), EMPTY);
        }
        Map<String, String> metadata = policy == null ? null : policy.metadataByKey.get(key);
        if (metadata == null) {
            decision("ZAP: DENIED (CURVE) " + who + ": "
                    + (policy == null ? "no CURVE clients for this domain" : "unknown key"));
            return reply(requestId, "400", "No access", EMPTY, EMPTY);
        }
        decision("ZAP: ALLOWED (CURVE) " + who);
        return reply(requestId, "200", "OK", key.getBytes(StandardCharsets.US_ASCII), encodeMetadata(metadata));
    }

    /** zauth: an allow list, if any, decides alone; else a deny list, if any. Null if the address passes. */
    private String addressRejection(String address) {
        if (!allowed.isEmpty()) {
            return allowed.contains(address) ? null : "address not in the allow list";
        }
        return denied.contains(address) ? "address in the deny list" : null;
    }

    private Message invalid(byte[] requestId, String text, String detail) {
        decision("ZAP: ERROR 500 " + text + ": " + detail);
        return reply(requestId, "500", text, EMPTY, EMPTY);
    }

    private static Message reply(byte[] requestId, String code, String text, byte[] userId, byte[] metadata) {
        return Message.of(VERSION.getBytes(StandardCharsets.US_ASCII), requestId,
                code.getBytes(StandardCharsets.US_ASCII), text.getBytes(StandardCharsets.US_ASCII), userId, metadata);
    }

    private static <T> T forDomain(Map<String, T> policies, String domain) {
        T own = policies.get(domain);
        return own != null ? own : policies.get(ANY_DOMAIN);
    }

    /**
     * Certificate metadata as ZMTP properties (27/ZAP: "The metadata SHALL use the ZMTP 3.0 format"), skipping
     * names ZMTP cannot carry.
     */
    private static byte[] encodeMetadata(Map<String, String> metadata) {
        Map<String, byte[]> properties = new LinkedHashMap<>();
        metadata.forEach((name, value) -> {
            if (isZmtpName(name)) {
                properties.put(name, value.getBytes(StandardCharsets.UTF_8));
            }
        });
        return properties.isEmpty() ? EMPTY : Metadata.encode(properties);
    }

    /** 23/ZMTP: {@code name = OCTET 1*255name-char; name-char = ALPHA | DIGIT | "-" | "_" | "." | "+"}. */
    private static boolean isZmtpName(String name) {
        if (name.isEmpty() || name.length() > 255) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == '+';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private void decision(String line) {
        if (verbose) {
            LOG.log(System.Logger.Level.INFO, line);
        }
        Consumer<String> sink = decisionSink;
        if (sink != null) {
            try {
                sink.accept(line);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "ZAP decision sink threw", e);
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    /** IPv6 literals in one form, so "::1" matches "0:0:0:0:0:0:0:1"; anything else as given. */
    private static String normalizeAddress(String address) {
        String a = address.strip();
        if (a.startsWith("[") && a.endsWith("]")) {
            a = a.substring(1, a.length() - 1);
        }
        if (IPV6_LITERAL.matcher(a).matches()) {
            try {
                return InetAddress.getByName(a).getHostAddress();
            } catch (UnknownHostException | SecurityException e) {
                return a;
            }
        }
        return a;
    }

    private static boolean constantTimeEquals(String expected, String actual) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                actual.getBytes(StandardCharsets.UTF_8));
    }

    private static String ascii(byte[] frame) {
        return new String(frame, StandardCharsets.US_ASCII);
    }

    /** Untrusted text for a log line: control characters become '?', so a request cannot forge lines. */
    private static String printable(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            b.append(c < 0x20 || c == 0x7F ? '?' : c);
        }
        return b.toString();
    }

    private static String printable(byte[] frame) {
        return printable(new String(frame, StandardCharsets.UTF_8));
    }

    private static void closeQuietly(Socket s) {
        if (s != null) {
            try {
                s.close();
            } catch (ZmqException e) {
                // Closing after the context ended: nothing left to release.
            }
        }
    }

    @Override
    public String toString() {
        return "Authenticator[" + ENDPOINT + (thread.isAlive() ? "" : ", stopped") + "]";
    }
}
