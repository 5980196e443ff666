package org.zmq4j.internal.transport.tcp;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Enumeration;
import org.zmq4j.internal.util.ZmqError;

/**
 * Parses and resolves {@code tcp://} addresses as libzmq does: bind to {@code *}, an IP literal, a NIC name or a
 * host name, with a port number or {@code *} (ephemeral); connect to {@code host:port}, optionally from a source
 * address given as {@code source;host:port}. IPv6 literals go in brackets; IPv6 needs the IPV6 option.
 */
public final class TcpAddress {
    private TcpAddress() {}

    /** Resolves a bind address ({@code iface:port}). */
    public static InetSocketAddress resolveBind(String address, boolean ipv6) {
        String[] hp = splitHostPort(address);
        int port = parsePort(hp[1], true);
        String host = hp[0];
        if (host.equals("*")) {
            return new InetSocketAddress(anyAddress(ipv6), port);
        }
        InetAddress nic = nicAddress(host, ipv6);
        if (nic != null) {
            return new InetSocketAddress(nic, port);
        }
        return new InetSocketAddress(resolveHost(host, ipv6), port);
    }

    /** Resolves a connect address; returns {source or null, destination}. */
    public static InetSocketAddress[] resolveConnect(String address, boolean ipv6) {
        InetSocketAddress source = null;
        int semi = address.indexOf(';');
        if (semi >= 0) {
            source = resolveBind(address.substring(0, semi).contains(":") ? address.substring(0, semi)
                    : address.substring(0, semi) + ":0", ipv6);
            address = address.substring(semi + 1);
        }
        String[] hp = splitHostPort(address);
        int port = parsePort(hp[1], false);
        if (port == 0) {
            throw new ZmqError(ZmqError.EINVAL, "connect needs a port: tcp://" + address);
        }
        if (hp[0].equals("*")) {
            throw new ZmqError(ZmqError.EINVAL, "cannot connect to *: tcp://" + address);
        }
        return new InetSocketAddress[] {source, new InetSocketAddress(resolveHost(hp[0], ipv6), port)};
    }

    /** The endpoint string libzmq reports for a bound or connected address. */
    public static String format(InetSocketAddress a) {
        InetAddress ip = a.getAddress();
        String host = ip instanceof Inet6Address ? "[" + stripScope(ip.getHostAddress()) + "]" : ip.getHostAddress();
        return "tcp://" + host + ":" + a.getPort();
    }

    private static String stripScope(String s) {
        int pct = s.indexOf('%');
        String h = pct >= 0 ? s.substring(0, pct) : s;
        return h.equals("0:0:0:0:0:0:0:0") ? "::" : h.equals("0:0:0:0:0:0:0:1") ? "::1" : h;
    }

    private static String[] splitHostPort(String address) {
        int colon = address.lastIndexOf(':');
        if (colon <= 0 || colon == address.length() - 1) {
            throw new ZmqError(ZmqError.EINVAL, "tcp address must be host:port: " + address);
        }
        String host = address.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return new String[] {host, address.substring(colon + 1)};
    }

    private static int parsePort(String s, boolean bind) {
        if (s.equals("*") || s.equals("0")) {
            if (!bind && s.equals("*")) {
                throw new ZmqError(ZmqError.EINVAL, "connect needs a port number, not *");
            }
            return 0;
        }
        try {
            int p = Integer.parseInt(s);
            if (p < 0 || p > 65535) {
                throw new NumberFormatException();
            }
            return p;
        } catch (NumberFormatException e) {
            throw new ZmqError(ZmqError.EINVAL, "bad tcp port: " + s);
        }
    }

    private static InetAddress anyAddress(boolean ipv6) {
        try {
            return ipv6 ? InetAddress.getByName("::") : InetAddress.getByName("0.0.0.0");
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    private static InetAddress nicAddress(String name, boolean ipv6) {
        try {
            NetworkInterface nic = NetworkInterface.getByName(name);
            if (nic == null) {
                return null;
            }
            InetAddress fallback = null;
            for (Enumeration<InetAddress> e = nic.getInetAddresses(); e.hasMoreElements(); ) {
                InetAddress a = e.nextElement();
                if (a instanceof Inet4Address) {
                    return a;
                }
                if (ipv6 && fallback == null) {
                    fallback = a;
                }
            }
            if (fallback == null) {
                throw new ZmqError(ZmqError.EADDRNOTAVAIL, "interface " + name + " has no usable address");
            }
            return fallback;
        } catch (SocketException e) {
            return null;
        }
    }

    private static InetAddress resolveHost(String host, boolean ipv6) {
        try {
            InetAddress[] all = InetAddress.getAllByName(host);
            for (InetAddress a : all) {
                if (a instanceof Inet4Address) {
                    return a;
                }
            }
            if (ipv6) {
                return all[0];
            }
            throw new ZmqError(ZmqError.EINVAL, "IPv6 address " + host + " needs the IPV6 option");
        } catch (UnknownHostException e) {
            throw new ZmqError(ZmqError.EINVAL, "cannot resolve host " + host);
        }
    }
}
