package org.zmq4j.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.zmq4j.Context;
import org.zmq4j.Message;
import org.zmq4j.Socket;
import org.zmq4j.SocketType;

/** send and recv carry messages, multipart and binary frames included, and give up on time. */
class SendRecvTest {
    @Test
    void shouldCarryTabSeparatedMultipartLinesFromStdinOverTcp() throws InterruptedException {
        ToolRun recv = ToolRun.start("recv", "PULL", "--bind", "tcp://127.0.0.1:*", "--count", "3");
        String endpoint = recv.boundEndpoint();

        ToolRun send = ToolRun.startWithInput("first\tsecond\tthird\nalone\n0x00ff\t\tné\n",
                "send", "PUSH", "--connect", endpoint);

        assertEquals(0, send.exitCode(), send.err());
        assertEquals(0, recv.exitCode(), recv.err());
        assertEquals("first\tsecond\tthird\nalone\n0x00ff\t\tné\n", recv.out());
    }

    @Test
    void shouldSendFramesThatReadBackAsTheirBytes() throws InterruptedException {
        try (Context ctx = new Context(); Socket pull = ctx.socket(SocketType.PULL)) {
            pull.bind("tcp://127.0.0.1:*");
            ToolRun send = ToolRun.start("send", "PUSH", "--connect", pull.lastEndpoint(), "a\t0x0102\t0x", "b");

            Message first = pull.recvMessage();
            Message second = pull.recvMessage();

            assertEquals(0, send.exitCode(), send.err());
            assertEquals(List.of("a", "\u0001\u0002", ""), List.of(first.string(0), first.string(1), first.string(2)));
            assertEquals(1, second.size());
            assertEquals("b", second.string(0));
        }
    }

    @Test
    void shouldPrintEachReplyOfARepThatEchoes() throws InterruptedException {
        ToolRun rep = ToolRun.start("recv", "REP", "--bind", "tcp://127.0.0.1:*", "--count", "2");
        String endpoint = rep.boundEndpoint();

        ToolRun req = ToolRun.start("send", "REQ", "--connect", endpoint, "hello", "two\tframes");

        assertEquals(0, req.exitCode(), req.err());
        assertEquals("hello\ntwo\tframes\n", req.out());
        assertEquals(0, rep.exitCode(), rep.err());
        assertEquals("hello\ntwo\tframes\n", rep.out());
    }

    @Test
    void shouldExit1WhenTheMessagesDoNotArriveInTime() throws InterruptedException {
        ToolRun recv = ToolRun.run("recv", "PULL", "--bind", "tcp://127.0.0.1:*", "--count", "1", "--timeout", "100");
        assertEquals(1, recv.exitCode());
        assertTrue(recv.err().contains("received 0 of 1 messages"), recv.err());
    }

    @Test
    void shouldExit1WhenNoPeerTakesTheMessage() throws InterruptedException {
        ToolRun send = ToolRun.run("send", "PUSH", "--bind", "tcp://127.0.0.1:*", "--timeout", "100", "lost");
        assertEquals(1, send.exitCode());
        assertTrue(send.err().contains("could not send within 100 ms"), send.err());
    }
}
