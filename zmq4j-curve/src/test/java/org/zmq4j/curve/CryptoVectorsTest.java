package org.zmq4j.curve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * The NaCl composition checked against published vectors: RFC 7748 §6.1 for X25519 (the same Alice and Bob keys
 * as NaCl's tests), NaCl's {@code tests/box.c} and {@code tests/secretbox.c} (the 131-octet message, whose boxed
 * form starts f3ffc770), {@code tests/core1.c} for HSalsa20, and a few more computed with libsodium 1.0.18's
 * {@code crypto_secretbox_easy} (Debian's libsodium23, through Python's ctypes).
 */
class CryptoVectorsTest {
    private static final HexFormat HEX = HexFormat.of();

    static final byte[] ALICE_SECRET = hex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a");
    static final byte[] ALICE_PUBLIC = hex("8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a");
    static final byte[] BOB_SECRET = hex("5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb");
    static final byte[] BOB_PUBLIC = hex("de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f");
    /** crypto_box_beforenm(BOB_PUBLIC, ALICE_SECRET): NaCl's "firstkey". */
    static final byte[] FIRST_KEY = hex("1b27556473e985d462cd51197a9a46c76009549eac6474f206c4ee0844f68389");
    static final byte[] NONCE = hex("69696ee955b62b73cd62bda875fc73d68219e0036b7a0b37");
    static final byte[] MESSAGE = hex("be075fc53c81f2d5cf141316ebeb0c7b5228c52a4c62cbd44b66849b64244ffc"
            + "e5ecbaaf33bd751a1ac728d45e6c61296cdc3c01233561f41db66cce314adb31"
            + "0e3be8250c46f06dceea3a7fa1348057e2f6556ad6b1318a024a838f21af1fde"
            + "048977eb48f59ffd4924ca1c60902e52f0a089bc76897040e082f937763848645e0705");
    static final byte[] BOX = hex("f3ffc7703f9400e52a7dfb4b3d3305d98e993b9f48681273c29650ba32fc76ce"
            + "48332ea7164d96a4476fb8c531a1186ac0dfc17c98dce87b4da7f011ec48c972"
            + "71d2c20f9b928fe2270d6fb863d51738b48eeee314a7cc8ab932164548e526ae"
            + "90224368517acfeabd6bb3732bc0e9da99832b61ca01b6de56244a9e88d5f9b3"
            + "7973f622a43d14a6599b1f654cb45a74e355a5");

    static byte[] hex(String s) {
        return HEX.parseHex(s);
    }

    /** Seals a copy of {@code plain} the way the mechanisms do: in place, tag in front. */
    static byte[] seal(SecretBox box, byte[] nonce, byte[] plain) {
        byte[] buf = new byte[SecretBox.TAG_SIZE + plain.length];
        System.arraycopy(plain, 0, buf, SecretBox.TAG_SIZE, plain.length);
        box.seal(nonce, buf, SecretBox.TAG_SIZE, plain.length);
        return buf;
    }

    @Test
    void shouldDerivePublicKeysAsRfc7748() {
        assertArrayEquals(ALICE_PUBLIC, Box.publicKey(ALICE_SECRET));
        assertArrayEquals(BOB_PUBLIC, Box.publicKey(BOB_SECRET));
    }

    @Test
    void shouldComputeHsalsa20AsNaclCore1() {
        byte[] shared = hex("4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742");
        assertArrayEquals(FIRST_KEY, Box.hsalsa20(shared, new byte[16]));
    }

    @Test
    void shouldPrecomputeTheSameKeyOnBothSides() {
        assertArrayEquals(FIRST_KEY, Box.beforenm(BOB_PUBLIC, ALICE_SECRET));
        assertArrayEquals(FIRST_KEY, Box.beforenm(ALICE_PUBLIC, BOB_SECRET));
    }

    @Test
    void shouldBoxNaclsMessageToNaclsCiphertext() {
        SecretBox alice = new SecretBox(Box.beforenm(BOB_PUBLIC, ALICE_SECRET));
        assertArrayEquals(BOX, seal(alice, NONCE, MESSAGE));
    }

    @Test
    void shouldOpenNaclsCiphertextAtBob() {
        SecretBox bob = new SecretBox(Box.beforenm(ALICE_PUBLIC, BOB_SECRET));
        assertArrayEquals(MESSAGE, bob.open(NONCE, BOX, 0, BOX.length));
    }

    @Test
    void shouldRefuseEveryAlteredOctet() {
        SecretBox bob = new SecretBox(FIRST_KEY);
        for (int i = 0; i < BOX.length; i++) {
            byte[] forged = BOX.clone();
            forged[i] ^= 0x01;
            assertNull(bob.open(NONCE, forged, 0, forged.length), "altered octet " + i);
        }
        byte[] otherNonce = NONCE.clone();
        otherNonce[23] ^= 1;
        assertNull(bob.open(otherNonce, BOX, 0, BOX.length));
        assertNull(bob.open(NONCE, BOX, 0, BOX.length - 1));
        assertNull(bob.open(NONCE, BOX, 0, 15));
    }

    @Test
    void shouldSealAnEmptyMessageToLibsodiumsTag() {
        assertArrayEquals(hex("2539121d8e234e652d651fa4c8cff880"), seal(new SecretBox(FIRST_KEY), NONCE, new byte[0]));
        assertArrayEquals(new byte[0], new SecretBox(FIRST_KEY).open(NONCE, hex("2539121d8e234e652d651fa4c8cff880"),
                0, 16));
    }

    @Test
    void shouldSealAcrossKeyStreamBlocksAsLibsodium() {
        byte[] m = new byte[200];
        for (int i = 0; i < m.length; i++) {
            m[i] = (byte) (i * 7 + 3);
        }
        byte[] expected = hex("70cca9740c13fe6a7f70bacb5c5074ae339475426bcfcd9236c00afc8e491fd9"
                + "69616a05d5b9c0d4a7bb859e924b824ac6d98a2b546790754c42f1f5851aed17"
                + "4e549f66d7d19392b1299ad6f53179b5797fd71ec707d1138cda252afecf83d5"
                + "41ee574ac89da304d453497c8de163983ea0ed323d32e4f7c4e269721fbbd2ed"
                + "9ac95eb6fd8259a2f24bbf325de2676c3ed831b2d39949b268ca9680bf0f7572"
                + "1d306261a4df9c8005b5c72612cda5f7e6c4008e87c9df1af09bd348d8d7d215"
                + "a69192c8342ad2ee8a5b760715db07903b8eb89e90d7e2fa");
        assertArrayEquals(expected, seal(new SecretBox(FIRST_KEY), NONCE, m));
    }

    @Test
    void shouldSealALargeMessageAsLibsodium() throws Exception {
        byte[] m = new byte[100_000];
        for (int i = 0; i < m.length; i++) {
            m[i] = (byte) (i * 31 + i / 256);
        }
        byte[] sealed = seal(new SecretBox(FIRST_KEY), NONCE, m);
        assertEquals("590e35abd3365c1c790b1dd18629abdf6a77ead04ef2a19c2cf95284605d3b4b",
                HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(sealed)));
        assertArrayEquals(m, new SecretBox(FIRST_KEY).open(NONCE, sealed, 0, sealed.length));
    }

    @Test
    void shouldReuseOneSecretBoxForManyNonces() {
        SecretBox box = new SecretBox(FIRST_KEY);
        SecretBox other = new SecretBox(FIRST_KEY);
        for (long n = 0; n < 50; n++) {
            byte[] nonce = Nonces.counter(Nonces.MESSAGE_CLIENT, n);
            byte[] plain = Arrays.copyOf(MESSAGE, (int) n * 3);
            byte[] sealed = seal(box, nonce, plain);
            assertArrayEquals(plain, other.open(nonce, sealed, 0, sealed.length));
        }
    }

    @Test
    void shouldRefuseLowOrderPublicKeys() {
        assertNull(Box.beforenm(new byte[32], ALICE_SECRET));
        byte[] one = new byte[32];
        one[0] = 1;
        assertNull(Box.beforenm(one, ALICE_SECRET));
    }

    @Test
    void shouldMakeKeyPairsWhosePublicMatchesTheSecret() {
        byte[][] a = Box.keyPair();
        byte[][] b = Box.keyPair();
        assertEquals(32, a[0].length);
        assertEquals(32, a[1].length);
        assertArrayEquals(a[0], Box.publicKey(a[1]));
        assertFalse(Arrays.equals(a[1], b[1]));
        byte[] k1 = Box.beforenm(b[0], a[1]);
        assertNotNull(k1);
        assertArrayEquals(k1, Box.beforenm(a[0], b[1]));
        assertTrue(Arrays.equals(Box.publicKey(a[1]), a[0]));
    }
}
