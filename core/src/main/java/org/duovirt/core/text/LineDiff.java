package org.duovirt.core.text;

import java.util.ArrayList;
import java.util.List;

/**
 * A line diff (longest common subsequence) of two texts, shown before an edited definition is applied:
 * by the CLI's {@code edit} as unified-style lines and by the definition editor's diff view.
 */
public final class LineDiff {
    /** One line of the diff: kept, removed from the old text, or added in the new one. */
    public record Line(Kind kind, String text) {
        @Override
        public String toString() {
            return (kind == Kind.SAME ? " " : kind == Kind.REMOVED ? "-" : "+") + text;
        }
    }

    public enum Kind { SAME, REMOVED, ADDED }

    /** Longest texts compared line by line (the table is n × m); beyond it the diff is whole-text. */
    private static final int MAX_CELLS = 25_000_000;

    private LineDiff() {
    }

    public static List<Line> diff(String before, String after) {
        String[] a = before.split("\n", -1);
        String[] b = after.split("\n", -1);
        if ((long) a.length * b.length > MAX_CELLS) {
            List<Line> out = new ArrayList<>();
            for (String line : a) {
                out.add(new Line(Kind.REMOVED, line));
            }
            for (String line : b) {
                out.add(new Line(Kind.ADDED, line));
            }
            return out;
        }
        int[][] lcs = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                lcs[i][j] = a[i].equals(b[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<Line> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.length || j < b.length) {
            if (i < a.length && j < b.length && a[i].equals(b[j])) {
                out.add(new Line(Kind.SAME, a[i++]));
                j++;
            } else if (i < a.length && (j == b.length || lcs[i + 1][j] >= lcs[i][j + 1])) {
                // Removed lines first, as unified diffs show them.
                out.add(new Line(Kind.REMOVED, a[i++]));
            } else {
                out.add(new Line(Kind.ADDED, b[j++]));
            }
        }
        return out;
    }

    /** Only the changed lines with {@code context} kept lines around each change. */
    public static List<Line> changes(List<Line> diff, int context) {
        List<Line> out = new ArrayList<>();
        for (int k = 0; k < diff.size(); k++) {
            boolean near = false;
            for (int d = Math.max(0, k - context); d <= Math.min(diff.size() - 1, k + context) && !near; d++) {
                near = diff.get(d).kind() != Kind.SAME;
            }
            if (near) {
                out.add(diff.get(k));
            }
        }
        return out;
    }

    public static boolean changed(List<Line> diff) {
        return diff.stream().anyMatch(l -> l.kind() != Kind.SAME);
    }
}
