package com.sagemakermlops.policy.iam;

/**
 * IAM's wildcard matching ({@code *} any run of characters, {@code ?} one character, case-insensitive) without
 * regular expressions: one pass over the text that, on a mismatch, resumes after the last {@code *} only (a later
 * star makes earlier choices final), so the work is bounded by (pattern + 1) x (text + 1) steps however many stars
 * the pattern has. A regex of forty {@code .*} would backtrack exponentially instead.
 */
public final class Wildcard {
    private Wildcard() {
    }

    /** True when {@code pattern} matches the whole of {@code text}. */
    public static boolean matches(String pattern, String text) {
        return run(pattern, text, null);
    }

    /** As {@link #matches}, counting the steps taken in {@code steps[0]}: for tests of the bound. */
    static boolean matches(String pattern, String text, long[] steps) {
        return run(pattern, text, steps);
    }

    private static boolean run(String pattern, String text, long[] steps) {
        int p = 0;
        int t = 0;
        int star = -1;
        int resume = 0;
        while (t < text.length()) {
            if (steps != null) {
                steps[0]++;
            }
            if (p < pattern.length() && (pattern.charAt(p) == '?' || same(pattern.charAt(p), text.charAt(t)))) {
                p++;
                t++;
            } else if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                resume = t;
            } else if (star >= 0) {
                p = star + 1;
                t = ++resume;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }

    private static boolean same(char a, char b) {
        return a == b || Character.toLowerCase(a) == Character.toLowerCase(b);
    }
}
