package org.tessera.tma;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import org.tessera.tiling.TilingPreview;

/**
 * A picture to check a de-arraying by eye: the slide's thumbnail, the fitted grid (lines through the grid
 * positions), each placed core circled in green with its label, empty positions crossed in red with their label,
 * and extra cores circled in orange.
 */
public final class TmaPreview {
    static final Color GRID = new Color(0x3060FF);
    static final Color PLACED = new Color(0x00A040);
    static final Color MISSING = new Color(0xE02020);
    static final Color EXTRA = new Color(0xFF9000);

    private TmaPreview() {
    }

    /** @param downsample level-0 pixels per thumbnail pixel */
    public static BufferedImage render(BufferedImage thumbnail, double downsample, GridFitter.Result result) {
        BufferedImage out = new BufferedImage(thumbnail.getWidth(), thumbnail.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.drawImage(thumbnail, 0, 0, null);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            GridFit grid = result.grid();
            float line = (float) Math.max(1, thumbnail.getWidth() / 800.0);
            g.setStroke(new BasicStroke(line));
            g.setColor(GRID);
            for (int r = 0; r < grid.rows(); r++) {
                g.draw(new Line2D.Double(grid.x(r, 0) / downsample, grid.y(r, 0) / downsample,
                        grid.x(r, grid.cols() - 1) / downsample, grid.y(r, grid.cols() - 1) / downsample));
            }
            for (int c = 0; c < grid.cols(); c++) {
                g.draw(new Line2D.Double(grid.x(0, c) / downsample, grid.y(0, c) / downsample,
                        grid.x(grid.rows() - 1, c) / downsample, grid.y(grid.rows() - 1, c) / downsample));
            }
            double pitch = Math.min(grid.colPitch(), grid.rowPitch()) / downsample;
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, (int) Math.max(9, pitch / 5)));
            g.setStroke(new BasicStroke(2 * line));
            for (GridFitter.Placed p : result.placed()) {
                circle(g, p.core(), downsample, PLACED);
                label(g, p.label(), p.core().x() / downsample, p.core().y() / downsample, PLACED);
            }
            for (GridFitter.Missing m : result.missing()) {
                double x = m.x() / downsample;
                double y = m.y() / downsample;
                double h = pitch / 6;
                g.setColor(MISSING);
                g.draw(new Line2D.Double(x - h, y - h, x + h, y + h));
                g.draw(new Line2D.Double(x - h, y + h, x + h, y - h));
                label(g, m.label() + " missing", x, y + 2 * h, MISSING);
            }
            for (Core c : result.extra()) {
                circle(g, c, downsample, EXTRA);
                label(g, "extra", c.x() / downsample, c.y() / downsample, EXTRA);
            }
        } finally {
            g.dispose();
        }
        return out;
    }

    public static void write(Path png, BufferedImage thumbnail, double downsample, GridFitter.Result result) throws IOException {
        TilingPreview.writePng(png, render(thumbnail, downsample, result));
    }

    private static void circle(Graphics2D g, Core c, double downsample, Color colour) {
        double r = c.radius() / downsample;
        g.setColor(colour);
        g.draw(new Ellipse2D.Double(c.x() / downsample - r, c.y() / downsample - r, 2 * r, 2 * r));
    }

    private static void label(Graphics2D g, String text, double x, double y, Color colour) {
        int w = g.getFontMetrics().stringWidth(text);
        int h = g.getFontMetrics().getAscent();
        g.setColor(Color.WHITE);
        g.fillRect((int) (x - w / 2.0) - 2, (int) (y - h / 2.0) - 1, w + 4, h + 2);
        g.setColor(colour);
        g.drawString(text, (float) (x - w / 2.0), (float) (y + h / 2.0 - 1));
    }
}
