package org.tessera.survival;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class SurvivalCodesTest {
    @Test
    void eventsInEveryCodingClinicalFilesUse() {
        for (String e : new String[] {"1", "1.0", "TRUE", "true", "T", "yes", "1:DECEASED", "1:Recurred/Progressed", " Dead ", "deceased", "died"}) {
            assertEquals(Optional.of(true), SurvivalCodes.event(e), e);
        }
        for (String e : new String[] {"0", "0.0", "FALSE", "f", "No", "0:LIVING", "0:DiseaseFree", "alive", "Living"}) {
            assertEquals(Optional.of(false), SurvivalCodes.event(e), e);
        }
    }

    @Test
    void unknownEventCodingsAreNotGuessed() {
        for (String e : new String[] {"2", "DECEASED:1", "censored", "-1", "", "x:1", "0.5"}) {
            assertTrue(SurvivalCodes.event(e).isEmpty(), e);
        }
    }

    @Test
    void timesAreFiniteNonNegativeDecimalNumbers() {
        assertEquals(Optional.of(12.5), SurvivalCodes.time(" 12.5 "));
        assertEquals(Optional.of(0.0), SurvivalCodes.time("0"));
        assertEquals(Optional.of(1500.0), SurvivalCodes.time("1.5e3"));
        assertEquals(Optional.of(3.0), SurvivalCodes.time("3."));
        for (String t : new String[] {"-1", "NaN", "Infinity", "1d", "0x10", "abc", "", "12 months"}) {
            assertTrue(SurvivalCodes.time(t).isEmpty(), t);
        }
    }
}
