package org.zmq4j.security;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zmq4j.Authenticator;
import org.zmq4j.Certificate;
import org.zmq4j.Context;
import org.zmq4j.Message;
import org.zmq4j.Socket;
import org.zmq4j.SocketOption;
import org.zmq4j.SocketType;
import org.zmq4j.Z85;
import org.zmq4j.ZmqException;
import org.zmq4j.testing.Contexts;
import org.zmq4j.testing.Worker;

/**
 * The ZAP handler driven as a server would drive it (27/ZAP): a REQ socket at inproc://zeromq.zap.01 sends
 * hand-built requests, and every reply frame is checked.
 */
class AuthenticatorTest {
    private static final String CLIENT_PUBLIC = "Yne@$w-vo<fVvi]a<NY6T1ed:M$fCG*[IaLV{hID";
    private static final String OTHER_PUBLIC = "rq:rM>}U?@Lns47E1%kR.o@n%FcmmsL/@{H8]yf7";
    private static final Duration PROMPTLY = Duration.ofSeconds(5);

    @TempDir
    Path dir;

    private Context ctx;
    private Authenticator auth;
    private Socket server;
    private final List<String> decisions = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void startHandler() {
        ctx = new Context();
        auth = Authenticator.start(ctx).onDecision(decisions::add);
        server = connectServer(SocketType.REQ);
    }

    @AfterEach
    void stopHandler() {
        if (server != null) {
            server.close();
        }
        Worker.run("close authenticator", auth::close).join(PROMPTLY);
        Contexts.close(ctx);
    }

    private Socket connectServer(SocketType type) {
        Socket s = ctx.socket(type);
        s.set(SocketOption.LINGER, 0);
        s.set(SocketOption.RCVTIMEO, 10_000);
        s.connect(Authenticator.ENDPOINT);
        return s;
    }

    /** Sends [version][request id][domain][address][identity][mechanism][credentials…] and returns the reply. */
    private Message ask(byte[]... frames) {
        assertTrue(server.send(Message.of(frames)));
        Message reply = server.recvMessage();
        assertNotNull(reply, "no ZAP reply within RCVTIMEO");
        return reply;
    }

    private Message ask(String... frames) {
        byte[][] bytes = new byte[frames.length][];
        for (int i = 0; i < frames.length; i++) {
            bytes[i] = frames[i].getBytes(StandardCharsets.UTF_8);
        }
        return ask(bytes);
    }

    private Message askNull(String address) {
        return ask("1.0", "0001", "test", address, "BOB", "NULL");
    }

    private Message askPlain(String domain, String address, String user, String password) {
        return ask("1.0", "0001", domain, address, "BOB", "PLAIN", user, password);
    }

