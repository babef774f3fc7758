package org.tessera.tissue;

import java.util.Arrays;

/**
 * Connected components of the pixels equal to {@code value} in a binary mask, found by breadth-first
 * flood fill. Labels start at 1; 0 marks pixels of the other value. Used for mask cleaning here and for
 * finding tissue microarray cores ({@code org.tessera.tma}).
 */
public record Components(int[] labels, int[] sizes, boolean[] touchesBorder) {

    public static Components label(boolean[] mask, int width, int height, boolean value, boolean eightConnected) {
        int[] labels = new int[mask.length];
        int[] sizes = new int[16];
        boolean[] border = new boolean[16];
        int[] queue = new int[mask.length];
        int next = 1;
        int[] dx = eightConnected ? new int[] {-1, 0, 1, -1, 1, -1, 0, 1} : new int[] {0, -1, 1, 0};
        int[] dy = eightConnected ? new int[] {-1, -1, -1, 0, 0, 1, 1, 1} : new int[] {-1, 0, 0, 1};
        for (int start = 0; start < mask.length; start++) {
            if (mask[start] != value || labels[start] != 0) {
                continue;
            }
            if (next >= sizes.length) {
                sizes = Arrays.copyOf(sizes, sizes.length * 2);
                border = Arrays.copyOf(border, border.length * 2);
            }
            int head = 0;
            int tail = 0;
            queue[tail++] = start;
            labels[start] = next;
            while (head < tail) {
                int p = queue[head++];
                int x = p % width;
                int y = p / width;
                if (x == 0 || y == 0 || x == width - 1 || y == height - 1) {
                    border[next] = true;
                }
                for (int k = 0; k < dx.length; k++) {
                    int nx = x + dx[k];
                    int ny = y + dy[k];
                    if (nx < 0 || ny < 0 || nx >= width || ny >= height) {
                        continue;
                    }
                    int q = ny * width + nx;
                    if (mask[q] == value && labels[q] == 0) {
                        labels[q] = next;
                        queue[tail++] = q;
                    }
                }
            }
            sizes[next] = tail;
            next++;
        }
        return new Components(labels, Arrays.copyOf(sizes, next), Arrays.copyOf(border, next));
    }
}
