import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JustifyHiddenTest {
    @Test
    void fillsEachLineGreedilyIncludingAnExactFit() {
        // "aa bb" is exactly 5 wide: it stays on one line.
        assertEquals(List.of("aa bb", "cc   "), Justify.lines("aa bb cc", 5));
        assertEquals(List.of("aa  b", "cc dd"), Justify.lines("aa b cc dd", 5));
    }

    @Test
    void spreadsSpacesEvenlyWhenTheyDivide() {
        assertEquals(List.of("one   two   six", "lastword       "), Justify.lines("one two six lastword", 15));
    }

    @Test
    void spreadsTheRemainderOverTheLeftmostGaps() {
        // 4 gaps, 3 extra spaces beyond one per gap: 2 2 2 1.
        assertEquals(List.of("a  b  c  d e", "fghijklmnopq"), Justify.lines("a b c d e fghijklmnopq", 12));
        // 3 gaps, 8 spaces: 4 4 3.
        assertEquals(List.of("w    x    y   z", "lastwords      "), Justify.lines("w x y z lastwords", 15));
    }

    @Test
    void padsASingleWordLineThatIsNotTheLast() {
        assertEquals(List.of("longword  ", "ab c      "), Justify.lines("longword ab c", 10));
        assertEquals(List.of("justification", "is hard      "), Justify.lines("justification is hard", 13));
    }

    @Test
    void leftAlignsALastLineOfSeveralWords() {
        assertEquals(List.of("to  be  or", "not  to be", "it is     "), Justify.lines("to be or not to be it is", 10));
    }

    @Test
    void treatsAnyRunOfSpacesTabsAndLineBreaksAsOneSeparator() {
        assertEquals(List.of("one  two", "three   "), Justify.lines("  one \t\ttwo\r\n\n   three  \n", 8));
    }

    @Test
    void handlesWidthOneAndWordsThatFillTheWidth() {
        assertEquals(List.of("a", "b", "c"), Justify.lines("a b c", 1));
        assertEquals(List.of("abcde", "fghij"), Justify.lines("abcde fghij", 5));
        assertEquals(List.of("ab c "), Justify.lines("ab  c", 5));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", " ", "\t\n  \r\n"})
    void givesNoLinesForNoWords(String blank) {
        assertEquals(List.of(), Justify.lines(blank, 10));
    }

    @ParameterizedTest(name = "width {0}")
    @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
    void rejectsAWidthBelowOne(int width) {
        assertThrows(IllegalArgumentException.class, () -> Justify.lines("a b", width));
        // Even when there is nothing to lay out.
        assertThrows(IllegalArgumentException.class, () -> Justify.lines("", width));
    }

    @Test
    void rejectsTheFirstWordTooLongWhereverItIs() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Justify.lines("fine fine toolongforit fine", 8));
        assertTrue(error.getMessage().contains("toolongforit"), "the message names the word: " + error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Justify.lines("abcdef", 5));
    }

    @Test
    void keepsEveryRuleOnRandomText() {
        // Random paragraphs (fixed seed), checked against the rules rather than a second implementation.
        Random random = new Random(18);
        for (int round = 0; round < 300; round++) {
            int width = 1 + random.nextInt(30);
            List<String> words = new ArrayList<>();
            int count = random.nextInt(40);
            for (int i = 0; i < count; i++) {
                words.add("abcdefghijklmnopqrstuvwxyz0123456789".substring(0, 1 + random.nextInt(width)));
            }
            String text = String.join(" ".repeat(1 + random.nextInt(3)), words);
            checkRules(words, width, Justify.lines(text, width), text);
        }
    }

    private static void checkRules(List<String> words, int width, List<String> lines, String text) {
        String where = "text \"" + text + "\", width " + width + ", lines " + lines;
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            assertEquals(width, line.length(), "every line is exactly the width: " + where);
            List<String> lineWords = Arrays.asList(line.strip().split(" +"));
            assertTrue(!line.startsWith(" "), "no line starts with a space: " + where);
            boolean last = i == lines.size() - 1;
            if (last || lineWords.size() == 1) {
                assertEquals(String.join(" ", lineWords), line.stripTrailing(), "left-aligned with single spaces: " + where);
            } else {
                assertTrue(!line.endsWith(" "), "a justified line ends with its last word: " + where);
                int[] gaps = Arrays.stream(line.split("[^ ]+")).filter(gap -> !gap.isEmpty()).mapToInt(String::length).toArray();
                for (int g = 1; g < gaps.length; g++) {
                    assertTrue(gaps[g - 1] == gaps[g] || gaps[g - 1] == gaps[g] + 1, "gaps even, the left ones larger: " + where);
                }
                assertTrue(gaps[0] - gaps[gaps.length - 1] <= 1, "gaps differ by at most one: " + where);
            }
            if (!last) {
                String next = lines.get(i + 1).strip().split(" +")[0];
                int packed = String.join(" ", lineWords).length();
                assertTrue(packed + 1 + next.length() > width, "greedy: the next word would not have fit: " + where);
            }
            seen.addAll(lineWords);
        }
        assertEquals(words, seen, "every word, in order: " + where);
    }
}
