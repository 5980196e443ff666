package org.zmq4j.internal.zmtp;

/** libzmq's {@code ZMQ_PROTOCOL_ERROR_*} values, reported as the value of a HANDSHAKE_FAILED_PROTOCOL event. */
public final class ProtocolErrors {
    public static final int ZMTP_UNSPECIFIED = 0x10000000;
    public static final int ZMTP_UNEXPECTED_COMMAND = 0x10000001;
    public static final int ZMTP_INVALID_SEQUENCE = 0x10000002;
    public static final int ZMTP_KEY_EXCHANGE = 0x10000003;
    public static final int ZMTP_MALFORMED_COMMAND_UNSPECIFIED = 0x10000011;
    public static final int ZMTP_MALFORMED_COMMAND_MESSAGE = 0x10000012;
    public static final int ZMTP_MALFORMED_COMMAND_HELLO = 0x10000013;
    public static final int ZMTP_MALFORMED_COMMAND_INITIATE = 0x10000014;
    public static final int ZMTP_MALFORMED_COMMAND_ERROR = 0x10000015;
    public static final int ZMTP_MALFORMED_COMMAND_READY = 0x10000016;
    public static final int ZMTP_MALFORMED_COMMAND_WELCOME = 0x10000017;
    public static final int ZMTP_INVALID_METADATA = 0x10000018;
    public static final int ZMTP_CRYPTOGRAPHIC = 0x11000001;
    public static final int ZMTP_MECHANISM_MISMATCH = 0x11000002;
    public static final int ZAP_UNSPECIFIED = 0x20000000;
    public static final int ZAP_MALFORMED_REPLY = 0x20000001;
    public static final int ZAP_BAD_REQUEST_ID = 0x20000002;
    public static final int ZAP_BAD_VERSION = 0x20000003;
    public static final int ZAP_INVALID_STATUS_CODE = 0x20000004;
    public static final int ZAP_INVALID_METADATA = 0x20000005;
    public static final int WS_UNSPECIFIED = 0x30000000;

    private ProtocolErrors() {}
}
