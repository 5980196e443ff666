package org.zmq4j.tools.perf;

import java.time.Duration;
import java.util.List;
import org.zmq4j.Context;
import org.zmq4j.Socket;
import org.zmq4j.SocketOption;
import org.zmq4j.SocketType;
import org.zmq4j.tools.common.Arguments;
import org.zmq4j.tools.common.BackgroundTask;
import org.zmq4j.tools.common.Command;
import org.zmq4j.tools.common.Endpoints;
import org.zmq4j.tools.common.Terminal;
import org.zmq4j.tools.common.UsageException;

/** {@code zmq4j perf TOOL ...}: libzmq's perf tools, with their arguments, sockets, timing and output. */
public final class PerfCommand implements Command {
    private static final String THR_ENDPOINT = "inproc://thr_test";
    private static final String LAT_ENDPOINT = "inproc://lat_test";
    private static final Duration PEER_TIMEOUT = Duration.ofMinutes(10);

    @Override
    public String name() {
        return "perf";
    }

    @Override
    public List<String> usage() {
        return List.of(
                "perf local_thr BIND-TO MESSAGE-SIZE MESSAGE-COUNT [0|1]",
                "perf remote_thr CONNECT-TO MESSAGE-SIZE MESSAGE-COUNT [0|1]",
                "perf local_lat BIND-TO MESSAGE-SIZE ROUNDTRIP-COUNT [0|1]",
                "perf remote_lat CONNECT-TO MESSAGE-SIZE ROUNDTRIP-COUNT [0|1]",
                "perf inproc_thr MESSAGE-SIZE MESSAGE-COUNT",
                "perf inproc_lat MESSAGE-SIZE ROUNDTRIP-COUNT",
                "  libzmq's perf tools, same arguments and output: local_thr (PULL) receives what remote_thr",
                "  (PUSH) sends and prints the throughput; remote_lat (REQ) times round trips to local_lat (REP)",
                "  and prints the one-way latency. The optional last argument 1 turns CURVE on with libzmq's",
                "  perf tools' fixed keys (the binding side is the server); it needs zmq4j-curve.");
    }

    @Override
    public int run(List<String> args, Terminal terminal) throws InterruptedException {
        if (args.isEmpty()) {
            throw new UsageException("which perf tool? local_thr, remote_thr, local_lat, remote_lat, "
                    + "inproc_thr or inproc_lat");
        }
        String tool = args.get(0);
        List<String> rest = args.subList(1, args.size());
        try {
            switch (tool) {
                case "local_thr": return localThr(network(tool, rest), terminal);
                case "remote_thr": return remoteThr(network(tool, rest));
                case "local_lat": return localLat(network(tool, rest), terminal);
                case "remote_lat": return remoteLat(network(tool, rest), terminal);
                case "inproc_thr": return inprocThr(inproc(tool, rest), terminal);
                case "inproc_lat": return inprocLat(inproc(tool, rest), terminal);
                default: throw new UsageException("unknown perf tool '" + tool + "'");
            }
        } catch (WrongSizeException e) {
            terminal.err().println("zmq4j perf " + tool + ": " + e.getMessage());
            return EXIT_FAILURE;
        }
    }

    /** Arguments of a tool: the endpoint (null for inproc tools), the message size, the count, CURVE on. */
    private record Run(String endpoint, int size, int count, boolean curve) {}

    // libzmq perf tools' fixed CURVE keys (Z85), so zmq4j pairs with local_thr/remote_thr built with CURVE.
    private static final String SERVER_PUBLIC = "DX4nh=yUn{-9ugra0X3Src4SU-4xTgqxcYY.+<SH";
    private static final String SERVER_SECRET = "{X}#>t#jRGaQ}gMhv=30r(Mw+87YGs+5%kh=i@f8";
    private static final String CLIENT_PUBLIC = "<n^oA}I:66W+*ds3tAmi1+KJzv-}k&fC2aA5Bj0K";
    private static final String CLIENT_SECRET = "9R9bV}[6z6DC-%$!jTVTKvWc=LEL{4i4gzUe$@Zx";

    /** The binding side is the CURVE server, the connecting side its client, as in libzmq's perf tools. */
    private static void secure(Socket socket, Run run, boolean server) {
        if (!run.curve()) {
            return;
        }
        if (server) {
            socket.set(SocketOption.CURVE_SECRETKEY, z85(SERVER_SECRET));
            socket.set(SocketOption.CURVE_SERVER, true);
        } else {
            socket.set(SocketOption.CURVE_SERVERKEY, z85(SERVER_PUBLIC));
            socket.set(SocketOption.CURVE_PUBLICKEY, z85(CLIENT_PUBLIC));
            socket.set(SocketOption.CURVE_SECRETKEY, z85(CLIENT_SECRET));
        }
    }

