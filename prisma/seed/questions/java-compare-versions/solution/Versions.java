import java.util.regex.Pattern;

public final class Versions {
    /** One or more parts of 1 to 9 ASCII digits, separated by single dots. */
    private static final Pattern VERSION = Pattern.compile("[0-9]{1,9}(\\.[0-9]{1,9})*");

    private Versions() {
    }

    /**
     * Negative when a is older than b, zero when they are the same version, positive when a is newer.
     * The rules are in the statement.
     */
    public static int compare(String a, String b) {
        int[] left = parse(a);
        int[] right = parse(b);
        int parts = Math.max(left.length, right.length);
        for (int i = 0; i < parts; i++) {
            // A missing part counts as 0.
            int l = i < left.length ? left[i] : 0;
            int r = i < right.length ? right[i] : 0;
            if (l != r) {
                return Integer.compare(l, r);
            }
        }
        return 0;
    }

    private static int[] parse(String version) {
        if (version == null || !VERSION.matcher(version).matches()) {
            throw new IllegalArgumentException("not a version: " + version);
        }
        String[] parts = version.split("\\.");
        int[] numbers = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            // At most 9 digits: always fits in an int.
            numbers[i] = Integer.parseInt(parts[i]);
        }
        return numbers;
    }
}
