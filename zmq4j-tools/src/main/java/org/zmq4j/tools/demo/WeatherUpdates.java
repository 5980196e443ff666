package org.zmq4j.tools.demo;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import org.zmq4j.Context;
import org.zmq4j.Socket;
import org.zmq4j.SocketOption;
import org.zmq4j.SocketType;
import org.zmq4j.tools.common.BackgroundTask;

/**
 * The Guide's wuserver and wuclient: a PUB server publishes "zipcode temperature relhumidity" updates without
 * end; a SUB client subscribed to one zip code averages the temperature over {@link #UPDATES} of them.
 */
final class WeatherUpdates {
    static final String ZIP_CODE = "10001";
    static final int UPDATES = 50;
    /** The Guide draws zip codes from 0 to 99999; a hundred of them keep the demo short. */
    private static final int FIRST_ZIP = 10_000;
    private static final int ZIP_CODES = 100;

    private WeatherUpdates() {}

    static void run(Transport transport, PrintStream out) throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        try (Context ctx = new Context(); Socket client = ctx.socket(SocketType.SUB)) {
            Socket server = ctx.socket(SocketType.PUB);
            String endpoint = transport.bind(server, "wuserver");
            BackgroundTask<Long> serverTask = BackgroundTask.start("wuserver", () -> publish(server, stop));
            long total = 0;
            try {
                client.set(SocketOption.RCVTIMEO, Demo.TIMEOUT_MS);
                client.connect(endpoint);
                client.subscribe(ZIP_CODE + " ");
                for (int i = 0; i < UPDATES; i++) {
                    String update = client.recvStr();
                    if (update == null) {
                        throw new IllegalStateException("wuclient: no update within " + Demo.TIMEOUT_MS + " ms");
                    }
                    total += Integer.parseInt(update.split(" ")[1]);
                }
            } finally {
                stop.set(true);
            }
            long published = serverTask.join(Demo.TIMEOUT);
            out.printf(Locale.ROOT, "  %s: average temperature for zip code %s was %dF over %d updates "
                    + "(%,d published on %s)%n",
                    transport.name(), ZIP_CODE, total / UPDATES, UPDATES, published, endpoint);
        }
    }

    private static long publish(Socket server, AtomicBoolean stop) {
        Random random = new Random(1);
        long published = 0;
        try (server) {
            while (!stop.get()) {
                int zipcode = FIRST_ZIP + random.nextInt(ZIP_CODES);
                int temperature = random.nextInt(215) - 80;
                int relhumidity = random.nextInt(50) + 10;
                server.send(String.format(Locale.ROOT, "%05d %d %d", zipcode, temperature, relhumidity));
                published++;
            }
        }
        return published;
    }
}
