package org.zmq4j.internal.security;

import org.zmq4j.internal.zmtp.ProtocolErrors;
import org.zmq4j.internal.zmtp.ZmtpException;

/**
 * Authentication needs a ZAP handler and none is bound at inproc://zeromq.zap.01 (a PLAIN server, or
 * ZAP_ENFORCE_DOMAIN): libzmq reports HANDSHAKE_FAILED_NO_DETAIL.
 */
public final class NoZapHandlerException extends ZmtpException {
    private static final long serialVersionUID = 1L;

    public NoZapHandlerException(String mechanism) {
        super(ProtocolErrors.ZMTP_UNSPECIFIED,
                mechanism + " authentication needs a ZAP handler bound at inproc://zeromq.zap.01 and none is");
    }
}
