import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class JustifyTest {
    @Test
    void justifiesTheStatementsExample() {
        assertEquals(
            List.of("This    is    an", "example  of text", "justification.  "),
            Justify.lines("This is an example of text justification.", 16));
    }

    @Test
    void givesTheLeftGapsTheExtraSpaces() {
        // "a b c" on a line of 8: 5 spaces over 2 gaps, 3 on the left and 2 on the right.
        assertEquals(List.of("a   b  c", "dddd    "), Justify.lines("a b c dddd", 8));
    }

    @Test
    void leftAlignsTheLastLineAndSingleWords() {
        assertEquals(List.of("tomorrow  ", "we go home"), Justify.lines("tomorrow we go home", 10));
    }

    @Test
    void rejectsAWordLongerThanTheWidth() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Justify.lines("a receipt", 5));
        assertTrue(error.getMessage().contains("receipt"), "the message names the word: " + error.getMessage());
    }
}
