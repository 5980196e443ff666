package org.zmq4j.bench.jeromq;

import org.zmq4j.bench.PerfTool;
import zmq.Ctx;
import zmq.SocketBase;
import zmq.ZMQ;

/**
 * JeroMQ's inproc_thr: {@code <message-size> <message-count>}; a PUSH thread sends to a PULL over
 * {@code inproc://thr_test}; prints what local_thr prints.
 */
public final class InprocThr {
    private InprocThr() {}

    public static void main(String[] args) throws InterruptedException {
        PerfTool.checkUsage(args, "inproc_thr <message-size> <message-count>", 2);
        int messageSize = PerfTool.count(args[0], "message-size");
        int messageCount = PerfTool.count(args[1], "message-count");

        Ctx ctx = ZMQ.createContext();
        SocketBase s = Zmq.socket(ctx, ZMQ.ZMQ_PULL);
        Zmq.bind(s, "inproc://thr_test");

        Thread sender = new Thread(() -> {
            SocketBase push = Zmq.socket(ctx, ZMQ.ZMQ_PUSH);
            Zmq.connect(push, "inproc://thr_test");
            for (int i = 0; i < messageCount; i++) {
                Zmq.sendNew(push, messageSize);
            }
            ZMQ.close(push);
        }, "inproc_thr sender");
        sender.start();

        Zmq.recvSized(s, messageSize);
        long watch = ZMQ.startStopwatch();
        for (int i = 1; i < messageCount; i++) {
            Zmq.recvSized(s, messageSize);
        }
        long elapsed = ZMQ.stopStopwatch(watch);
        sender.join();

        PerfTool.printThroughput(messageSize, messageCount, elapsed);

        ZMQ.close(s);
        ZMQ.term(ctx);
    }
}
