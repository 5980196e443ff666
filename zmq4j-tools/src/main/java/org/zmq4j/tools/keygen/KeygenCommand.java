package org.zmq4j.tools.keygen;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.zmq4j.Certificate;
import org.zmq4j.Curve;
import org.zmq4j.tools.common.Command;
import org.zmq4j.tools.common.Terminal;
import org.zmq4j.tools.common.UsageException;

/**
 * {@code zmq4j keygen [FILE [NAME=VALUE]...]}: a new CURVE key pair printed as libzmq's curve_keygen prints it,
 * and with a file name also saved as CZMQ certificate files (FILE to hand out, FILE_secret to keep).
 */
public final class KeygenCommand implements Command {
    @Override
    public String name() {
        return "keygen";
    }

    @Override
    public List<String> usage() {
        return List.of(
                "keygen [CERTIFICATE-FILE [NAME=VALUE]...]",
                "  prints a new CURVE key pair in Z85 (as libzmq's curve_keygen); with a file name it also writes",
                "  CZMQ certificate files FILE (public) and FILE_secret, with NAME=VALUE pairs as metadata");
    }

    @Override
    public int run(List<String> args, Terminal terminal) {
        Map<String, String> metadata = new LinkedHashMap<>();
        for (String pair : args.subList(Math.min(1, args.size()), args.size())) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new UsageException("metadata must be NAME=VALUE, not '" + pair + "'");
            }
            metadata.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        Curve.KeyPair keys = Curve.keyPair();
        terminal.out().println("== CURVE PUBLIC KEY ==");
        terminal.out().println(keys.publicKeyZ85());
        terminal.out().println("== CURVE SECRET KEY ==");
        terminal.out().println(keys.secretKeyZ85());
        if (!args.isEmpty()) {
            Path file = Path.of(args.get(0));
            new Certificate(keys.publicKey(), keys.secretKey(), metadata).save(file);
            terminal.err().println("zmq4j: wrote " + file + " and " + file + Certificate.SECRET_SUFFIX);
        }
        terminal.out().flush();
        return EXIT_OK;
    }
}
