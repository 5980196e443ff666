/** zmq4j: ZeroMQ in pure Java. Only {@code org.zmq4j} is API; everything under {@code internal} may change. */
module org.zmq4j {
    requires jdk.net;

    exports org.zmq4j;
}
