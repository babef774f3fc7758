package org.tessera.testkit.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * Seeded mutations of a seed file, byte-level (flips, interesting bytes, inserted, deleted, repeated or
 * spliced ranges, truncation) and text-aware (a run of digits replaced by an extreme number, delimiters and
 * quotes inserted, a line repeated or dropped), one to four stacked per input. The same {@code Random} state
 * gives the same input, so a finding is reproduced by its run number.
 */
public final class Mutator {
    private static final String[] NUMBERS = {"0", "-1", "1", "2147483647", "2147483648", "-2147483649", "4294967296",
        "9223372036854775807", "99999999999999999999", "268435456", "1000000000", "65535", "65536", "1e308", "1e309", "NaN", "Infinity", "-0", "0.5", "1e-320", ""};
    private static final String[] TOKENS = {"\t", ",", "\"", "\n", "\r\n", "\r", "\u0000", "\\", "#", "%", "{", "}", "[", "]", ":",
        "null", "\u00ef\u00bb\u00bf", "\u2028", "\ud83e\uddec", "NA", "-", "x"};
    private static final byte[] BYTES = {0, 1, 0x7f, (byte) 0x80, (byte) 0xff, (byte) 0xfe, 0x20, 0x0a, 0x09};

    private final int maxLength;

    /** @param maxLength inputs are cut to this many bytes, so a mutation cannot grow a seed without bound */
    public Mutator(int maxLength) {
        this.maxLength = maxLength;
    }

    public byte[] mutate(byte[] seed, List<byte[]> others, Random r) {
        byte[] b = seed;
        int n = 1 + r.nextInt(4);
        for (int i = 0; i < n; i++) {
            b = once(b, others, r);
        }
        return b.length > maxLength ? java.util.Arrays.copyOf(b, maxLength) : b;
    }

    private byte[] once(byte[] b, List<byte[]> others, Random r) {
        if (b.length == 0) {
            return token(r).getBytes(StandardCharsets.UTF_8);
        }
        int at = r.nextInt(b.length);
        switch (r.nextInt(11)) {
            case 0 -> {
                byte[] c = b.clone();
                c[at] ^= (byte) (1 << r.nextInt(8));
                return c;
            }
            case 1 -> {
                byte[] c = b.clone();
                c[at] = BYTES[r.nextInt(BYTES.length)];
                return c;
            }
            case 2 -> {
                return splice(b, at, at + r.nextInt(Math.min(64, b.length - at) + 1), new byte[0]);
            }
            case 3 -> {
                int len = 1 + r.nextInt(Math.min(256, b.length - at));
                return splice(b, at, at, java.util.Arrays.copyOfRange(b, at, at + len));
            }
            case 4 -> {
                return java.util.Arrays.copyOf(b, at);
            }
            case 5 -> {
                byte[] other = others.get(r.nextInt(others.size()));
                if (other.length == 0) {
                    return b;
                }
                int from = r.nextInt(other.length);
                return splice(b, at, b.length, java.util.Arrays.copyOfRange(other, from, Math.min(other.length, from + 1 + r.nextInt(512))));
            }
            case 6, 7 -> {
                return number(b, at, r);
            }
            case 8 -> {
                return splice(b, at, at, token(r).getBytes(StandardCharsets.UTF_8));
            }
            case 9 -> {
                return line(b, at, r);
            }
            default -> {
                byte[] random = new byte[1 + r.nextInt(8)];
                r.nextBytes(random);
                return splice(b, at, at + Math.min(random.length, b.length - at), random);
            }
        }
    }

    private static String token(Random r) {
        return TOKENS[r.nextInt(TOKENS.length)];
    }

    /** Replaces the run of ASCII digits at or after {@code at} by an extreme number. */
    private static byte[] number(byte[] b, int at, Random r) {
        int start = at;
        while (start < b.length && !digit(b[start])) {
            start++;
        }
        if (start == b.length) {
            return b;
        }
        int end = start;
        while (end < b.length && (digit(b[end]) || b[end] == '.')) {
            end++;
        }
        return splice(b, start, end, NUMBERS[r.nextInt(NUMBERS.length)].getBytes(StandardCharsets.US_ASCII));
    }

    /** Repeats or drops the line holding {@code at}. */
    private static byte[] line(byte[] b, int at, Random r) {
        int start = at;
        while (start > 0 && b[start - 1] != '\n') {
            start--;
        }
        int end = at;
        while (end < b.length && b[end] != '\n') {
            end++;
        }
        end = Math.min(end + 1, b.length);
        if (r.nextBoolean()) {
            return splice(b, start, end, new byte[0]);
        }
        return splice(b, end, end, java.util.Arrays.copyOfRange(b, start, end));
    }

    private static boolean digit(byte c) {
        return c >= '0' && c <= '9';
    }

    private static byte[] splice(byte[] b, int from, int to, byte[] insert) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length + insert.length);
        out.write(b, 0, from);
        out.write(insert, 0, insert.length);
        out.write(b, to, b.length - to);
        return out.toByteArray();
    }
}
