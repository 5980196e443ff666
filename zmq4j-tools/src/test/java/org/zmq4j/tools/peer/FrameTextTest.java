package org.zmq4j.tools.peer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.zmq4j.Message;

/** Messages as text lines: tabs between frames, hex for what is not printable, and back. */
class FrameTextTest {
    @Test
    void shouldSeparateFramesWithTabs() {
        Message m = FrameText.parse("a\t\tb");
        assertEquals(3, m.size());
        assertEquals("", m.string(1));
        assertEquals("a\t\tb", FrameText.format(m));
    }

    @Test
    void shouldWriteFramesThatAreNotPrintableUtf8AsHex() {
        Message m = Message.of(new byte[] {0, 1, (byte) 0xff}, "tab\there".getBytes(StandardCharsets.UTF_8),
                new byte[] {(byte) 0xc3}, "héllo".getBytes(StandardCharsets.UTF_8));
        assertEquals("0x0001ff\t0x7461620968657265\t0xc3\théllo", FrameText.format(m));
    }

    @Test
    void shouldWriteTextThatLooksLikeHexAsHexSoItReadsBackTheSame() {
        byte[] text = "0xab".getBytes(StandardCharsets.UTF_8);
        String line = FrameText.format(Message.of(text));
        assertEquals("0x30786162", line);
        assertArrayEquals(text, FrameText.parse(line).frame(0));
    }

    @Test
    void shouldReadHexFieldsAsBytesAndOtherFieldsAsText() {
        Message m = FrameText.parse("0x00FF\t0x\t0xabc\t0xzz");
        assertArrayEquals(new byte[] {0, (byte) 0xff}, m.frame(0));
        assertArrayEquals(new byte[0], m.frame(1));
        assertEquals("0xabc", m.string(2));
        assertEquals("0xzz", m.string(3));
    }
}
