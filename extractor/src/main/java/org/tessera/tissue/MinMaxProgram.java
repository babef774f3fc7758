package org.tessera.tissue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A comparator network compiled to whole-row {@code min}/{@code max} operations, for the median filter. Wires
 * carry rows of values; a comparator puts the element-wise minimum of its two wires on the first and the
 * maximum on the second. Built symbolically: a wire is an input row, an intermediate row, or plus infinity
 * (padding, which a comparator only renames), and only the operations an output depends on are kept: a
 * comparator whose two outputs are used is one loop over a row writing both, one with a single used output a
 * {@code min} or {@code max} loop. All rows are read and written at the same index, which is what lets the
 * JIT vectorise the loops (with a column offset between two rows it cannot rule out that they overlap, and
 * stays scalar, about six times slower). The rows stay in the second-level cache, whose bandwidth then sets
 * the speed: hence the fused comparators, which read their two rows once.
 *
 * <p>Buffers are numbered: {@code 0 .. inputs-1} are the inputs, then the outputs, then scratch rows reused
 * once their last reader has run.
 */
final class MinMaxProgram {
    /** A wire's value: the row in buffer {@code buffer}, or plus infinity (buffer -1). */
    record Wire(int buffer) {
        static final Wire INFINITY = new Wire(-1);
    }

    private static final int MIN = 0;
    private static final int MAX = 1;
    /** A whole comparator: minimum and maximum of the same two rows in one loop, which reads them once. */
    private static final int BOTH = 2;

    private final int inputs;
    private final int outputs;
    private final int buffers;
    /** Per operation: its kind; destination (of the minimum, for BOTH); destination of the maximum; sources. */
    private final int[] kind;
    private final int[] dst;
    private final int[] dstMax;
    private final int[] a;
    private final int[] b;

    private MinMaxProgram(int inputs, int outputs, int buffers, List<int[]> ops) {
        this.inputs = inputs;
        this.outputs = outputs;
        this.buffers = buffers;
        int n = ops.size();
        kind = new int[n];
        dst = new int[n];
        dstMax = new int[n];
        a = new int[n];
        b = new int[n];
        for (int i = 0; i < n; i++) {
            int[] op = ops.get(i);
            kind[i] = op[0];
            dst[i] = op[1];
            dstMax[i] = op[2];
            a[i] = op[3];
            b[i] = op[4];
        }
    }

    /** Number of buffers {@link #run} needs: inputs, outputs and scratch. */
    int buffers() {
        return buffers;
    }

    /**
     * Runs the program on columns {@code from} (inclusive) to {@code to} of the rows; {@code rows} holds every
     * buffer, inputs filled in.
     */
    void run(int[][] rows, int from, int to) {
        for (int op = 0; op < kind.length; op++) {
            int[] d = rows[dst[op]];
            int[] x = rows[a[op]];
            int[] y = rows[b[op]];
            switch (kind[op]) {
                case MIN -> {
                    for (int i = from; i < to; i++) {
                        d[i] = Math.min(x[i], y[i]);
                    }
                }
                case MAX -> {
                    for (int i = from; i < to; i++) {
                        d[i] = Math.max(x[i], y[i]);
                    }
                }
                default -> {
                    int[] e = rows[dstMax[op]];
                    for (int i = from; i < to; i++) {
                        int p = x[i];
                        int q = y[i];
                        d[i] = Math.min(p, q);
                        e[i] = Math.max(p, q);
                    }
                }
            }
        }
    }

    /** Evaluates the program on one value per input, for checking a network exhaustively. */
    int[] evaluate(int[] inputValues) {
        int[] v = Arrays.copyOf(inputValues, buffers);
        for (int op = 0; op < kind.length; op++) {
            int p = v[a[op]];
            int q = v[b[op]];
            if (kind[op] == MAX) {
                v[dst[op]] = Math.max(p, q);
            } else {
                v[dst[op]] = Math.min(p, q);
                if (kind[op] == BOTH) {
                    v[dstMax[op]] = Math.max(p, q);
                }
            }
        }
        return Arrays.copyOfRange(v, inputs, inputs + outputs);
    }

    /** Collects comparators on symbolic wires, then compiles what the chosen outputs need. */
    static final class Builder {
        private final int inputs;
        /**
         * Symbolic operations in SSA form: {MIN or MAX, a, b}, value id = inputs + index; a comparator adds its
         * minimum then its maximum.
         */
        private final List<int[]> ops = new ArrayList<>();

        Builder(int inputs) {
            this.inputs = inputs;
        }

        /** Input buffer {@code i}. */
        Wire input(int i) {
            return new Wire(i);
        }

