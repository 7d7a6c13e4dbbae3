package com.sagemakermlops.components.iam;

/**
 * IAM's size limit of a customer-managed policy, checked when the document is rendered so a plan refuses a policy
 * IAM would refuse at creation.
 */
public final class ManagedPolicyLimit {
    /**
     * Characters of a managed policy, not counting whitespace (documents here are rendered without any):
     * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html, "Managed policy size".
     */
    public static final int CHARACTERS = 6_144;

    private ManagedPolicyLimit() {
    }

    /**
     * @param what     the policy, as the error names it, e.g. {@code the permissions boundary}
     * @param document the rendered document
     * @return {@code document}, when it fits
     * @throws IllegalStateException when it is longer than IAM accepts
     */
    public static String within(String what, String document) {
        if (document.length() > CHARACTERS) {
            throw new IllegalStateException(what + " has " + document.length() + " characters, more than the "
                    + CHARACTERS + " IAM accepts for a managed policy");
        }
        return document;
    }
}
