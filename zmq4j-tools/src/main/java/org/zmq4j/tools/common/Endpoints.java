package org.zmq4j.tools.common;

import java.io.PrintStream;
import org.zmq4j.Socket;
import org.zmq4j.ZmqException;

/**
 * Binds and connects for the tools: an endpoint the library rejects as malformed or unsupported is a usage error,
 * and a bind to a wildcard port ({@code tcp://host:*}) says on stderr which port it got, since peers need it.
 */
public final class Endpoints {
    private Endpoints() {}

    public static void bind(Socket socket, String endpoint, PrintStream err) {
        try {
            socket.bind(endpoint);
        } catch (ZmqException e) {
            throw error("bind to", endpoint, e);
        }
        if (endpoint.endsWith(":*")) {
            err.println("zmq4j: bound to " + socket.lastEndpoint());
            err.flush();
        }
    }

    public static void connect(Socket socket, String endpoint) {
        try {
            socket.connect(endpoint);
        } catch (ZmqException e) {
            throw error("connect to", endpoint, e);
        }
    }

    private static RuntimeException error(String action, String endpoint, ZmqException e) {
        String message = "cannot " + action + " '" + endpoint + "': " + e.getMessage();
        if (e.errorCode() == ZmqException.EINVAL || e.errorCode() == ZmqException.EPROTONOSUPPORT) {
            return new UsageException(message);
        }
        return new ZmqException(e.errorCode(), message, e);
    }
}
