package com.sagemakermlops.components.iam;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ManagedPolicyLimitTest {

    @Test
    void aDocumentOfExactlyTheLimitPassesUnchanged() {
        String document = "x".repeat(6_144);

        assertThat(ManagedPolicyLimit.within("the policy", document)).isSameAs(document);
    }

    @Test
    void oneCharacterMoreIsRefusedNamingThePolicyAndBothSizes() {
        assertThatThrownBy(() -> ManagedPolicyLimit.within("the permissions boundary", "x".repeat(6_145)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the permissions boundary has 6145 characters, more than the 6144 IAM accepts for a"
                        + " managed policy");
    }
}
