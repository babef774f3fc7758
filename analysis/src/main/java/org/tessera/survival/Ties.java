package org.tessera.survival;

/** How a Cox partial likelihood treats events at the same time (R's {@code coxph(ties = ...)}). */
public enum Ties {
    /** Efron's approximation, R's default: tied events leave the risk set in equal fractions. */
    EFRON,
    /** Breslow's approximation: every tied event sees the full risk set. */
    BRESLOW
}
