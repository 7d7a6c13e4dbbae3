package com.sagemakermlops.config;

/**
 * A configuration value set with {@code pulumi config set --secret}, as a source read it: from the engine, the
 * decrypted value of a key it lists in {@code PULUMI_CONFIG_SECRET_KEYS} ({@code known}); from a stack file, a
 * {@code secure: v1:...} ciphertext that cannot be read offline (not {@code known}, {@code value} null).
 * {@link ConfigSecrets} takes these apart before the configuration is parsed.
 */
record SecretValue(Object value, boolean known) {
}
