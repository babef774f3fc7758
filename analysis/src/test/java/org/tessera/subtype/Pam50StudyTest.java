package org.tessera.subtype;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.tessera.testkit.Shared;

class Pam50StudyTest {
    @Test
    void theTcgaStudyAgreesWithThePublishedSubtypesAndTestsSurvival() throws Exception {
        Pam50Study study = Pam50Study.run(Shared.path("tcga-brca").getParent());
        // Agreement as in Pam50TcgaTest (scipy reference): 981 labelled patients, 89.5% / kappa 0.837 as given,
        // 70.7% / 0.612 median-centred.
        assertEquals(981, study.asGiven().n());
        assertEquals(0.895, study.asGiven().accuracy(), 5e-4);
        assertEquals(0.837, study.asGiven().kappa(), 5e-4);
        assertEquals(0.707, study.centred().accuracy(), 5e-4);
        assertEquals(0.612, study.centred().kappa(), 5e-4);
        assertEquals(5, study.proliferation().size(), "one group per called subtype");
        assertTrue(study.anova().f() > 100, "proliferation differs strongly between called subtypes: F " + study.anova().f());
        assertEquals(5, study.survival().fits().size());
        assertEquals(4, study.survival().logRank().df());
        assertTrue(study.survival().multivariate().stream().anyMatch(r -> r.term().equals("age")), "Cox with age");
    }
}
