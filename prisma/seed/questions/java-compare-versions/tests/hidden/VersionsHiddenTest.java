import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class VersionsHiddenTest {
    private static int sign(String a, String b) {
        return Integer.signum(Versions.compare(a, b));
    }

    @ParameterizedTest(name = "{0} vs {1}")
    @CsvSource({
        "1, 1, 0",
        "2, 10, -1",
        "10, 9, 1",
        "1.0.0.0, 1, 0",
        "1.0.0.1, 1, 1",
        "0, 0.0.0, 0",
        "0.0.1, 0.1, -1",
        "3.4.5, 3.4.5, 0",
        "3.4.5, 3.5, -1",
        "3.10.0, 3.9.99, 1",
        "007.000, 7, 0",
        "999999999, 999999998, 1",
        "1.999999999, 2, -1",
    })
    void comparesLikeNumbersPartByPart(String a, String b, int expected) {
        assertEquals(expected, sign(a, b), a + " vs " + b);
    }

    @ParameterizedTest(name = "{0} vs {1}")
    @CsvSource({"1.10, 1.9", "2, 1.99", "1.2.1, 1.2", "0.0.0.1, 0", "10.0, 9.9.9"})
    void isAntisymmetric(String newer, String older) {
        assertEquals(1, sign(newer, older), newer + " is newer than " + older);
        assertEquals(-1, sign(older, newer), older + " is older than " + newer);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", ".", "1.", ".1", "1..2", "1.2.", "v1.2", "1.-2", "-1", " 1", "1 ", "1.2 .3", "1,2", "1.a", "1234567890", "1.0000000000", "١.٢"})
    void rejectsWhatIsNotAVersion(String bad) {
        IllegalArgumentException first = assertThrows(IllegalArgumentException.class, () -> Versions.compare(bad, "1.0"), "\"" + bad + "\" as a");
        assertTrue(first.getMessage() != null && first.getMessage().contains(bad), "the message names \"" + bad + "\": " + first.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Versions.compare("1.0", bad), "\"" + bad + "\" as b");
    }

    @Test
    void rejectsNull() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Versions.compare(null, "1"));
        assertTrue(error.getMessage() != null && error.getMessage().contains("null"), "the message says null: " + error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Versions.compare("1", null));
    }

    @Test
    void comparesLongVersions() {
        String a = "1" + ".0".repeat(500) + ".2";
        String b = "1" + ".0".repeat(500) + ".10";
        assertEquals(-1, sign(a, b));
        assertEquals(0, sign(a, a + ".0.0"));
    }
}
