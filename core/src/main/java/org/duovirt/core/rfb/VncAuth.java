package org.duovirt.core.rfb;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * VNC authentication (RFB security type 2): the 16-byte challenge encrypted with DES, keyed by the first
 * eight bytes of the password with each byte's bits mirrored (a quirk of the original VNC code that every
 * server reproduces).
 */
final class VncAuth {
    private VncAuth() {
    }

    static byte[] response(byte[] challenge, char[] password) {
        byte[] key = new byte[8];
        byte[] pw = new String(password).getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i < 8 && i < pw.length; i++) {
            key[i] = (byte) (Integer.reverse(pw[i] & 0xff) >>> 24);
        }
        try {
            Cipher des = Cipher.getInstance("DES/ECB/NoPadding");
            des.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "DES"));
            return des.doFinal(challenge);
        } catch (GeneralSecurityException e) {
            throw new RfbException("This Java runtime cannot compute the VNC password response (no DES cipher).",
                    "Use a full JDK 17 runtime.", e);
        } finally {
            java.util.Arrays.fill(key, (byte) 0);
            java.util.Arrays.fill(pw, (byte) 0);
        }
    }
}
