package org.tessera.tma;

/** A core found on the slide: its centre and area in level-0 pixels; radius is that of a disc of the same area. */
public record Core(double x, double y, double area) {
    public Core {
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            throw new IllegalArgumentException("core centre must be finite: " + x + ", " + y);
        }
        if (!(area > 0)) {
            throw new IllegalArgumentException("core area must be positive: " + area);
        }
    }

    public double radius() {
        return Math.sqrt(area / Math.PI);
    }
}
