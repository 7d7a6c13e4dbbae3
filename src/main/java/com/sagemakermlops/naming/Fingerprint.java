package com.sagemakermlops.naming;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Short, stable fingerprints of text: the leading hex digits of its SHA-256. */
public final class Fingerprint {
    private Fingerprint() {
    }

    /** The first {@code length} (at most 64) hex digits of the SHA-256 of {@code value}. */
    public static String hex(String value, int length) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, length);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
