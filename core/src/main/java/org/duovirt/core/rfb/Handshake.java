package org.duovirt.core.rfb;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The RFB opening: protocol version (3.3, 3.7 or 3.8), security (None or VNC authentication), ClientInit
 * (shared) and ServerInit. Every way a server can refuse ends in one {@link RfbException}.
 */
final class Handshake {
    static final int SECURITY_NONE = 1;
    static final int SECURITY_VNC = 2;
    private static final Pattern VERSION = Pattern.compile("RFB (\\d{3})\\.(\\d{3})\n");

    /** What ServerInit says. */
    record ServerInit(int width, int height, String name, int minor) {
    }

    private Handshake() {
    }

    static ServerInit run(RfbInput in, OutputStream out, Supplier<char[]> password) {
        int minor = version(in);
        write(out, String.format("RFB 003.%03d\n", minor).getBytes(StandardCharsets.US_ASCII));
        int type = minor == 3 ? in.s32() : chooseSecurity(in, out, password);
        if (type == 0) {
            throw refused(reason(in));
        }
        boolean resultFollows = minor >= 8 || type != SECURITY_NONE;
        if (type == SECURITY_VNC) {
            byte[] challenge = in.bytes(16);
            char[] pw = password.get();
            if (pw == null) {
                throw new RfbException("The VNC server asks for a password and none was given.",
                        "Give the console password of the VM.");
            }
            try {
                write(out, VncAuth.response(challenge, pw));
            } finally {
                java.util.Arrays.fill(pw, '\0');
            }
        } else if (type != SECURITY_NONE) {
            throw new RfbException("The VNC server asks for security type " + type + ", which Duovirt does not speak.",
                    "Configure the display with no password or a VNC password (libvirt passwd=, xl vncpasswd=).");
        }
        if (resultFollows && in.s32() != 0) {
            String why = minor >= 8 ? reason(in) : "";
            if (type == SECURITY_VNC) {
                throw new RfbException("The VNC server refused the password" + (why.isEmpty() ? "" : " (" + why + ")") + ".",
                        "Check the VM's console password and try again.");
            }
            throw refused(why);
        }
        write(out, new byte[] {1}); // shared: other viewers stay connected
        int width = in.u16();
        int height = in.u16();
        in.skip(16); // the server's pixel format: we set our own next
        int nameLength = in.length(1 << 16, "desktop name");
        String name = new String(in.bytes(nameLength), StandardCharsets.UTF_8);
        return new ServerInit(width, height, name, minor);
    }

    private static int version(RfbInput in) {
        byte[] v = in.bytes(12);
        Matcher m = VERSION.matcher(new String(v, StandardCharsets.ISO_8859_1));
        if (!m.matches() || !m.group(1).equals("003")) {
            throw new RfbException("The server did not answer as a VNC (RFB) server.",
                    "Check that the address is the VM's VNC display and not another service.");
        }
        int minor = Integer.parseInt(m.group(2));
        return minor >= 8 ? 8 : minor == 7 ? 7 : 3;
    }

    private static int chooseSecurity(RfbInput in, OutputStream out, Supplier<char[]> password) {
        int count = in.u8();
        if (count == 0) {
            return 0;
        }
        byte[] types = in.bytes(count);
        int chosen = -1;
        for (byte t : types) {
            if (t == SECURITY_NONE) {
                chosen = SECURITY_NONE;
                break;
            }
            if (t == SECURITY_VNC) {
                chosen = SECURITY_VNC;
            }
        }
        if (chosen < 0) {
            throw new RfbException("The VNC server offers only security types Duovirt does not speak ("
                    + describe(types) + ").", "Configure the display with no password or a VNC password.");
        }
        write(out, new byte[] {(byte) chosen});
        return chosen;
    }

    private static String describe(byte[] types) {
        StringBuilder s = new StringBuilder();
        for (byte t : types) {
            s.append(s.length() == 0 ? "" : ", ").append(t & 0xff);
        }
        return s.toString();
    }

    private static String reason(RfbInput in) {
        return new String(in.bytes(in.length(1 << 16, "reason")), StandardCharsets.UTF_8).strip();
    }

    private static RfbException refused(String why) {
        return new RfbException("The VNC server refused the connection" + (why.isEmpty() ? "" : ": " + why) + ".",
                "Another viewer may hold it exclusively, or the server limits connections.");
    }

    static void write(OutputStream out, byte[] b) {
        try {
            out.write(b);
            out.flush();
        } catch (IOException e) {
            throw new RfbException("The connection to the VNC server dropped (" + e.getMessage() + ").",
                    "Check that the VM is still running and reconnect.", e);
        }
    }
}
