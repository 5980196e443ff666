package org.zmq4j.bench.memory;

import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.zmq4j.Context;
import org.zmq4j.Socket;
import org.zmq4j.SocketOption;
import org.zmq4j.SocketType;
import org.zmq4j.bench.PerfTool;

/**
 * zmq4j's idle_connections: {@code <count>}. A ROUTER binds; count DEALERs in the same process connect and send one
 * message each, which the ROUTER receives, so every connection is set up with both ends in this process. Prints
 * "connections: N" and "memory per connection: N [B]": the growth of the live heap (after full collections) plus
 * the JDK's direct buffers, divided by N, so each figure covers both ends of one connection, as bench/c's
 * idle_connections does with its resident set.
 */
public final class IdleConnections {
    private IdleConnections() {}

    public static void main(String[] args) throws InterruptedException {
        PerfTool.checkUsage(args, "IdleConnections <count>", 1);
        int count = PerfTool.count(args[0], "count");
        try (Context ctx = new Context(); Socket router = ctx.socket(SocketType.ROUTER)) {
            router.bind("tcp://127.0.0.1:*");
            String endpoint = router.get(SocketOption.LAST_ENDPOINT);
            long before = used();
            List<Socket> dealers = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                Socket dealer = ctx.socket(SocketType.DEALER);
                dealer.set(SocketOption.LINGER, 0);
                dealer.connect(endpoint);
                dealer.send("hi");
                dealers.add(dealer);
            }
            for (int i = 0; i < count; i++) {
                router.recv(); // routing id
                router.recv(); // "hi"
            }
            long after = used();
            System.out.println("connections: " + count);
            System.out.println("memory per connection: " + (after - before) / Math.max(count, 1) + " [B]");
            dealers.forEach(Socket::close);
        }
    }

    /** Live heap after full collections, plus direct buffer memory. */
    private static long used() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        long direct = 0;
        for (BufferPoolMXBean pool : ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)) {
            if (pool.getName().equals("direct")) {
                direct = pool.getMemoryUsed();
            }
        }
        return heap + direct;
    }
}
