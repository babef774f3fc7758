package org.tessera.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class DelimitedLineTest {
    @Test
    void plainLinesSplitLikeStringSplitKeepingEmptyCells() {
        assertEquals(List.of("a", " b", "", "c", ""), DelimitedLine.split("a, b,,c,", ','));
        assertEquals(List.of("x", "y z"), DelimitedLine.split("x\ty z", '\t'));
    }

    @Test
    void quotedCellsKeepDelimitersAndDoubledQuotes() {
        assertEquals(List.of("slides/a,b.svs", "say \"hi\"", "3"), DelimitedLine.split("\"slides/a,b.svs\",\"say \"\"hi\"\"\",3", ','));
        assertEquals(List.of("it's 5\" long", "x"), DelimitedLine.split("it's 5\" long,x", ','), "a quote inside a cell is text");
    }
}
