package org.tessera.plots;

import java.awt.Rectangle;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.text.TextUtils;
import org.jfree.svg.SVGGraphics2D;
import org.tessera.files.AtomicFiles;

/**
 * Writes a {@link Plot} as NAME.png (JFreeChart's PNG encoder) and NAME.svg (the chart drawn on JFreeSVG's
 * SVGGraphics2D), each to a temporary file in the same folder first and then moved into place, so a reader
 * never sees half a figure.
 */
public final class PlotWriter {
    static {
        // JFreeChart's workaround for rotated text draws glyph outlines; plain drawString keeps rotated axis labels
        // as SVG <text> (searchable, selectable) and renders the same in the PNG on current JDKs.
        TextUtils.setUseDrawRotatedStringWorkaround(false);
    }

    private PlotWriter() {
    }

    /** Writes both files into {@code dir} (created when missing) and returns their paths. */
    public static PlotFiles write(Plot plot, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path png = dir.resolve(plot.name() + ".png");
        Path svg = dir.resolve(plot.name() + ".svg");
        writePng(plot, png);
        writeSvg(plot, svg);
        return new PlotFiles(png, svg);
    }

    /** The PNG alone. */
    public static void writePng(Plot plot, Path file) throws IOException {
        AtomicFiles.write(file, tmp -> {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                ChartUtils.writeChartAsPNG(out, plot.chart(), plot.width(), plot.height());
            }
        });
    }

    /** The SVG alone. */
    public static void writeSvg(Plot plot, Path file) throws IOException {
        AtomicFiles.writeString(file, svg(plot));
    }

    /** The SVG document text of the plot. */
    public static String svg(Plot plot) {
        SVGGraphics2D g = new SVGGraphics2D(plot.width(), plot.height());
        plot.chart().draw(g, new Rectangle(0, 0, plot.width(), plot.height()));
        return g.getSVGDocument();
    }


}
