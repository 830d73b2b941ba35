import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class VersionsTest {
    private static int sign(String a, String b) {
        return Integer.signum(Versions.compare(a, b));
    }

    @Test
    void comparesPartsAsNumbers() {
        assertEquals(1, sign("1.10", "1.9"), "1.10 is newer than 1.9");
        assertEquals(-1, sign("0.9.9", "1"), "0.9.9 is older than 1");
    }

    @Test
    void missingPartsCountAsZero() {
        assertEquals(0, sign("1.2", "1.2.0"), "1.2 is 1.2.0");
        assertEquals(-1, sign("1.2", "1.2.1"), "1.2 is older than 1.2.1");
    }

    @Test
    void leadingZerosDoNotMatter() {
        assertEquals(0, sign("1.01", "1.1"), "1.01 is 1.1");
    }

    @Test
    void rejectsWhatIsNotAVersion() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Versions.compare("1..2", "1.2"));
        assertEquals(true, error.getMessage().contains("1..2"), "the message names the bad version: " + error.getMessage());
    }
}
