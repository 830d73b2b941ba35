public final class Versions {
    private Versions() {
    }

    // Compares only the parts both versions have: 1.2 and 1.2.1 look the same.
    public static int compare(String a, String b) {
        int[] left = parse(a);
        int[] right = parse(b);
        for (int i = 0; i < Math.min(left.length, right.length); i++) {
            if (left[i] != right[i]) {
                return Integer.compare(left[i], right[i]);
            }
        }
        return 0;
    }

    private static int[] parse(String version) {
        if (version == null || !version.matches("[0-9]{1,9}(\\.[0-9]{1,9})*")) {
            throw new IllegalArgumentException("not a version: " + version);
        }
        String[] parts = version.split("\\.");
        int[] numbers = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            numbers[i] = Integer.parseInt(parts[i]);
        }
        return numbers;
    }
}