    private Message askCurve(String domain, String address, String key) {
        return ask(bytes("1.0"), bytes("0001"), bytes(domain), bytes(address), bytes(""), bytes("CURVE"),
                Z85.decode(key));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** 27/ZAP reply: [version][request id][status code][status text][user id][metadata], metadata empty here. */
    private static void assertReply(Message reply, String requestId, String code, String text, String userId) {
        assertReply(reply, requestId, code, text, userId, new byte[0]);
    }

    private static void assertReply(Message reply, String requestId, String code, String text, String userId,
            byte[] metadata) {
        assertEquals(6, reply.size(), "frames: " + reply);
        assertEquals("1.0", reply.string(0));
        assertEquals(requestId, reply.string(1));
        assertEquals(code, reply.string(2));
        assertEquals(text, reply.string(3));
        assertEquals(userId, reply.string(4));
        assertArrayEquals(metadata, reply.frame(5));
    }

    // ---------------------------------------------------------------- NULL

    /**
     * 27/ZAP: "The NULL mechanism provides no security credentials but allows a server to filter bogus clients on
     * the basis of IP address."
     */
    @Test
    void shouldAllowNullWhenNoAddressRuleRejects() {
        assertReply(askNull("192.168.55.1"), "0001", "200", "OK", "");
        assertEquals(List.of("ZAP: ALLOWED (NULL) address=192.168.55.1 domain=test"), decisions);
    }

    @Test
    void shouldEchoAnyRequestIdUnmodified() {
        byte[] id = {0, (byte) 0xFF, 7, 0};
        Message reply = ask(bytes("1.0"), id, bytes("test"), bytes("10.0.0.1"), new byte[0], bytes("NULL"));
        assertArrayEquals(id, reply.frame(1));
        assertEquals("200", reply.string(2));
    }

    // ---------------------------------------------------------------- PLAIN

    @Test
    void shouldAllowPlainUserWithTheRightPasswordAndReturnTheUserName() {
        auth.configurePlain("*", Map.of("admin", "secret"));
        assertReply(askPlain("test", "127.0.0.1", "admin", "secret"), "0001", "200", "OK", "admin");
        assertEquals(List.of("ZAP: ALLOWED (PLAIN) user=admin address=127.0.0.1 domain=test"), decisions);
    }

    @Test
    void shouldDenyPlainUserWithTheWrongPassword() {
        auth.configurePlain("*", Map.of("admin", "secret"));
        assertReply(askPlain("test", "127.0.0.1", "admin", "guess"), "0001", "400", "No access", "");
        assertEquals(List.of("ZAP: DENIED (PLAIN) user=admin address=127.0.0.1 domain=test: wrong password"),
                decisions);
    }

    @Test
    void shouldDenyAnUnknownPlainUser() {
        auth.configurePlain("*", Map.of("admin", "secret"));
        assertReply(askPlain("test", "127.0.0.1", "mallory", "secret"), "0001", "400", "No access", "");
        assertTrue(decisions.get(0).endsWith(": unknown user"), decisions.toString());
    }

    @Test
    void shouldDenyPlainBeforeAnyUsersAreConfigured() {
        assertReply(askPlain("", "127.0.0.1", "admin", "secret"), "0001", "400", "No access", "");
    }

    @Test
    void shouldApplyADomainsOwnUsersAndFallBackToTheAnyDomainForOthers() {
        auth.configurePlain("global", Map.of("admin", "secret"));
        auth.configurePlain("*", Map.of("guest", "guest"));
        assertReply(askPlain("global", "127.0.0.1", "admin", "secret"), "0001", "200", "OK", "admin");
        assertReply(askPlain("global", "127.0.0.1", "guest", "guest"), "0001", "400", "No access", "");
        assertReply(askPlain("other", "127.0.0.1", "guest", "guest"), "0001", "200", "OK", "guest");
        assertReply(askPlain("other", "127.0.0.1", "admin", "secret"), "0001", "400", "No access", "");
    }

    @Test
    void shouldDenyPlainInADomainWithoutUsers() {
        auth.configurePlain("global", Map.of("admin", "secret"));
        assertReply(askPlain("unknown", "127.0.0.1", "admin", "secret"), "0001", "400", "No access", "");
        assertTrue(decisions.get(0).endsWith(": no PLAIN users for this domain"), decisions.toString());
    }

    @Test
    void shouldReadPlainUsersFromAPasswordFile() throws IOException {
        Path passwords = dir.resolve("passwords");
        Files.writeString(passwords, "# users\nadmin=secret\n\n  ops = s3cr3t=!  \n");
        auth.configurePlain("*", passwords);
        assertReply(askPlain("test", "127.0.0.1", "admin", "secret"), "0001", "200", "OK", "admin");
        assertReply(askPlain("test", "127.0.0.1", "ops", "s3cr3t=!"), "0001", "200", "OK", "ops");
        assertReply(askPlain("test", "127.0.0.1", "#", "users"), "0001", "400", "No access", "");
    }

    @Test
    void shouldRejectAPasswordFileLineWithoutEqualsSignNamingTheLine() throws IOException {
        Path passwords = dir.resolve("passwords");
        Files.writeString(passwords, "admin=secret\njustaname\n");
        ZmqException e = assertThrows(ZmqException.class, () -> auth.configurePlain("*", passwords));
        assertEquals(ZmqException.EINVAL, e.errorCode());
        assertEquals(passwords + ":2: expected user=password", e.getMessage());
    }

    @Test
    void shouldNeverReportPasswordsInDecisions() {
        auth.configurePlain("*", Map.of("admin", "topsecret"));
        askPlain("test", "127.0.0.1", "admin", "topsecret");
        askPlain("test", "127.0.0.1", "admin", "wrongsecret");
        assertEquals(2, decisions.size());
        for (String line : decisions) {
            assertFalse(line.contains("secret"), line);
        }
    }

    @Test
    void shouldNotLetARequestForgeDecisionLines() {
        auth.configurePlain("*", Map.of("admin", "secret"));
        askPlain("test", "127.0.0.1", "x\nZAP: ALLOWED (PLAIN) user=admin", "secret");
        assertEquals(1, decisions.size());
        assertFalse(decisions.get(0).contains("\n"), decisions.get(0));
    }

    // ---------------------------------------------------------------- CURVE

    @Test
    void shouldAllowAnAllowedCurveKeyAndReturnItInZ85AsTheUserId() {
        auth.configureCurve("*", Z85.decode(CLIENT_PUBLIC));
        assertReply(askCurve("test", "127.0.0.1", CLIENT_PUBLIC), "0001", "200", "OK", CLIENT_PUBLIC);
        assertEquals(List.of("ZAP: ALLOWED (CURVE) key=" + CLIENT_PUBLIC + " address=127.0.0.1 domain=test"),
                decisions);
    }

    @Test
    void shouldDenyAnUnknownCurveKey() {
        auth.configureCurve("*", Z85.decode(CLIENT_PUBLIC));
        assertReply(askCurve("test", "127.0.0.1", OTHER_PUBLIC), "0001", "400", "No access", "");
        assertTrue(decisions.get(0).endsWith(": unknown key"), decisions.toString());
    }

    @Test
    void shouldDenyCurveBeforeAnyKeysAreConfigured() {
        assertReply(askCurve("test", "127.0.0.1", CLIENT_PUBLIC), "0001", "400", "No access", "");
    }

    /** CZMQ's zauth: CURVE_ALLOW_ANY lets every client in (encryption without client authentication). */
    @Test
    void shouldAllowAnyCurveKeyAfterAllowAny() {
        auth.allowAnyCurve("*");
        assertReply(askCurve("test", "127.0.0.1", OTHER_PUBLIC), "0001", "200", "OK", OTHER_PUBLIC);
        assertReply(askCurve("test", "127.0.0.1", CLIENT_PUBLIC), "0001", "200", "OK", CLIENT_PUBLIC);
    }

    @Test
    void shouldReplaceAllowAnyWhenKeysAreConfiguredForTheDomain() {
        auth.allowAnyCurve("test");
        auth.configureCurve("test", Z85.decode(CLIENT_PUBLIC));
        assertReply(askCurve("test", "127.0.0.1", OTHER_PUBLIC), "0001", "400", "No access", "");
    }

    /** 27/ZAP: "The metadata SHALL use the ZMTP 3.0 format": name-size, name, 4-octet value size, value. */
    @Test
    void shouldAllowKeysFromACertificateDirectoryAndReturnTheirMetadata() throws IOException {
        Path certs = Files.createDirectory(dir.resolve("certs"));
        new Certificate(Z85.decode(CLIENT_PUBLIC), null, Map.of("name", "alice")).savePublic(certs.resolve("alice"));
        auth.configureCurve("*", certs);

        ByteArrayOutputStream metadata = new ByteArrayOutputStream();
        metadata.write(4);
        metadata.writeBytes(bytes("name"));
        metadata.writeBytes(new byte[] {0, 0, 0, 5});
        metadata.writeBytes(bytes("alice"));
        assertReply(askCurve("test", "127.0.0.1", CLIENT_PUBLIC), "0001", "200", "OK", CLIENT_PUBLIC,
                metadata.toByteArray());
        assertReply(askCurve("test", "127.0.0.1", OTHER_PUBLIC), "0001", "400", "No access", "");
    }

    @Test
    void shouldRejectACurveKeyThatIsNot32BytesWhenConfiguring() {
        ZmqException e = assertThrows(ZmqException.class, () -> auth.configureCurve("*", new byte[31]));
        assertEquals(ZmqException.EINVAL, e.errorCode());
    }

    // ---------------------------------------------------------------- addresses

    @Test
    void shouldDenyAddressesInTheDenyListForEveryMechanism() {
        auth.configurePlain("*", Map.of("admin", "secret"));
        auth.deny("10.0.0.66");
        assertReply(askNull("10.0.0.66"), "0001", "400", "No access", "");
        assertReply(askPlain("test", "10.0.0.66", "admin", "secret"), "0001", "400", "No access", "");
        assertReply(askNull("10.0.0.1"), "0001", "200", "OK", "");
        assertEquals("ZAP: DENIED (NULL) address=10.0.0.66 domain=test: address in the deny list", decisions.get(0));
    }

    @Test
    void shouldAllowOnlyAllowListedAddressesOnceAnAllowListExists() {
        auth.deny("127.0.0.1");
        auth.allow("127.0.0.1", "192.168.1.10");
        assertReply(askNull("127.0.0.1"), "0001", "200", "OK", "");
        assertReply(askNull("192.168.1.10"), "0001", "200", "OK", "");
        assertReply(askNull("192.168.1.11"), "0001", "400", "No access", "");
        assertTrue(decisions.get(2).endsWith(": address not in the allow list"), decisions.toString());
    }

    /** CZMQ's zauth: "For PLAIN, even a whitelisted address must authenticate". */
    @Test
    void shouldStillAuthenticatePlainAndCurveFromAnAllowedAddress() {
        auth.allow("127.0.0.1");
        auth.configurePlain("*", Map.of("admin", "secret"));
        assertReply(askPlain("test", "127.0.0.1", "admin", "guess"), "0001", "400", "No access", "");
        assertReply(askCurve("test", "127.0.0.1", CLIENT_PUBLIC), "0001", "400", "No access", "");
    }

    @Test
    void shouldMatchIpv6AddressesWrittenDifferently() {
        auth.deny("::1");
        assertReply(askNull("0:0:0:0:0:0:0:1"), "0001", "400", "No access", "");
        assertReply(askNull("::2"), "0001", "200", "OK", "");
    }

    // ---------------------------------------------------------------- invalid requests

    /**
     * 27/ZAP: the status code is "500" "to indicate an internal error (system failure)"; the handler answers a
     * request it cannot read with it, so the server fails the handshake instead of waiting.
     */
    @Test
    void shouldAnswerAWrongVersionWith500EchoingTheRequestId() {
        assertReply(ask("2.0", "0042", "test", "127.0.0.1", "", "NULL"), "0042", "500", "Unsupported ZAP version",
                "");
        assertEquals(List.of("ZAP: ERROR 500 Unsupported ZAP version: version '2.0'"), decisions);
    }

    @Test
    void shouldAnswerTooFewFramesWith500() {
        assertReply(ask("1.0", "0007", "test", "127.0.0.1", ""), "0007", "500", "Malformed request", "");
        assertReply(ask("1.0"), "", "500", "Malformed request", "");
    }

    @Test
    void shouldAnswerMechanismsWithTheWrongCredentialsWith500() {
        assertReply(ask("1.0", "1", "test", "127.0.0.1", "", "PLAIN", "admin"), "1", "500", "Malformed request", "");
        assertReply(ask("1.0", "2", "test", "127.0.0.1", "", "NULL", "extra"), "2", "500", "Malformed request", "");
        assertReply(ask("1.0", "3", "test", "127.0.0.1", "", "CURVE", "short key"), "3", "500", "Malformed request",
                "");
        assertReply(ask("1.0", "4", "test", "127.0.0.1", "", ""), "4", "500", "Malformed request", "");
    }

    @Test
    void shouldDenyAnUnknownMechanism() {
        assertReply(ask("1.0", "1", "test", "127.0.0.1", "", "GSSAPI", "principal"), "1", "400", "No access", "");
    }

    @Test
    void shouldKeepServingAfterInvalidRequests() {
        ask("0.9", "1");
        ask("1.0");
        assertReply(askNull("127.0.0.1"), "0001", "200", "OK", "");
    }

    /** 27/ZAP: with a DEALER, the server sends and receives the empty delimiter frame itself. */
    @Test
    void shouldAnswerADealerWithTheDelimiterAndSixFrames() {
        Socket dealer = connectServer(SocketType.DEALER);
        try {
            assertTrue(dealer.send(Message.of("", "1.0", "abc", "test", "127.0.0.1", "", "NULL")));
            Message reply = dealer.recvMessage();
            assertNotNull(reply);
            assertEquals(List.of("", "1.0", "abc", "200", "OK", "", ""), strings(reply));
        } finally {
            dealer.close();
        }
    }

    private static List<String> strings(Message m) {
        List<String> out = new ArrayList<>();
        for (byte[] f : m) {
            out.add(new String(f, StandardCharsets.UTF_8));
        }
        return out;
    }

    // ---------------------------------------------------------------- lifecycle

    /** 27/ZAP: "There SHALL be one handler in a process." */
    @Test
    void shouldRefuseASecondHandlerInTheSameContext() {
        ZmqException e = assertThrows(ZmqException.class, () -> Authenticator.start(ctx));
        assertEquals(ZmqException.EADDRINUSE, e.errorCode());
        assertTrue(e.getMessage().contains("already has a ZAP handler"), e.getMessage());
        assertReply(askNull("127.0.0.1"), "0001", "200", "OK", "");
    }

    @Test
    void shouldCloseFromAnyThreadPromptlyAndLetANewHandlerStart() {
        Worker.run("close authenticator", auth::close).join(PROMPTLY);
        Worker.run("close again", auth::close).join(PROMPTLY);

        auth = Authenticator.start(ctx).onDecision(decisions::add);
        server.close();
        server = connectServer(SocketType.REQ);
        assertReply(askNull("127.0.0.1"), "0001", "200", "OK", "");
    }

    @Test
    void shouldStopWhenTheContextIsClosedAndStillCloseCleanly() {
        server.close();
        server = null;
        Contexts.close(ctx);
        Worker.run("close authenticator", auth::close).join(PROMPTLY);
    }

    @Test
    void shouldKeepRunningWhenTheDecisionSinkThrows() {
        auth.onDecision(line -> {
            throw new IllegalStateException("sink failure");
        });
        assertReply(askNull("127.0.0.1"), "0001", "200", "OK", "");
        assertReply(askNull("127.0.0.1"), "0001", "200", "OK", "");
        auth.onDecision(null);
        assertTrue(decisions.isEmpty(), decisions.toString());
    }
}
