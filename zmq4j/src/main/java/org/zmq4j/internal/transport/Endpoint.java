package org.zmq4j.internal.transport;

import org.zmq4j.internal.util.ZmqError;

/** An endpoint string split into transport and address: {@code transport://address}. */
public final class Endpoint {
    public final String transport;
    public final String address;

    private Endpoint(String transport, String address) {
        this.transport = transport;
        this.address = address;
    }

    public static Endpoint parse(String uri) {
        if (uri == null) {
            throw new ZmqError(ZmqError.EINVAL, "endpoint is null");
        }
        int i = uri.indexOf("://");
        if (i <= 0) {
            throw new ZmqError(ZmqError.EINVAL, "endpoint must look like transport://address: " + uri);
        }
        String t = uri.substring(0, i);
        String a = uri.substring(i + 3);
        switch (t) {
            case "tcp":
            case "ipc":
            case "inproc":
                break;
            default:
                throw new ZmqError(ZmqError.EPROTONOSUPPORT, "unsupported transport: " + t);
        }
        if (a.isEmpty()) {
            throw new ZmqError(ZmqError.EINVAL, "endpoint has no address: " + uri);
        }
        return new Endpoint(t, a);
    }

    @Override
    public String toString() {
        return transport + "://" + address;
    }
}
