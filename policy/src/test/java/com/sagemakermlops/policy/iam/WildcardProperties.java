package com.sagemakermlops.policy.iam;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * IAM wildcard matching agrees with the textbook dynamic-programming matcher on every generated pattern and text,
 * and its work stays within (pattern + 1) x (text + 1) steps, so forty stars cost what they cost a regex-free loop.
 */
class WildcardProperties {

    /** The reference: cell [i][j] says whether pattern[i..] matches text[j..]. */
    private static boolean reference(String pattern, String text) {
        String p = pattern.toLowerCase(Locale.ROOT);
        String t = text.toLowerCase(Locale.ROOT);
        boolean[][] match = new boolean[p.length() + 1][t.length() + 1];
        match[p.length()][t.length()] = true;
        for (int i = p.length() - 1; i >= 0; i--) {
            for (int j = t.length(); j >= 0; j--) {
                char c = p.charAt(i);
                if (c == '*') {
                    match[i][j] = match[i + 1][j] || (j < t.length() && match[i][j + 1]);
                } else {
                    match[i][j] = j < t.length() && (c == '?' || c == t.charAt(j)) && match[i + 1][j + 1];
                }
            }
        }
        return match[0][0];
    }

    private static long steps(String pattern, String text) {
        long[] steps = new long[1];
        Wildcard.matches(pattern, text, steps);
        return steps[0];
    }

    @Property(tries = 2000)
    void agreesWithTheReferenceMatcher(@ForAll("pattern") String pattern, @ForAll("text") String text) {
        assertThat(Wildcard.matches(pattern, text)).as("%s ~ %s", pattern, text).isEqualTo(reference(pattern, text));
    }

    @Property(tries = 500)
    void aPatternMatchesTheTextsItWasCutFrom(@ForAll("text") String text, @ForAll("cuts") int[] cuts) {
        StringBuilder pattern = new StringBuilder(text);
        for (int cut : cuts) {
            int at = cut % (pattern.length() + 1);
            pattern.insert(at, '*');
        }
        assertThat(Wildcard.matches(pattern.toString(), text.toUpperCase(Locale.ROOT))).isTrue();
    }

    @Property(tries = 500)
    void workIsBoundedByPatternTimesText(@ForAll("pattern") String pattern, @ForAll("text") String text) {
        assertThat(steps(pattern, text)).isLessThanOrEqualTo((pattern.length() + 1L) * (text.length() + 1L));
    }

    @Test
    void fortyStarsDoNotBacktrack() {
        String pattern = "i" + "*a".repeat(40) + "*b";
        String text = "i" + "a".repeat(2_000);
        assertThat(Wildcard.matches(pattern, text)).isFalse();
        assertThat(steps(pattern, text)).isLessThanOrEqualTo((pattern.length() + 1L) * (text.length() + 1L));
        assertThat(Statement.matches("*".repeat(40) + "iam:PassRole" + "*".repeat(40), "iam:PassRole")).isTrue();
        assertThat(Statement.matches("i*a*m*:*P*a*s*s*R*o*l*e*X", "iam:PassRole")).isFalse();
    }

    @Provide
    Arbitrary<String> pattern() {
        return Arbitraries.strings().withChars("ab*?:").ofMaxLength(12);
    }

    @Provide
    Arbitrary<String> text() {
        return Arbitraries.strings().withChars("abAB:").ofMaxLength(14);
    }

    @Provide
    Arbitrary<int[]> cuts() {
        return Arbitraries.integers().between(0, 100).array(int[].class).ofMaxSize(6);
    }
}
