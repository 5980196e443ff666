package org.zmq4j.internal.security;

import org.zmq4j.internal.zmtp.ProtocolErrors;
import org.zmq4j.internal.zmtp.ZmtpException;

/** The ZAP handler refused the peer (status 300, 400 or 500): the HANDSHAKE_FAILED_AUTH event's value. */
public final class AuthFailedException extends ZmtpException {
    private static final long serialVersionUID = 1L;

    private final int status;

    public AuthFailedException(int status, String text) {
        super(ProtocolErrors.ZMTP_UNSPECIFIED, "authentication failed: " + status + " " + text);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