        /** Sorts the wires ascending in place with Batcher's odd-even merge sort (padded with infinity). */
        void sort(Wire[] wires) {
            int n = Integer.highestOneBit(Math.max(1, wires.length - 1)) << 1;
            Wire[] w = Arrays.copyOf(wires, n);
            Arrays.fill(w, wires.length, n, Wire.INFINITY);
            for (int p = 1; p < n; p <<= 1) {
                mergePass(w, p);
            }
            System.arraycopy(w, 0, wires, 0, wires.length);
        }

        /** Merges two ascending lists into one (Batcher's odd-even merge, each list padded with infinity). */
        Wire[] merge(Wire[] first, Wire[] second) {
            int half = Integer.highestOneBit(Math.max(1, Math.max(first.length, second.length) - 1)) << 1;
            Wire[] w = new Wire[2 * half];
            Arrays.fill(w, Wire.INFINITY);
            System.arraycopy(first, 0, w, 0, first.length);
            System.arraycopy(second, 0, w, half, second.length);
            mergePass(w, half);
            // infinity only ever moves up, so the merged values fill the bottom wires
            return Arrays.copyOf(w, first.length + second.length);
        }

        /** The stage of Batcher's network that merges sorted blocks of {@code p} wires into blocks of 2p. */
        private void mergePass(Wire[] w, int p) {
            int n = w.length;
            for (int k = p; k >= 1; k >>= 1) {
                for (int j = k % p; j + k < n; j += 2 * k) {
                    for (int i = 0; i < Math.min(k, n - j - k); i++) {
                        if ((i + j) / (2 * p) == (i + j + k) / (2 * p)) {
                            compare(w, i + j, i + j + k);
                        }
                    }
                }
            }
        }

        private void compare(Wire[] w, int i, int j) {
            if (w[j] == Wire.INFINITY) {
                return;
            }
            if (w[i] == Wire.INFINITY) {
                w[i] = w[j];
                w[j] = Wire.INFINITY;
                return;
            }
            Wire lo = op(MIN, w[i], w[j]);
            Wire hi = op(MAX, w[i], w[j]);
            w[i] = lo;
            w[j] = hi;
        }

        private Wire op(int kind, Wire x, Wire y) {
            ops.add(new int[] {kind, x.buffer(), y.buffer()});
            return new Wire(inputs + ops.size() - 1);
        }

        /**
         * Keeps the operations the outputs depend on and assigns buffers: output {@code i} is written to
         * buffer {@code inputs + i}, scratch rows after them are reused once read for the last time.
         */
        MinMaxProgram compile(Wire... results) {
            int total = ops.size();
            boolean[] live = new boolean[total];
            for (Wire r : results) {
                if (r.buffer() < inputs) {
                    throw new IllegalArgumentException("an output must be computed, not an input or infinity");
                }
                live[r.buffer() - inputs] = true;
            }
            int[] lastUse = new int[total];
            Arrays.fill(lastUse, -1);
            for (int i = total - 1; i >= 0; i--) {
                if (!live[i]) {
                    continue;
                }
                for (int src : new int[] {ops.get(i)[1], ops.get(i)[2]}) {
                    if (src >= inputs) {
                        live[src - inputs] = true;
                        lastUse[src - inputs] = Math.max(lastUse[src - inputs], i);
                    }
                }
            }
            int[] target = new int[total];
            Arrays.fill(target, -1);
            for (int o = 0; o < results.length; o++) {
                target[results[o].buffer() - inputs] = inputs + o;
            }
            int next = inputs + results.length;
            ArrayList<Integer> free = new ArrayList<>();
            List<int[]> compiled = new ArrayList<>();
            for (int i = 0; i < total; i++) {
                if (!live[i]) {
                    continue;
                }
                int[] s = ops.get(i);
                // a minimum followed by the live maximum of the same comparator: one loop for both
                boolean both = s[0] == MIN && i + 1 < total && live[i + 1] && ops.get(i + 1)[0] == MAX
                        && ops.get(i + 1)[1] == s[1] && ops.get(i + 1)[2] == s[2];
                int last = both ? i + 1 : i;
                int x = s[1] >= inputs ? target[s[1] - inputs] : s[1];
                int y = s[2] >= inputs ? target[s[2] - inputs] : s[2];
                // sources read here for the last time free their rows before the destinations are chosen:
                // an element-wise operation may write the row it reads
                for (int src : new int[] {s[1], s[2]}) {
                    if (src >= inputs && lastUse[src - inputs] >= i && lastUse[src - inputs] <= last
                            && target[src - inputs] >= inputs + results.length
                            && !free.contains(target[src - inputs])) {
                        free.add(target[src - inputs]);
                    }
                }
                for (int v = i; v <= last; v++) {
                    if (target[v] < 0) {
                        target[v] = free.isEmpty() ? next++ : free.remove(free.size() - 1);
                    }
                }
                compiled.add(new int[] {both ? BOTH : s[0], target[i], both ? target[i + 1] : -1, x, y});
                i = last;
            }
            return new MinMaxProgram(inputs, results.length, next, compiled);
        }
    }
}
