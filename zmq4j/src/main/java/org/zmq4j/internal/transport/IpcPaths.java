package org.zmq4j.internal.transport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.zmq4j.internal.util.ZmqError;

/**
 * Paths for {@code ipc://} endpoints. Linux's abstract namespace ({@code ipc://@name}) is refused with a clear
 * error: the JDK's Unix domain sockets take file-system paths only.
 */
final class IpcPaths {
    /** sun_path is 108 bytes on Linux, including the terminating NUL. */
    private static final int MAX_PATH = 107;

    private IpcPaths() {}

    static Path of(String address) {
        if (address.startsWith("@")) {
            throw new ZmqError(ZmqError.EPROTONOSUPPORT,
                    "ipc://@name (Linux abstract namespace) is not available: the JVM's Unix domain sockets "
                            + "only bind file-system paths; use ipc:///path instead");
        }
        if (address.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_PATH) {
            throw new ZmqError(ZmqError.EINVAL, "ipc path longer than " + MAX_PATH + " bytes: " + address);
        }
        return Paths.get(address);
    }

    static Path fresh() throws IOException {
        Path dir = Files.createTempDirectory("zmq4j-ipc-");
        dir.toFile().deleteOnExit();
        return dir.resolve("socket");
    }
}
