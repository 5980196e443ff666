package org.zmq4j.tools.demo;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.zmq4j.Context;
import org.zmq4j.ContextTerminatedException;
import org.zmq4j.Socket;
import org.zmq4j.SocketOption;
import org.zmq4j.SocketType;
import org.zmq4j.tools.common.BackgroundTask;

/**
 * The Guide's divide-and-conquer pipeline: taskvent PUSHes tasks (a workload in ms) to the taskwork workers, which
 * sleep that long and PUSH a result to tasksink, which times the batch.
 *
 * <p>The Guide's slow-joiner problem: a PUSH deals messages only to the workers already connected, so the first
 * to connect would get every task. Before the batch, the ventilator therefore sends empty probes; a worker that
 * receives one is surely connected and tells the sink "READY", and once every worker has, the sink tells the
 * ventilator "GO" (over a PUSH to the ventilator's PULL) and starts its clock.
 */
final class TaskPipeline {
    private static final int PROBE_INTERVAL_MS = 5;
    private static final byte[] PROBE = new byte[0];

    private TaskPipeline() {}

    /** The batch's outcome: how long the sink waited for all results, and how many tasks each worker did. */
    record Result(long elapsedMillis, List<Integer> tasksPerWorker) {}

    static Result run(Transport transport, int workers, int[] workloads) throws InterruptedException {
        try (Context ctx = new Context();
             Socket ventilator = ctx.socket(SocketType.PUSH);
             Socket go = ctx.socket(SocketType.PULL)) {
            String ventEndpoint = transport.bind(ventilator, "taskvent");
            String goEndpoint = transport.bind(go, "taskvent-go");
            Socket sinkSocket = ctx.socket(SocketType.PULL);
            String sinkEndpoint = transport.bind(sinkSocket, "tasksink");
            BackgroundTask<Long> sink = BackgroundTask.start("tasksink",
                    () -> sink(ctx, sinkSocket, goEndpoint, workers, workloads.length));
            List<BackgroundTask<Integer>> workerTasks = new ArrayList<>();
            for (int i = 0; i < workers; i++) {
                int id = i;
                workerTasks.add(BackgroundTask.start("taskwork-" + id,
                        () -> work(ctx, id, ventEndpoint, sinkEndpoint)));
            }
            ventilate(ventilator, go, workloads);
            long elapsedMillis = sink.join(Demo.TIMEOUT);
            ctx.shutdown();
            List<Integer> tasksPerWorker = new ArrayList<>();
            for (BackgroundTask<Integer> w : workerTasks) {
                tasksPerWorker.add(w.join(Demo.TIMEOUT));
            }
            return new Result(elapsedMillis, tasksPerWorker);
        }
    }

    private static void ventilate(Socket ventilator, Socket go, int[] workloads) {
        ventilator.set(SocketOption.SNDTIMEO, Demo.TIMEOUT_MS);
        go.set(SocketOption.RCVTIMEO, PROBE_INTERVAL_MS);
        long deadline = System.nanoTime() + Demo.TIMEOUT.toNanos();
        while (go.recv() == null) {
            if (System.nanoTime() > deadline || !ventilator.send(PROBE)) {
                throw new IllegalStateException("taskvent: the workers did not all connect within "
                        + Demo.TIMEOUT_MS + " ms");
            }
        }
        for (int workload : workloads) {
            ventilator.send(Integer.toString(workload));
        }
    }

    private static int work(Context ctx, int id, String ventEndpoint, String sinkEndpoint)
            throws InterruptedException {
        int done = 0;
        try (Socket receiver = ctx.socket(SocketType.PULL); Socket sender = ctx.socket(SocketType.PUSH)) {
            receiver.connect(ventEndpoint);
            sender.connect(sinkEndpoint);
            boolean announced = false;
            while (true) {
                byte[] task = receiver.recv();
                if (task.length == 0) {
                    if (!announced) {
                        sender.send("READY " + id);
                        announced = true;
                    }
                    continue;
                }
                Thread.sleep(Integer.parseInt(new String(task, StandardCharsets.US_ASCII)));
                sender.send("DONE " + id);
                done++;
            }
        } catch (ContextTerminatedException e) {
            return done;
        }
    }

    /** Waits for every worker's READY, sends GO, and returns the milliseconds until all results are in. */
    private static long sink(Context ctx, Socket results, String goEndpoint, int workers, int tasks) {
        try (results; Socket go = ctx.socket(SocketType.PUSH)) {
            go.connect(goEndpoint);
            Set<String> ready = new HashSet<>();
            while (ready.size() < workers) {
                String message = results.recvStr();
                if (message.startsWith("READY ")) {
                    ready.add(message);
                }
            }
            go.send("GO");
            long start = System.nanoTime();
            for (int received = 0; received < tasks; ) {
                if (results.recvStr().startsWith("DONE ")) {
                    received++;
                }
            }
            return (System.nanoTime() - start) / 1_000_000;
        }
    }
}
