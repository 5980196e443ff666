package org.zmq4j.tools.peer;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.zmq4j.Message;

/**
 * One message as one line of text, both ways: frames are separated by tabs; a frame that is not printable UTF-8
 * is written as {@code 0x} and its bytes in hex, and a field of that form is read back as those bytes.
 */
final class FrameText {
    private static final Pattern HEX = Pattern.compile("0x(?:[0-9a-fA-F]{2})*");
    private static final char[] DIGITS = "0123456789abcdef".toCharArray();

    private FrameText() {}

    static Message parse(String line) {
        Message message = new Message();
        for (String field : line.split("\t", -1)) {
            message.add(HEX.matcher(field).matches() ? fromHex(field) : field.getBytes(StandardCharsets.UTF_8));
        }
        return message;
    }

    static String format(Message message) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < message.size(); i++) {
            if (i > 0) {
                line.append('\t');
            }
            byte[] frame = message.frame(i);
            String text = printable(frame);
            line.append(text != null ? text : toHex(frame));
        }
        return line.toString();
    }

    /** The frame as text if it is valid UTF-8 without control characters and would not read back as hex. */
    private static String printable(byte[] frame) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(frame))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
        if (text.chars().anyMatch(Character::isISOControl) || (frame.length > 0 && HEX.matcher(text).matches())) {
            return null;
        }
        return text;
    }

    private static String toHex(byte[] frame) {
        StringBuilder hex = new StringBuilder(2 + frame.length * 2).append("0x");
        for (byte b : frame) {
            hex.append(DIGITS[(b >> 4) & 0xf]).append(DIGITS[b & 0xf]);
        }
        return hex.toString();
    }

    private static byte[] fromHex(String field) {
        byte[] bytes = new byte[(field.length() - 2) / 2];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) Integer.parseInt(field.substring(2 + 2 * i, 4 + 2 * i), 16);
        }
        return bytes;
    }
}
