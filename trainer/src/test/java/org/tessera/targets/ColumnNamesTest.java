package org.tessera.targets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ColumnNamesTest {
    @Test
    void cBioPortalHeadersBecomeSnakeCase() {
        assertEquals("overall_survival_months", ColumnNames.snake("Overall Survival (Months)"));
        assertEquals("tmb_nonsynonymous", ColumnNames.snake("TMB (nonsynonymous)"));
        assertEquals("patient_id", ColumnNames.snake("Patient ID"));
        assertEquals("patient_id", ColumnNames.snake("PATIENT_ID"));
        assertEquals("icd_10_classification", ColumnNames.snake("ICD-10 Classification"));
        assertEquals("c_5yr_survival", ColumnNames.snake("5yr survival"));
        assertEquals("age_annees", ColumnNames.snake("Âge (années)"));
    }

    @Test
    void repeatedAndEmptyNamesAreMadeDistinct() {
        assertEquals(List.of("stage", "stage_2", "column_3", "stage_3"), ColumnNames.of(List.of("Stage", "STAGE", "  ", "stage")));
    }
}
