package org.duovirt.core.rfb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;

class ZrleDecoderTest {
    private static final int RED = 0xff0000;
    private static final int GREEN = 0x00ff00;
    private static final int BLUE = 0x0000ff;
    private static final int WHITE = 0xffffff;

    private static Framebuffer decode(ServerStream s) {
        RfbClient c = RfbClient.connect(s.input(), new ByteArrayOutputStream(), null, null);
        c.run();
        return c.framebuffer();
    }

    private static int at(Framebuffer fb, int x, int y) {
        return fb.pixels()[y * fb.width() + x] & 0xffffff;
    }

    @Test
    void solidTileFillsTheRectangle() {
        ServerStream s = ServerStream.opened(8, 8).update(1).rect(2, 2, 3, 3, 16)
                .zrle(new ServerStream.Tiles().u8(1).cpixel(RED).bytes());
        Framebuffer fb = decode(s);
        assertEquals(RED, at(fb, 2, 2));
        assertEquals(RED, at(fb, 4, 4));
        assertEquals(0, at(fb, 5, 5), "outside the rectangle stays black");
        assertEquals(0xff000000, fb.pixels()[0] & 0xff000000, "pixels are opaque");
    }

    @Test
    void rawTileKeepsEveryPixelInOrder() {
        ServerStream s = ServerStream.opened(2, 2).update(1).rect(0, 0, 2, 2, 16)
                .zrle(new ServerStream.Tiles().u8(0).cpixel(RED, GREEN, BLUE, WHITE).bytes());
        Framebuffer fb = decode(s);
        assertArrayEquals(new int[] {RED, GREEN, BLUE, WHITE}, rgb(fb));
    }

    @Test
    void packedPaletteOfTwoColoursUsesOneBitPerPixelAndPadsEachRow() {
        // 3 pixels wide: each row is one byte, bits 7..5 used
        ServerStream s = ServerStream.opened(3, 2).update(1).rect(0, 0, 3, 2, 16)
                .zrle(new ServerStream.Tiles().u8(2).cpixel(RED, BLUE).u8(0b10100000, 0b01000000).bytes());
        assertArrayEquals(new int[] {BLUE, RED, BLUE, RED, BLUE, RED}, rgb(decode(s)));
    }

    @Test
    void packedPaletteOfThreeAndOfSixteenColours() {
        ServerStream three = ServerStream.opened(5, 1).update(1).rect(0, 0, 5, 1, 16)
                .zrle(new ServerStream.Tiles().u8(3).cpixel(RED, GREEN, BLUE).u8(0b00011000, 0b01000000).bytes());
        assertArrayEquals(new int[] {RED, GREEN, BLUE, RED, GREEN}, rgb(decode(three)));

        ServerStream.Tiles t = new ServerStream.Tiles().u8(16);
        for (int i = 0; i < 16; i++) {
            t.cpixel(i * 0x101010);
        }
        t.u8(0x0f, 0x37); // indices 0, 15, 3, 7
        ServerStream sixteen = ServerStream.opened(4, 1).update(1).rect(0, 0, 4, 1, 16).zrle(t.bytes());
        assertArrayEquals(new int[] {0, 15 * 0x101010, 3 * 0x101010, 7 * 0x101010}, rgb(decode(sixteen)));
    }

    @Test
    void plainRleRunsAcrossRowsAndLongRunsUseSeveralLengthBytes() {
        // 20x20 = 400 pixels: a run of 300 (255 + 44 + 1) then 100
        ServerStream s = ServerStream.opened(20, 20).update(1).rect(0, 0, 20, 20, 16)
                .zrle(new ServerStream.Tiles().u8(128).cpixel(GREEN).run(300).cpixel(BLUE).run(100).bytes());
        Framebuffer fb = decode(s);
        assertEquals(GREEN, at(fb, 19, 14), "pixel 299");
        assertEquals(BLUE, at(fb, 0, 15), "pixel 300");
        assertEquals(BLUE, at(fb, 19, 19));
    }

    @Test
    void paletteRleMixesSinglePixelsAndRuns() {
        ServerStream s = ServerStream.opened(6, 1).update(1).rect(0, 0, 6, 1, 16)
                .zrle(new ServerStream.Tiles().u8(128 + 2).cpixel(RED, WHITE).u8(0).u8(0x81).run(4).u8(0).bytes());
        assertArrayEquals(new int[] {RED, WHITE, WHITE, WHITE, WHITE, RED}, rgb(decode(s)));
    }

    @Test
    void tilesAtTheScreenEdgeAreCutToTheRectangle() {
        // 70x65 at the bottom-right corner of a 100x100 screen: tiles 64x64, 6x64, 64x1, 6x1, each solid
        ServerStream s = ServerStream.opened(100, 100).update(1).rect(30, 35, 70, 65, 16)
                .zrle(new ServerStream.Tiles().u8(1).cpixel(RED).u8(1).cpixel(GREEN).u8(1).cpixel(BLUE)
                        .u8(1).cpixel(WHITE).bytes());
        Framebuffer fb = decode(s);
        assertEquals(RED, at(fb, 30, 35));
        assertEquals(RED, at(fb, 93, 98));
        assertEquals(GREEN, at(fb, 94, 35));
        assertEquals(GREEN, at(fb, 99, 98));
        assertEquals(BLUE, at(fb, 30, 99));
        assertEquals(WHITE, at(fb, 99, 99));
        assertEquals(0, at(fb, 29, 99));
    }

    @Test
    void theZlibStreamContinuesAcrossRectangles() {
        ServerStream s = ServerStream.opened(4, 1).update(2)
                .rect(0, 0, 2, 1, 16).zrle(new ServerStream.Tiles().u8(1).cpixel(RED).bytes())
                .rect(2, 0, 2, 1, 16).zrle(new ServerStream.Tiles().u8(1).cpixel(RED).bytes());
        assertArrayEquals(new int[] {RED, RED, RED, RED}, rgb(decode(s)));
    }

    @Test
    void aRunLongerThanItsTileIsACleanError() {
        ServerStream s = ServerStream.opened(4, 1).update(1).rect(0, 0, 4, 1, 16)
                .zrle(new ServerStream.Tiles().u8(128).cpixel(RED).run(5).bytes());
        RfbException e = assertThrows(RfbException.class, () -> decode(s));
        assertEquals("The VNC server sent a ZRLE run longer than its tile.", e.getMessage());
    }

    @Test
    void aTileThatEndsEarlyIsACleanError() {
        ServerStream s = ServerStream.opened(2, 2).update(1).rect(0, 0, 2, 2, 16)
                .zrle(new ServerStream.Tiles().u8(0).cpixel(RED, GREEN).bytes());
        RfbException e = assertThrows(RfbException.class, () -> decode(s));
        assertEquals("The VNC server's ZRLE rectangle ended before its last tile.", e.getMessage());
    }

    @Test
    void aPaletteIndexOutsideThePaletteIsACleanError() {
        ServerStream s = ServerStream.opened(1, 1).update(1).rect(0, 0, 1, 1, 16)
                .zrle(new ServerStream.Tiles().u8(128 + 2).cpixel(RED, WHITE).u8(5).bytes());
        assertThrows(RfbException.class, () -> decode(s));
    }

    static int[] rgb(Framebuffer fb) {
        int[] p = fb.snapshot();
        for (int i = 0; i < p.length; i++) {
            p[i] &= 0xffffff;
        }
        return p;
    }
}
