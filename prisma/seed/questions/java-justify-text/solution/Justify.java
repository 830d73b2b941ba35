import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

public final class Justify {
    private Justify() {
    }

    /**
     * The text laid out in lines of exactly width characters, justified on both sides.
     * The rules are in the statement.
     */
    public static List<String> lines(String text, int width) {
        if (width < 1) {
            throw new IllegalArgumentException("width must be at least 1, got " + width);
        }
        List<String> lines = new ArrayList<>();
        // Separators before the first word make split() return an empty first string.
        String[] words = Arrays.stream(text.split("[ \\t\\r\\n]+")).filter(word -> !word.isEmpty()).toArray(String[]::new);
        for (String word : words) {
            if (word.length() > width) {
                throw new IllegalArgumentException("the word \"" + word + "\" is longer than the width " + width);
            }
        }
        int start = 0;
        while (start < words.length) {
            // Greedy: take words while they fit with one space before each.
            int end = start + 1;
            int used = words[start].length();
            while (end < words.length && used + 1 + words[end].length() <= width) {
                used += 1 + words[end].length();
                end++;
            }
            boolean last = end == words.length;
            lines.add(last || end - start == 1 ? leftAligned(words, start, end, width) : justified(words, start, end, width - used));
            start = end;
        }
        return lines;
    }

    /** words[start..end) with extra spaces (beyond one per gap) spread over the gaps, left gaps first. */
    private static String justified(String[] words, int start, int end, int extra) {
        int gaps = end - start - 1;
        StringBuilder line = new StringBuilder(words[start]);
        for (int gap = 0; gap < gaps; gap++) {
            int spaces = 1 + extra / gaps + (gap < extra % gaps ? 1 : 0);
            line.append(" ".repeat(spaces)).append(words[start + gap + 1]);
        }
        return line.toString();
    }

    private static String leftAligned(String[] words, int start, int end, int width) {
        StringBuilder line = new StringBuilder(words[start]);
        for (int i = start + 1; i < end; i++) {
            line.append(' ').append(words[i]);
        }
        return line.append(" ".repeat(width - line.length())).toString();
    }
}
