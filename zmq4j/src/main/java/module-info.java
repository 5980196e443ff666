/**
 * zmq4j: ZeroMQ in pure Java. Only {@code org.zmq4j} is API; the internal packages are opened solely to the
 * project's own {@code org.zmq4j.curve} module, which plugs CURVE into the security layer.
 */
module org.zmq4j {
    requires jdk.management; // MaxDirectMemorySize, which the pool of direct buffers stays well within
    requires jdk.net;

    exports org.zmq4j;

    exports org.zmq4j.internal.security to org.zmq4j.curve;
    exports org.zmq4j.internal.zmtp to org.zmq4j.curve;
    exports org.zmq4j.internal.util to org.zmq4j.curve;
    exports org.zmq4j.internal.pipe to org.zmq4j.curve;

    uses org.zmq4j.internal.security.CurveProvider;
}
