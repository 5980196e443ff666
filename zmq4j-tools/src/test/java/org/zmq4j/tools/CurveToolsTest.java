package org.zmq4j.tools;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zmq4j.Certificate;
import org.zmq4j.Curve;
import org.zmq4j.Z85;

/** CURVE in the tools: key generation and the perf tools' optional last argument 1. */
class CurveToolsTest {
    /** libzmq's curve_keygen output: two headed lines of 40 Z85 characters. */
    private static final Pattern KEYGEN = Pattern.compile(
            "== CURVE PUBLIC KEY ==\\R(\\S{40})\\R== CURVE SECRET KEY ==\\R(\\S{40})\\R");

    @TempDir
    Path dir;

    @Test
    void shouldPrintAMatchingKeyPairAsLibzmqsCurveKeygenDoes() throws InterruptedException {
        ToolRun run = ToolRun.run("keygen");
        assertEquals(0, run.exitCode(), run.err());
        var m = KEYGEN.matcher(run.out());
        assertTrue(m.matches(), run.out());
        assertArrayEquals(Z85.decode(m.group(1)), Curve.publicKey(Z85.decode(m.group(2))));
    }

    @Test
    void shouldWriteCzmqCertificateFilesWithMetadata() throws InterruptedException {
        Path cert = dir.resolve("server");
        ToolRun run = ToolRun.run("keygen", cert.toString(), "name=server-1");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(Files.isRegularFile(cert) && Files.isRegularFile(dir.resolve("server_secret")));
        Certificate secret = Certificate.loadSecret(cert);
        Certificate shared = Certificate.loadPublic(cert);
        assertArrayEquals(shared.publicKey(), Curve.publicKey(secret.secretKey()));
        assertEquals("server-1", shared.metadata().get("name"));
        assertTrue(run.out().contains(shared.publicKeyZ85()), run.out());
    }

    @Test
    void shouldMeasureThroughputOverCurveWithLibzmqsFixedKeys() throws InterruptedException {
        ToolRun local = ToolRun.start("perf", "local_thr", "tcp://127.0.0.1:*", "100", "2000", "1");
        String endpoint = local.boundEndpoint();
        ToolRun remote = ToolRun.run("perf", "remote_thr", endpoint, "100", "2000", "1");
        assertEquals(0, remote.exitCode(), remote.err());
        assertEquals(0, local.exitCode(), local.err());
        assertTrue(local.out().startsWith("message size: 100 [B]"), local.out());
        assertTrue(local.out().contains("message count: 2000"), local.out());
    }

    @Test
    void shouldMeasureLatencyOverCurve() throws InterruptedException {
        ToolRun local = ToolRun.start("perf", "local_lat", "tcp://127.0.0.1:*", "64", "200", "1");
        String endpoint = local.boundEndpoint();
        ToolRun remote = ToolRun.run("perf", "remote_lat", endpoint, "64", "200", "1");
        assertEquals(0, remote.exitCode(), remote.err());
        assertTrue(remote.out().contains("average latency:"), remote.out());
        assertEquals(0, local.exitCode(), local.err());
    }
}
