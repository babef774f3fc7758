package org.tessera.tissue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The ink rules' shortcut for reddish pixels changes no decision: every 24-bit colour is checked. */
class InkRulesTest {

    @Test
    void everyColourIsJudgedAsBeforeTheShortcut() {
        int ink = 0;
        for (int rgb = 0; rgb < 1 << 24; rgb++) {
            boolean expected = TissueReference.isInk(rgb);
            if (expected != InkRules.isInk(rgb)) {
                assertEquals(expected, InkRules.isInk(rgb), String.format("RGB %06x", rgb));
            }
            ink += expected ? 1 : 0;
        }
        assertEquals(true, ink > 0 && ink < 1 << 24, ink + " colours are ink");
    }
}
