public final class Versions {
    private Versions() {
    }

    // Compares the parts as text: "10" sorts before "9", so 1.10 looks older than 1.9.
    public static int compare(String a, String b) {
        String[] left = parse(a);
        String[] right = parse(b);
        for (int i = 0; i < Math.max(left.length, right.length); i++) {
            String l = i < left.length ? strip(left[i]) : "0";
            String r = i < right.length ? strip(right[i]) : "0";
            int c = l.compareTo(r);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static String strip(String part) {
        String stripped = part.replaceFirst("^0+", "");
        return stripped.isEmpty() ? "0" : stripped;
    }

    private static String[] parse(String version) {
        if (version == null || !version.matches("[0-9]{1,9}(\\.[0-9]{1,9})*")) {
            throw new IllegalArgumentException("not a version: " + version);
        }
        return version.split("\\.");
    }
}
