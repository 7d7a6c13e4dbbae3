package com.sagemakermlops.config;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A number as it is written in a stack file or in the engine's JSON, before anything reads a value out of it: a
 * value is taken only from plain decimal text and range-checked as written, so nothing wraps, rounds or turns octal
 * on the way.
 *
 * @param text the literal, e.g. {@code 365}, {@code 0755}, {@code 1e3}, {@code 18446744073709551617}
 */
public record NumberLiteral(String text) {
    /** Longer JSON numbers (or larger exponents) are not read: no real setting needs them. */
    private static final int MAX_JSON_LENGTH = 40;
    private static final Pattern WHOLE_DECIMAL = Pattern.compile("[-+]?(0|[1-9][0-9]*)");
    private static final Pattern JSON_NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][-+]?[0-9]+)?");

    /** The whole number the text writes in plain decimal, exactly (any size); empty for any other spelling. */
    public Optional<BigInteger> wholeDecimal() {
        return WHOLE_DECIMAL.matcher(text).matches() ? Optional.of(new BigInteger(text.startsWith("+")
                ? text.substring(1) : text)) : Optional.empty();
    }

    /**
     * The exact whole number the text writes in plain decimal or as JSON writes numbers ({@code 90.0}, {@code 1e3});
     * empty for fractions and for YAML-only spellings (octal, hexadecimal, underscores, base 60), which readers
     * disagree on.
     */
    public Optional<BigInteger> wholeValue() {
        Optional<BigInteger> decimal = wholeDecimal();
        if (decimal.isPresent() || !json() || text.length() > MAX_JSON_LENGTH) {
            return decimal;
        }
        BigDecimal value;
        try {
            value = new BigDecimal(text);
        } catch (NumberFormatException e) {
            return Optional.empty(); // an exponent beyond what a decimal can hold
        }
        if (Math.abs((long) value.scale()) > MAX_JSON_LENGTH) {
            return Optional.empty();
        }
        BigDecimal whole = value.stripTrailingZeros();
        return whole.scale() <= 0 ? Optional.of(whole.toBigIntegerExact()) : Optional.empty();
    }

    /** True when the text reads the same as a string and as a number everywhere: unsigned decimal, no leading 0. */
    public boolean sameAsText() {
        return !text.isEmpty() && Character.isDigit(text.charAt(0)) && wholeDecimal().isPresent();
    }

    /** True when the text is a number as JSON writes it, so a document may carry it unchanged. */
    public boolean json() {
        return JSON_NUMBER.matcher(text).matches();
    }

    /** How YAML readers take this spelling, for messages that ask to quote it. */
    public String reading() {
        String digits = text.startsWith("-") || text.startsWith("+") ? text.substring(1) : text;
        if (digits.matches("0[0-9_]+")) {
            return "YAML reads a number with a leading 0 as octal, or as a float when it has an 8 or a 9";
        }
        if (digits.startsWith("0x") || digits.startsWith("0o") || digits.startsWith("0b")) {
            return "YAML reads it as a hexadecimal, octal or binary number";
        }
        if (digits.contains(":")) {
            return "YAML 1.1 reads it as a base-60 number";
        }
        if (digits.contains("_")) {
            return "YAML 1.1 reads it as a number without its underscores";
        }
        if (new NumberLiteral(digits).wholeDecimal().isEmpty()) {
            return "YAML reads it as a floating-point number";
        }
        return "YAML reads it as a number";
    }

    @Override
    public String toString() {
        return text;
    }
}
