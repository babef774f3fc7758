package org.tessera.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tessera.testkit.Shared;

class TextTableTest {
    @TempDir
    Path tmp;

    private Path file(String name, String text) throws IOException {
        Path p = tmp.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    private static List<List<String>> cells(TextTable t) {
        return t.rows().stream().map(TextTable.Row::cells).toList();
    }

    @Test
    void quotedFieldsHoldDelimitersQuotesAndLineBreaks() throws Exception {
        TextTable t = TextTable.read(file("m.csv", "slide,note,n\n\"a,b.svs\",\"say \"\"hi\"\"\nsecond line\",3\nc.svs,plain,4\n"));
        assertEquals(List.of("slide", "note", "n"), t.header());
        assertEquals(List.of(List.of("a,b.svs", "say \"hi\"\nsecond line", "3"), List.of("c.svs", "plain", "4")), cells(t));
        assertEquals(2, t.rows().get(0).line());
        assertEquals(4, t.rows().get(1).line(), "the line a row starts on, after a quoted line break");
    }

    @Test
    void byteOrderMarkCrlfCommentsAndBlankLinesAreHandled() throws Exception {
        TextTable t = TextTable.read(file("c.tsv", "\uFEFF#Patient Identifier\tAge\r\n#STRING\tNUMBER\r\nid\tage\r\n\r\nP1\t61\r\nP2\t 70 \r\n"));
        assertEquals(List.of("id", "age"), t.header(), "no BOM in the first column name, comments skipped");
        assertEquals(List.of(List.of("P1", "61"), List.of("P2", "70")), cells(t), "CR dropped, cells trimmed");
        assertEquals(5, t.rows().get(0).line());
    }

    @Test
    void theDelimiterComesFromTheExtensionOrTheHeader() throws Exception {
        assertEquals(';', TextTable.layout(file("eu.dat", "a;b;c\n1,5;2;3\n")).delimiter());
        assertEquals('\t', TextTable.layout(file("x.txt", "a,b\tc\n")).delimiter());
        assertEquals(',', TextTable.layout(file("x.csv", "a\tb,c\n")).delimiter());
        TextTable.Layout l = TextTable.layout(file("cbio.dat", "#a\n#b\nid\tx\n1\t2\n"));
        assertEquals(2, l.linesBeforeHeader());
        assertEquals(List.of("id", "x"), l.header());
    }

    @Test
    void gzippedFilesAreReadByTheirInnerExtension() throws Exception {
        Path gz = tmp.resolve("t.tsv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write("g\ts1\nERBB2\t1.5\n".getBytes(StandardCharsets.UTF_8));
        }
        assertEquals(List.of(List.of("ERBB2", "1.5")), cells(TextTable.read(gz)));
    }

    @Test
    void missingValueSpellingsAreOneConvention() {
        for (String s : new String[] {"", " ", "NA", "na", "N/A", "NaN", "[Not Available]", "[Not Applicable]", "[Unknown]", null}) {
            assertTrue(TextTable.isMissing(s), "missing: '" + s + "'");
        }
        for (String s : new String[] {"0", "None", "null", "NAT", "LumA", "-"}) {
            assertFalse(TextTable.isMissing(s), "a value: '" + s + "'");
        }
    }

    @Test
    void badTablesNameTheFileAndTheLine() throws Exception {
        Path ragged = file("r.csv", "a,b\n1,2\n3,4,5\n");
        TableException e = assertThrows(TableException.class, () -> TextTable.read(ragged));
        assertTrue(e.getMessage().contains("r.csv") && e.getMessage().contains("line 3") && e.getMessage().contains("3 fields"), e.getMessage());
        Path open = file("q.csv", "a,b\n\"1,2\n3,4\n");
        e = assertThrows(TableException.class, () -> TextTable.read(open));
        assertTrue(e.getMessage().contains("q.csv") && e.getMessage().contains("not closed"), e.getMessage());
        Path empty = file("e.tsv", "#only a comment\n\n");
        e = assertThrows(TableException.class, () -> TextTable.read(empty));
        assertTrue(e.getMessage().contains("no header"), e.getMessage());
        assertThrows(java.nio.file.NoSuchFileException.class, () -> TextTable.read(tmp.resolve("absent.csv")));
    }

    @Test
    void theSharedCbioPortalClinicalFileReads() throws Exception {
        TextTable t = TextTable.read(Shared.path("tcga-brca/clinical_pancan_atlas_2018.tsv"));
        assertTrue(t.header().contains("Overall Survival Status"), t.header().toString());
        assertTrue(t.rows().size() > 1000, "rows: " + t.rows().size());
    }
}
