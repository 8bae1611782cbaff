package org.duovirt.core.rfb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RfbClientTest {
    private final List<String> events = new ArrayList<>();
    private final RfbListener recorder = new RfbListener() {
        @Override
        public void resized(int width, int height) {
            events.add("resized " + width + "x" + height);
        }

        @Override
        public void frameComplete() {
            events.add("frame");
        }

        @Override
        public void cursor(CursorShape shape) {
            events.add(shape == null ? "no cursor" : "cursor " + shape.width() + "x" + shape.height() + " hot "
                    + shape.hotX() + "," + shape.hotY() + " " + Integer.toHexString(shape.argb()[0]) + " "
                    + Integer.toHexString(shape.argb()[1]));
        }

        @Override
        public void leds(int state) {
            events.add("leds " + state);
        }

        @Override
        public void pointerMode(boolean absolute) {
            events.add(absolute ? "absolute" : "relative");
        }

        @Override
        public void serverText(String text) {
            events.add("clipboard " + text);
        }
    };

    private RfbClient run(ServerStream s, ByteArrayOutputStream sent) {
        RfbClient c = RfbClient.connect(s.input(), sent, null, recorder);
        c.run();
        return c;
    }

    @Test
    void rawRectanglesLandWhereTheySay() {
        ServerStream s = ServerStream.opened(3, 2).update(1).rect(1, 1, 2, 1, 0).rawPixels(0x123456, 0xabcdef);
        Framebuffer fb = run(s, new ByteArrayOutputStream()).framebuffer();
        assertArrayEquals(new int[] {0, 0, 0, 0, 0x123456, 0xabcdef}, ZrleDecoderTest.rgb(fb));
        assertEquals(0xff123456, fb.pixels()[4]);
    }

    @Test
    void copyRectCopiesOverlappingAreasWithoutSmearing() {
        ServerStream s = ServerStream.opened(4, 3).update(2)
                .rect(0, 0, 2, 2, 0).rawPixels(1, 2, 3, 4)
                .rect(1, 1, 2, 2, 1).u16(0).u16(0); // move the 2x2 block one down-right onto itself
        int[] p = ZrleDecoderTest.rgb(run(s, new ByteArrayOutputStream()).framebuffer());
        assertArrayEquals(new int[] {1, 2, 0, 0, 3, 1, 2, 0, 0, 3, 4, 0}, p);
    }

    @Test
    void desktopSizeMidStreamResizesAndAsksForTheWholeNewScreen() {
        ByteArrayOutputStream sent = new ByteArrayOutputStream();
        ServerStream s = ServerStream.opened(2, 2).update(1).rect(0, 0, 2, 2, 0).rawPixels(1, 2, 3, 4)
                .update(1).rect(0, 0, 3, 1, -223)
                .update(1).rect(2, 0, 1, 1, 0).rawPixels(9);
        RfbClient c = run(s, sent);
        assertEquals(List.of("frame", "resized 3x1", "frame", "frame"), events);
        assertArrayEquals(new int[] {0, 0, 9}, ZrleDecoderTest.rgb(c.framebuffer()));
        byte[] b = sent.toByteArray();
        // after the resize: a non-incremental FramebufferUpdateRequest for 3x1
        byte[] fullRequest = {3, 0, 0, 0, 0, 0, 0, 3, 0, 1};
        assertTrue(indexOf(b, fullRequest) > 0, "asked for the whole resized screen");
    }

    @Test
    void aDesktopSizeOfTheSameSizeIsNoResizeAndAsksForNothingMore() {
        ByteArrayOutputStream sent = new ByteArrayOutputStream();
        RfbClient c = RfbClient.connect(ServerStream.opened(4, 4).update(1).rect(0, 0, 4, 4, -308).u8(1)
                .bytes(new byte[3 + 16]).input(), sent, null, recorder);
        int before = sent.size();
        c.run();
        assertEquals(List.of("frame"), events);
        byte[] b = Arrays.copyOfRange(sent.toByteArray(), before, sent.size());
        assertArrayEquals(new byte[] {3, 1, 0, 0, 0, 0, 0, 4, 0, 4}, b, "only the next incremental request");
    }

    @Test
    void extendedDesktopSizeResizesOnlyWhenItIsNotAnAnswerToARequest() {
        ServerStream s = ServerStream.opened(2, 2).update(2)
                .rect(0, 0, 800, 600, -308).u8(1).bytes(new byte[3 + 16])
                .rect(1, 3, 640, 480, -308).u8(1).bytes(new byte[3 + 16]); // status 3: a refused request
        RfbClient c = run(s, new ByteArrayOutputStream());
        assertEquals(800, c.framebuffer().width());
        assertEquals(List.of("resized 800x600", "frame"), events);
    }

    @Test
    void cursorMaskMakesPixelsTransparentAndPseudoEncodingsReport() {
        ServerStream s = ServerStream.opened(4, 4).update(4)
                .rect(1, 0, 2, 1, -239).rawPixels(0xff0000, 0x00ff00).u8(0b10000000)
                .rect(0, 0, 0, 0, -261).u8(0b110)
                .rect(1, 0, 0, 0, -257)
                .rect(0, 0, 0, 0, -258)
                .u8(3).bytes(new byte[3]).s32(5).ascii("hello");
        RfbClient c = run(s, new ByteArrayOutputStream());
        assertEquals(List.of("cursor 2x1 hot 1,0 ffff0000 0", "leds 6", "absolute", "frame", "clipboard hello"), events);
        assertTrue(c.extendedKeys());
    }

    @Test
    void keysGoByScancodeOnceQemuAcceptsExtendedKeyEvents() {
        ByteArrayOutputStream before = new ByteArrayOutputStream();
        RfbClient plain = run(ServerStream.opened(1, 1), before);
        int mark = before.size();
        plain.key(Key.A.keysym(), Key.A.xtScancode(), true);
        assertArrayEquals(new byte[] {4, 1, 0, 0, 0, 0, 0, 'a'}, Arrays.copyOfRange(before.toByteArray(), mark, mark + 8));

        ByteArrayOutputStream after = new ByteArrayOutputStream();
        RfbClient qemu = run(ServerStream.opened(1, 1).update(1).rect(0, 0, 0, 0, -258), after);
        mark = after.size();
        qemu.key(Key.DELETE.keysym(), Key.DELETE.xtScancode(), false);
        assertArrayEquals(new byte[] {(byte) 255, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 0, 0, 0, (byte) 0xd3},
                Arrays.copyOfRange(after.toByteArray(), mark, mark + 12));
    }

    @Test
    void typingPressesShiftForShiftedCharacters() {
        ByteArrayOutputStream sent = new ByteArrayOutputStream();
        RfbClient c = run(ServerStream.opened(1, 1), sent);
        int mark = sent.size();
        new KeyTyper(c, 0).type("A");
        byte[] b = Arrays.copyOfRange(sent.toByteArray(), mark, sent.size());
        assertEquals(32, b.length, "shift down, A down, A up, shift up");
        assertEquals((byte) 0xe1, b[7], "Shift_L first");
        assertEquals('A', b[15]);
        assertEquals(0, b[25], "shift released last");
    }

    @Test
    void pointerEventsCarryButtonsAndPosition() {
        ByteArrayOutputStream sent = new ByteArrayOutputStream();
        RfbClient c = run(ServerStream.opened(1, 1), sent);
        int mark = sent.size();
        c.pointer(300, 2, 0b101);
        assertArrayEquals(new byte[] {5, 5, 1, 44, 0, 2}, Arrays.copyOfRange(sent.toByteArray(), mark, mark + 6));
    }

    @Test
    void aStreamCutInsideARectangleIsACleanErrorAndACleanEndIsNot() {
        byte[] whole = ServerStream.opened(4, 4).update(1).rect(0, 0, 4, 4, 0).rawPixels(new int[16]).toByteArray();
        ServerStream cut = new ServerStream().bytes(Arrays.copyOf(whole, whole.length - 5));
        RfbException e = assertThrows(RfbException.class, () -> run(cut, new ByteArrayOutputStream()));
        assertEquals("The VNC server closed the connection in the middle of a message.", e.getMessage());
        events.clear();
        run(new ServerStream().bytes(whole), new ByteArrayOutputStream());
        assertEquals(List.of("frame"), events);
    }

    @Test
    void aRectangleOutsideTheScreenAndAnUnknownMessageAreCleanErrors() {
        ServerStream outside = ServerStream.opened(4, 4).update(1).rect(3, 3, 2, 2, 0).rawPixels(new int[4]);
        RfbException e = assertThrows(RfbException.class, () -> run(outside, new ByteArrayOutputStream()));
        assertEquals("The VNC server sent a rectangle 2x2+3+3 outside its 4x4 screen.", e.getMessage());
        ServerStream unknown = ServerStream.opened(4, 4).u8(77);
        assertThrows(RfbException.class, () -> run(unknown, new ByteArrayOutputStream()));
        ServerStream encoding = ServerStream.opened(4, 4).update(1).rect(0, 0, 1, 1, 7);
        assertThrows(RfbException.class, () -> run(encoding, new ByteArrayOutputStream()));
    }

    @Test
    void closingStopsTheReadLoopQuietly() {
        RfbClient c = RfbClient.connect(ServerStream.opened(1, 1).input(), new ByteArrayOutputStream(), null, null);
        c.close();
        c.run();
        assertFalse(events.contains("frame"));
        assertNull(null);
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
