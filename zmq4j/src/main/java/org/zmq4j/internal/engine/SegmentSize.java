package org.zmq4j.internal.engine;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketAddress;
import java.nio.channels.SocketChannel;

/**
 * How many octets one write offers a TCP connection: a whole number of its segments.
 *
 * <p>TCP_NODELAY (always set, as by libzmq) sends what a write leaves over at once, as a segment of its own. Over
 * loopback a segment carries 65,483 octets, so a write of a full 64 KiB buffer used to leave as one full segment and
 * a runt of 53 octets: twice the segments, each a trip through both ends' TCP code, for the same bytes. Offering
 * 65,483 instead, and the 53 with the next write, cut the segments per 64 KiB message (both directions, ACKs included)
 * from 2.5 to 1.4 and made those messages 11 % faster (BENCHMARKS.md, tenth session).
 *
 * <p>Java does not expose the connection's maximum segment size (TCP_MAXSEG), so it is estimated from the MTU of the
 * interface that holds the local address, as Linux derives the size it announces: the MTU less the IP and TCP headers
 * and the 12 octets of the timestamps option, which Linux sends by default. Too small an estimate costs nothing (each
 * write still leaves without a runt); a path with a smaller MTU than the interface's splits writes as before.
 */
final class SegmentSize {
    private static final int IPV4_HEADER = 20;
    private static final int IPV6_HEADER = 40;
    private static final int TCP_HEADER = 20;
    private static final int TIMESTAMPS_OPTION = 12;
    /** The largest IPv4 packet, and the largest IPv6 payload. */
    private static final int IP_MAX_LENGTH = 65_535;

    private SegmentSize() {}

    /**
     * The most of {@code capacity} octets a write offers {@code channel}: a whole number of its estimated segments, or
     * {@code capacity} if the channel is not TCP, the estimate is not known, or no whole segment fits.
     */
    static int writeChunk(SocketChannel channel, int capacity) {
        int segment = estimate(channel);
        return segment <= 0 || segment > capacity ? capacity : capacity - capacity % segment;
    }

    /** The connection's estimated maximum segment size, or 0 if unknown (not an IP connection, no interface). */
    static int estimate(SocketChannel channel) {
        try {
            SocketAddress local = channel.getLocalAddress();
            if (!(local instanceof InetSocketAddress)) {
                return 0;
            }
            InetSocketAddress address = (InetSocketAddress) local;
            NetworkInterface nic = NetworkInterface.getByInetAddress(address.getAddress());
            return nic == null ? 0 : fromMtu(nic.getMTU(), address.getAddress() instanceof Inet4Address);
        } catch (IOException e) {
            return 0;
        }
    }

    /** The segment size Linux announces on an interface of {@code mtu}: 65,483 on IPv4 loopback, 1,448 on Ethernet. */
    static int fromMtu(int mtu, boolean ipv4) {
        if (mtu <= 0) {
            return 0;
        }
        int ipPayload = ipv4 ? Math.min(mtu, IP_MAX_LENGTH) - IPV4_HEADER : Math.min(mtu - IPV6_HEADER, IP_MAX_LENGTH);
        int segment = ipPayload - TCP_HEADER - TIMESTAMPS_OPTION;
        return Math.max(segment, 0);
    }
}
