import java.util.ArrayList;
import java.util.List;

public final class Justify {
    private Justify() {
    }

    public static List<String> lines(String text, int width) {
        if (width < 1) {
            throw new IllegalArgumentException("width must be at least 1, got " + width);
        }
        List<String> lines = new ArrayList<>();
        List<String> words = new ArrayList<>();
        for (String word : text.split("[ \\t\\r\\n]+")) {
            if (word.length() > width) {
                throw new IllegalArgumentException("the word \"" + word + "\" is too long");
            }
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        List<String> line = new ArrayList<>();
        int used = 0;
        for (String word : words) {
            // Wraps a word that would end exactly at the width.
            if (!line.isEmpty() && used + 1 + word.length() >= width) {
                lines.add(justify(line, used, width));
                line.clear();
                used = 0;
            }
            used += line.isEmpty() ? word.length() : 1 + word.length();
            line.add(word);
        }
        if (!line.isEmpty()) {
            String last = String.join(" ", line);
            lines.add(last + " ".repeat(width - last.length()));
        }
        return lines;
    }

    private static String justify(List<String> line, int used, int width) {
        if (line.size() == 1) {
            return line.get(0) + " ".repeat(width - used);
        }
        int gaps = line.size() - 1;
        int extra = width - used;
        StringBuilder out = new StringBuilder(line.get(0));
        for (int gap = 0; gap < gaps; gap++) {
            int spaces = 1 + extra / gaps + (gap < extra % gaps ? 1 : 0);
            out.append(" ".repeat(spaces)).append(line.get(gap + 1));
        }
        return out.toString();
    }
}
