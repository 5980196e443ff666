package org.zmq4j.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A connection's output goes to TCP in whole segments, so that TCP_NODELAY does not send a runt after every write:
 * the estimate must be the size Linux announces for the interface (`ss -ti` shows it as advmss), and never larger,
 * or every write would again end in a runt.
 */
class SegmentSizeTest {
    @Test
    void shouldEstimateTheSegmentSizesLinuxAnnounces() {
        // advmss of a 127.0.0.1 and of a ::1 connection (lo, MTU 65536), as `ss -ti` reports them on Linux 6.
        assertEquals(65_483, SegmentSize.fromMtu(65_536, true));
        assertEquals(65_464, SegmentSize.fromMtu(65_536, false));
        // Ethernet's MTU of 1500, timestamps on: the familiar 1448 (IPv4) and 1428 (IPv6).
        assertEquals(1_448, SegmentSize.fromMtu(1_500, true));
        assertEquals(1_428, SegmentSize.fromMtu(1_500, false));
        assertEquals(0, SegmentSize.fromMtu(0, true));
        assertEquals(0, SegmentSize.fromMtu(40, true));
    }

    @Test
    void shouldOfferALoopbackConnectionWholeSegmentsOfItsBuffer() throws Exception {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        int mtu = NetworkInterface.getByInetAddress(loopback).getMTU();
        int segment = SegmentSize.fromMtu(mtu, true);
        try (ServerSocketChannel server = ServerSocketChannel.open().bind(new InetSocketAddress(loopback, 0));
                SocketChannel client = SocketChannel.open(server.getLocalAddress());
                SocketChannel accepted = server.accept()) {
            assertEquals(segment, SegmentSize.estimate(client));
            assertEquals(segment, SegmentSize.estimate(accepted));
            int chunk = SegmentSize.writeChunk(client, 64 * 1024);
            assertTrue(chunk > 0 && chunk <= 64 * 1024, "chunk " + chunk);
            if (segment <= 64 * 1024) {
                assertEquals(0, chunk % segment, "chunk " + chunk + " of segments of " + segment);
                assertTrue(64 * 1024 - chunk < segment, "as many whole segments as fit");
            }
            assertEquals(1_000, SegmentSize.writeChunk(client, 1_000), "a buffer smaller than a segment: all of it");
        }
    }

    @Test
    void shouldOfferAUnixDomainConnectionAllOfItsBuffer() throws Exception {
        Path dir = Files.createTempDirectory("segment-size");
        UnixDomainSocketAddress path = UnixDomainSocketAddress.of(dir.resolve("s"));
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX).bind(path);
                SocketChannel client = SocketChannel.open(path);
                SocketChannel accepted = server.accept()) {
            assertEquals(0, SegmentSize.estimate(client));
            assertEquals(64 * 1024, SegmentSize.writeChunk(client, 64 * 1024));
            assertEquals(64 * 1024, SegmentSize.writeChunk(accepted, 64 * 1024));
        } finally {
            Files.deleteIfExists(dir.resolve("s"));
            Files.delete(dir);
        }
    }
}
