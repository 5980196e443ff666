package org.zmq4j.tools;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import org.zmq4j.ZmqException;
import org.zmq4j.tools.common.Command;
import org.zmq4j.tools.common.Terminal;
import org.zmq4j.tools.common.UsageException;
import org.zmq4j.tools.demo.DemoCommand;
import org.zmq4j.tools.keygen.KeygenCommand;
import org.zmq4j.tools.peer.RecvCommand;
import org.zmq4j.tools.peer.SendCommand;
import org.zmq4j.tools.perf.PerfCommand;

/** The {@code bin/zmq4j} entry point: runs the subcommand its first argument names and maps failures to exit codes. */
public final class Main {
    private static final List<Command> COMMANDS =
            List.of(new DemoCommand(), new PerfCommand(), new SendCommand(), new RecvCommand(), new KeygenCommand());

    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args, Terminal.system()));
    }

    /** Runs one command line and returns its exit code: 0 done, 1 failed, 2 bad arguments. */
    public static int run(String[] args, Terminal terminal) {
        if (args.length == 0 || isHelp(args[0])) {
            printUsage(terminal.out());
            return Command.EXIT_OK;
        }
        Command command = find(args[0]);
        if (command == null) {
            terminal.err().println("zmq4j: unknown command '" + args[0] + "'");
            printUsage(terminal.err());
            return Command.EXIT_USAGE;
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        try {
            return command.run(rest, terminal);
        } catch (UsageException e) {
            terminal.err().println("zmq4j " + command.name() + ": " + e.getMessage());
            return Command.EXIT_USAGE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            terminal.err().println("zmq4j " + command.name() + ": interrupted");
            return Command.EXIT_FAILURE;
        } catch (ZmqException | UncheckedIOException | IllegalStateException e) {
            terminal.err().println("zmq4j " + command.name() + ": " + e.getMessage());
            return Command.EXIT_FAILURE;
        } catch (RuntimeException e) {
            terminal.err().println("zmq4j " + command.name() + ": " + e);
            return Command.EXIT_FAILURE;
        } finally {
            terminal.out().flush();
            terminal.err().flush();
        }
    }

    private static boolean isHelp(String arg) {
        return arg.equals("help") || arg.equals("--help") || arg.equals("-h");
    }

    private static Command find(String name) {
        for (Command c : COMMANDS) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        return null;
    }

    private static void printUsage(PrintStream out) {
        out.println("usage: zmq4j COMMAND [ARGUMENTS]");
        out.println();
        out.println("  zmq4j help");
        for (Command c : COMMANDS) {
            for (String line : c.usage()) {
                out.println(line.startsWith(" ") ? "    " + line : "  zmq4j " + line);
            }
        }
        out.println();
        out.println("A bind to tcp://HOST:* reports the endpoint it got on stderr.");
        out.println("Exit codes: 0 done, 1 failed, 2 bad arguments.");
        out.flush();
    }
}