    private static byte[] z85(String key) {
        return key.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    private static Run network(String tool, List<String> args) {
        if (args.size() != 3 && args.size() != 4) {
            throw new UsageException(tool + " takes ENDPOINT MESSAGE-SIZE COUNT [0], not " + args.size()
                    + " arguments");
        }
        boolean curve = false;
        if (args.size() == 4) {
            switch (args.get(3)) {
                case "0": break;
                case "1": curve = true; break;
                default: throw new UsageException("the last argument enables CURVE: 0 or 1, not '"
                        + args.get(3) + "'");
            }
        }
        return new Run(args.get(0), size(args.get(1)), count(args.get(2)), curve);
    }

    private static Run inproc(String tool, List<String> args) {
        if (args.size() != 2) {
            throw new UsageException(tool + " takes MESSAGE-SIZE COUNT, not " + args.size() + " arguments");
        }
        return new Run(null, size(args.get(0)), count(args.get(1)), false);
    }

    private static int size(String value) {
        return Arguments.parseInt("MESSAGE-SIZE", value, 0);
    }

    private static int count(String value) {
        return Arguments.parseInt("COUNT", value, 1);
    }

    private static int localThr(Run run, Terminal terminal) {
        try (Context ctx = new Context(); Socket pull = ctx.socket(SocketType.PULL)) {
            secure(pull, run, true);
            Endpoints.bind(pull, run.endpoint(), terminal.err());
            long elapsed = Throughput.receive(pull, run.size(), run.count());
            PerfReport.throughput(terminal.out(), run.size(), run.count(), elapsed);
        }
        return EXIT_OK;
    }

    private static int remoteThr(Run run) {
        try (Context ctx = new Context(); Socket push = ctx.socket(SocketType.PUSH)) {
            secure(push, run, false);
            Endpoints.connect(push, run.endpoint());
            Throughput.send(push, run.size(), run.count());
        }
        return EXIT_OK;
    }

    private static int localLat(Run run, Terminal terminal) {
        try (Context ctx = new Context(); Socket rep = ctx.socket(SocketType.REP)) {
            secure(rep, run, true);
            Endpoints.bind(rep, run.endpoint(), terminal.err());
            Latency.echo(rep, run.size(), run.count());
        }
        return EXIT_OK;
    }

    private static int remoteLat(Run run, Terminal terminal) {
        try (Context ctx = new Context(); Socket req = ctx.socket(SocketType.REQ)) {
            secure(req, run, false);
            Endpoints.connect(req, run.endpoint());
            long elapsed = Latency.roundTrips(req, run.size(), run.count());
            PerfReport.latency(terminal.out(), run.size(), run.count(), elapsed);
        }
        return EXIT_OK;
    }

    private static int inprocThr(Run run, Terminal terminal) throws InterruptedException {
        try (Context ctx = new Context(); Socket pull = ctx.socket(SocketType.PULL)) {
            pull.bind(THR_ENDPOINT);
            BackgroundTask<Void> sender = BackgroundTask.start("inproc_thr sender", () -> {
                try (Socket push = ctx.socket(SocketType.PUSH)) {
                    push.connect(THR_ENDPOINT);
                    Throughput.send(push, run.size(), run.count());
                }
                return null;
            });
            long elapsed = Throughput.receive(pull, run.size(), run.count());
            sender.join(PEER_TIMEOUT);
            PerfReport.throughput(terminal.out(), run.size(), run.count(), elapsed);
        }
        return EXIT_OK;
    }

    private static int inprocLat(Run run, Terminal terminal) throws InterruptedException {
        try (Context ctx = new Context(); Socket req = ctx.socket(SocketType.REQ)) {
            req.bind(LAT_ENDPOINT);
            BackgroundTask<Void> echo = BackgroundTask.start("inproc_lat echo", () -> {
                try (Socket rep = ctx.socket(SocketType.REP)) {
                    rep.connect(LAT_ENDPOINT);
                    Latency.echo(rep, run.size(), run.count());
                }
                return null;
            });
            long elapsed = Latency.roundTrips(req, run.size(), run.count());
            echo.join(PEER_TIMEOUT);
            PerfReport.latency(terminal.out(), run.size(), run.count(), elapsed);
        }
        return EXIT_OK;
    }
}
