package com.sagemakermlops.config;

import org.apache.commons.text.similarity.LevenshteinDistance;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/** Suggests the known key closest to a misspelt one (case-insensitive edit distance). */
final class DidYouMean {
    private static final LevenshteinDistance LEVENSHTEIN = LevenshteinDistance.getDefaultInstance();

    private DidYouMean() {
    }

    /** The known key within {@code max(2, length / 3)} edits of {@code unknown}, the closest first. */
    static Optional<String> closest(String unknown, Collection<String> known) {
        return known.stream()
                .min(Comparator.comparingInt(k -> distance(unknown, k)))
                .filter(k -> distance(unknown, k) <= Math.max(2, k.length() / 3));
    }

    /** True when {@code a} is {@code b} with at most one letter added, dropped or changed (in any case). */
    static boolean withinOneEdit(String a, String b) {
        return distance(a, b) <= 1;
    }

    static int distance(String a, String b) {
        return LEVENSHTEIN.apply(a.toLowerCase(Locale.ROOT), b.toLowerCase(Locale.ROOT));
    }
}
