package org.zmq4j.internal.security;

import org.zmq4j.internal.zmtp.ProtocolErrors;
import org.zmq4j.internal.zmtp.ZmtpException;

/**
 * The peer ended the handshake with an ERROR command (37/ZMTP 3.1: "The peer SHALL treat an incoming ERROR
 * command as fatal"). A reason that is a ZAP status code (300, 400, 500) is an authentication failure.
 */
public final class HandshakeRejectedException extends ZmtpException {
    private static final long serialVersionUID = 1L;

    private final String reason;

    public HandshakeRejectedException(String reason) {
        super(ProtocolErrors.ZMTP_UNSPECIFIED, "peer sent ERROR: " + reason);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }

    /** The ZAP status the reason names (300, 400 or 500), or 0. */
    public int authStatus() {
        if (reason.length() == 3 && (reason.equals("300") || reason.equals("400") || reason.equals("500"))) {
            return Integer.parseInt(reason);
        }
        return 0;
    }
}
