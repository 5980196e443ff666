package org.zmq4j.security;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.zmq4j.Z85;
import org.zmq4j.ZmqException;

/** 32/Z85 through the public facade: the RFC's test case, round trips, libzmq's keys and every kind of bad input. */
class Z85Test {
    private static final byte[] HELLO_WORLD_BYTES = {
        (byte) 0x86, 0x4F, (byte) 0xD2, 0x6F, (byte) 0xB5, 0x59, (byte) 0xF7, 0x5B
    };

    /** 32/Z85 "Test Case": "a frame containing these 8 bytes ... SHALL encode as the following 10 characters". */
    @Test
    void shouldEncodeTheRfcTestFrameAsHelloWorld() {
        assertEquals("HelloWorld", Z85.encode(HELLO_WORLD_BYTES));
    }

    @Test
    void shouldDecodeHelloWorldToTheRfcTestFrame() {
        assertArrayEquals(HELLO_WORLD_BYTES, Z85.decode("HelloWorld"));
    }

    /**
     * 32/Z85: "binary zero strings should be easily visible (we achieve this by mapping zero to the ASCII character
     * '0')".
     */
    @Test
    void shouldEncodeZeroBytesAsZeroCharacters() {
        assertEquals("0000000000", Z85.encode(new byte[8]));
        assertArrayEquals(new byte[8], Z85.decode("0000000000"));
    }

    @Test
    void shouldEncodeAndDecodeEmptyData() {
        assertEquals("", Z85.encode(new byte[0]));
        assertArrayEquals(new byte[0], Z85.decode(""));
    }

    @Test
    void shouldEncodeTheLargest32BitValueAsItsOwnFiveCharacters() {
        byte[] max = {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF};
        assertEquals("%nSc0", Z85.encode(max));
        assertArrayEquals(max, Z85.decode("%nSc0"));
    }

    @Test
    void shouldRoundTripRandomDataOfEveryLengthThatIsAMultipleOfFour() {
        Random random = new Random(32);
        for (int length = 0; length <= 512; length += 4) {
            for (int run = 0; run < 8; run++) {
                byte[] data = new byte[length];
                random.nextBytes(data);
                String text = Z85.encode(data);
                assertEquals(length / 4 * 5, text.length());
                assertArrayEquals(data, Z85.decode(text), "length " + length);
            }
        }
    }

    /** The CURVE key pairs hard-coded in libzmq's perf/remote_thr.cpp and local_thr.cpp, and its tests. */
    @ParameterizedTest
    @ValueSource(strings = {
        "DX4nh=yUn{-9ugra0X3Src4SU-4xTgqxcYY.+<SH",
        "{X}#>t#jRGaQ}gMhv=30r(Mw+87YGs+5%kh=i@f8",
        "Yne@$w-vo<fVvi]a<NY6T1ed:M$fCG*[IaLV{hID",
        "D:)Q[IlAW!ahhC2ac:9*A}h:p?([4%wOTJ%JR%cs",
        "rq:rM>}U?@Lns47E1%kR.o@n%FcmmsL/@{H8]yf7",
        "JTKVSB%%)wK0E.X)V>+}o?pNmC{O&4W4b!Ni{Lh6"
    })
    void shouldDecodeLibzmqCurveKeysTo32BytesAndBack(String key) {
        byte[] binary = Z85.decode(key);
        assertEquals(32, binary.length);
        assertEquals(key, Z85.encode(binary));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 5, 6, 7, 31, 33})
    void shouldRejectBinaryWhoseLengthIsNotAMultipleOfFour(int length) {
        ZmqException e = assertThrows(ZmqException.class, () -> Z85.encode(new byte[length]));
        assertEquals(ZmqException.EINVAL, e.errorCode());
        assertTrue(e.getMessage().contains("multiple of 4"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"H", "Hell", "HelloW", "HelloWorl", "DX4nh=yUn{-9ugra0X3Src4SU-4xTgqxcYY.+<S"})
    void shouldRejectTextWhoseLengthIsNotAMultipleOfFive(String text) {
        ZmqException e = assertThrows(ZmqException.class, () -> Z85.decode(text));
        assertEquals(ZmqException.EINVAL, e.errorCode());
        assertTrue(e.getMessage().contains("multiple of 5"), e.getMessage());
    }

    /** The printable ASCII characters 32/Z85 leaves out, plus controls and non-ASCII. */
    @ParameterizedTest
    @ValueSource(strings = {" ", "\"", "'", ",", ";", "\\", "_", "`", "|", "~", "\u0000", "\n", "\u007F", "\u00e9",
        "\u0130"})
    void shouldRejectCharactersOutsideTheAlphabet(String bad) {
        ZmqException e = assertThrows(ZmqException.class, () -> Z85.decode("Hello" + "Wor" + bad + "d"));
        assertEquals(ZmqException.EINVAL, e.errorCode());
        assertTrue(e.getMessage().contains("index 8"), e.getMessage());
    }

    /** "%nSc0" is 2^32 - 1; anything above cannot be four octets (libzmq's zmq_z85_decode fails with EINVAL). */
    @ParameterizedTest
    @ValueSource(strings = {"%nSc1", "%nSd0", "#####", "00000#####"})
    void shouldRejectGroupsWorthMoreThan32Bits(String text) {
        ZmqException e = assertThrows(ZmqException.class, () -> Z85.decode(text));
        assertEquals(ZmqException.EINVAL, e.errorCode());
        assertTrue(e.getMessage().contains("32 bits"), e.getMessage());
    }

    @Test
    void shouldEncodeASliceWithTheInternalCodec() {
        byte[] padded = new byte[12];
        System.arraycopy(HELLO_WORLD_BYTES, 0, padded, 2, 8);
        assertEquals("HelloWorld", org.zmq4j.internal.util.Z85.encode(padded, 2, 8));
    }
}
