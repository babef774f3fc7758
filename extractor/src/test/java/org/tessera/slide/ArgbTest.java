package org.tessera.slide;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * Compositing premultiplied ARGB over a background other than white (the shared slides state none). Expected
 * values by hand from out = c' + round(bg * (255 - a) / 255): for a = 128, bg channel 0x10 = 16:
 * 16 * 127 / 255 = 7.97 -&gt; 8; 0x20 = 32: 15.94 -&gt; 16; 0x30 = 48: 23.9 -&gt; 24.
 */
class ArgbTest {

    @Test
    void opaqueTransparentAndHalfTransparentPixelsOverColouredBackground() {
        int[] px = {0xFF123456, 0x00000000, 0x80400080};
        Argb.compositeInPlace(px, 0x102030);
        assertArrayEquals(new int[] {0x123456, 0x102030, (0x40 + 8) << 16 | 16 << 8 | (0x80 + 24)}, px);
    }

    @Test
    void backgroundColourPropertyIsSixHexDigits() {
        assertEquals(0xF0E1D2, Argb.parseBackground("f0e1d2"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Argb.parseBackground("#fff"));
        assertEquals("background colour must be six hex digits RRGGBB, got '#fff'", e.getMessage());
    }
}
