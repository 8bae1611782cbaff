package org.duovirt.core.rfb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class HandshakeTest {
    private static ServerStream init(ServerStream s) {
        return s.u16(640).u16(480).bytes(new byte[16]).s32(3).ascii("vm1");
    }

    private static RfbClient connect(ServerStream s, ByteArrayOutputStream sent, String password) {
        return RfbClient.connect(s.input(), sent, password == null ? null : password::toCharArray, null);
    }

    @Test
    void version38WithSecurityNone() {
        ByteArrayOutputStream sent = new ByteArrayOutputStream();
        RfbClient c = connect(init(new ServerStream().ascii("RFB 003.008\n").u8(1).u8(1).s32(0)), sent, null);
        assertEquals("vm1", c.desktopName());
        assertEquals(640, c.framebuffer().width());
        byte[] b = sent.toByteArray();
        assertEquals("RFB 003.008\n", new String(b, 0, 12, StandardCharsets.US_ASCII));
        assertEquals(1, b[12], "chose security None");
        assertEquals(1, b[13], "asked for a shared session");
        assertEquals(0, b[14], "then SetPixelFormat");
        assertEquals(32, b[18], "32 bits per pixel");
    }

    @Test
    void version37HasNoSecurityResultForNone() {
        ByteArrayOutputStream sent = new ByteArrayOutputStream();
        RfbClient c = connect(init(new ServerStream().ascii("RFB 003.007\n").u8(1).u8(1)), sent, null);
        assertEquals("RFB 003.007\n", new String(sent.toByteArray(), 0, 12, StandardCharsets.US_ASCII));
        assertEquals(480, c.framebuffer().height());
    }

    @Test
    void version33LetsTheServerChooseAndNewerUnknownVersionsSpeak38() {
        ByteArrayOutputStream sent = new ByteArrayOutputStream();
        connect(init(new ServerStream().ascii("RFB 003.003\n").s32(1)), sent, null);
        assertEquals("RFB 003.003\n", new String(sent.toByteArray(), 0, 12, StandardCharsets.US_ASCII));
        ByteArrayOutputStream apple = new ByteArrayOutputStream();
        connect(init(new ServerStream().ascii("RFB 003.889\n").u8(1).u8(1).s32(0)), apple, null);
        assertEquals("RFB 003.008\n", new String(apple.toByteArray(), 0, 12, StandardCharsets.US_ASCII));
    }

    @Test
    void vncAuthenticationAnswersTheChallengeWithDesOfTheMirroredPassword() throws Exception {
        byte[] challenge = new byte[16];
        for (int i = 0; i < 16; i++) {
            challenge[i] = (byte) (i * 17);
        }
        ByteArrayOutputStream sent = new ByteArrayOutputStream();
        connect(init(new ServerStream().ascii("RFB 003.008\n").u8(2).u8(16).u8(2).bytes(challenge).s32(0)), sent, "secret");
        byte[] b = sent.toByteArray();
        assertEquals(2, b[12], "chose VNC authentication over the unknown type 16");
        // "secret" = 73 65 63 72 65 74, each byte bit-mirrored: ce a6 c6 4e a6 2e, padded with zeros
        byte[] key = {(byte) 0xce, (byte) 0xa6, (byte) 0xc6, 0x4e, (byte) 0xa6, 0x2e, 0, 0};
        Cipher des = Cipher.getInstance("DES/ECB/NoPadding");
        des.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "DES"));
        assertArrayEquals(des.doFinal(challenge), Arrays.copyOfRange(b, 13, 29));
    }

    @Test
    void aWrongPasswordIsOneSentenceWithTheServersReason() {
        ServerStream s = new ServerStream().ascii("RFB 003.008\n").u8(1).u8(2).bytes(new byte[16]).s32(1).s32(21)
                .ascii("Authentication failed");
        RfbException e = assertThrows(RfbException.class, () -> connect(s, new ByteArrayOutputStream(), "wrong"));
        assertEquals("The VNC server refused the password (Authentication failed).", e.getMessage());
        assertEquals("Check the VM's console password and try again.", e.hint());
    }

    @Test
    void aPasswordAskedForButNotGivenIsSaidSo() {
        ServerStream s = new ServerStream().ascii("RFB 003.008\n").u8(1).u8(2).bytes(new byte[16]);
        RfbException e = assertThrows(RfbException.class, () -> connect(s, new ByteArrayOutputStream(), null));
        assertEquals("The VNC server asks for a password and none was given.", e.getMessage());
    }

    @Test
    void aServerThatIsNotVncIsSaidSo() {
        ServerStream ssh = new ServerStream().ascii("SSH-2.0-OpenSSH_9.2p1 Debian\r\n");
        RfbException e = assertThrows(RfbException.class, () -> connect(ssh, new ByteArrayOutputStream(), null));
        assertEquals("The server did not answer as a VNC (RFB) server.", e.getMessage());
        ServerStream http = new ServerStream().ascii("HTTP/1.1 400");
        assertThrows(RfbException.class, () -> connect(http, new ByteArrayOutputStream(), null));
    }

    @Test
    void aServerThatRefusesGivesItsReason() {
        ServerStream s = new ServerStream().ascii("RFB 003.008\n").u8(0).s32(15).ascii("Too many client");
        RfbException e = assertThrows(RfbException.class, () -> connect(s, new ByteArrayOutputStream(), null));
        assertEquals("The VNC server refused the connection: Too many client.", e.getMessage());
    }

    @Test
    void onlyUnknownSecurityTypesAreListed() {
        ServerStream s = new ServerStream().ascii("RFB 003.008\n").u8(2).u8(19).u8(16);
        RfbException e = assertThrows(RfbException.class, () -> connect(s, new ByteArrayOutputStream(), null));
        assertEquals("The VNC server offers only security types Duovirt does not speak (19, 16).", e.getMessage());
    }

    @Test
    void aStreamCutInTheHandshakeIsADroppedLink() {
        ServerStream s = new ServerStream().ascii("RFB 003.008\n").u8(1).u8(1).s32(0).u16(640);
        RfbException e = assertThrows(RfbException.class, () -> connect(s, new ByteArrayOutputStream(), null));
        assertEquals("The VNC server closed the connection in the middle of a message.", e.getMessage());
    }
}
