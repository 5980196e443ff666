package org.zmq4j.internal.security;

import java.util.Iterator;
import java.util.ServiceLoader;
import org.zmq4j.internal.util.Options;
import org.zmq4j.internal.util.ZmqError;

/** Creates a connection's mechanism from the socket's options; finds CURVE through {@link CurveProvider}. */
public final class Mechanisms {
    private static volatile CurveProvider curve;

    private Mechanisms() {}

    public static Mechanism create(MechanismContext ctx) {
        Options o = ctx.options();
        switch (o.mechanism) {
            case Options.MECHANISM_PLAIN:
                return o.asServer ? new PlainServer(ctx) : new PlainClient(ctx);
            case Options.MECHANISM_CURVE:
                return curve().create(ctx);
            default:
                return new NullMechanism(ctx);
        }
    }

    /** The CURVE implementation; a clear error naming the artifact when it is not on the class path. */
    public static CurveProvider curve() {
        CurveProvider c = curve;
        if (c == null) {
            Iterator<CurveProvider> it = ServiceLoader.load(CurveProvider.class, Mechanisms.class.getClassLoader())
                    .iterator();
            if (!it.hasNext()) {
                throw new ZmqError(ZmqError.ENOTSUP,
                        "CURVE needs the zmq4j-curve artifact (org.zmq4j:zmq4j-curve) on the class path");
            }
            c = it.next();
            curve = c;
        }
        return c;
    }

    public static boolean curveAvailable() {
        try {
            curve();
            return true;
        } catch (ZmqError e) {
            return false;
        }
    }
}
