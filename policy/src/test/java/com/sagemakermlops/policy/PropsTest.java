package com.sagemakermlops.policy;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the policies evaluating one resource work out from its properties is worked out once and shared. */
class PropsTest {
    @Test
    void aDerivedValueIsComputedOnceAndSharedByKey() {
        Props props = new Props(Map.of("policy", "{}"));
        List<String> computed = new ArrayList<>();

        Object first = props.derived("documents", () -> computed.add("documents") ? List.of("parsed") : null);
        Object again = props.derived("documents", () -> computed.add("documents") ? List.of("again") : null);
        props.derived("other", () -> computed.add("other"));

        assertThat(first).isSameAs(again).isEqualTo(List.of("parsed"));
        assertThat(computed).containsExactly("documents", "other");
    }

    @Test
    void aFailedComputationIsNotKeptSoEveryPolicyThatAsksSeesTheFailure() {
        Props props = new Props(Map.of("policy", PropertyValues.UNKNOWN));
        List<String> attempts = new ArrayList<>();

        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> props.derived("documents", () -> {
                attempts.add("parse");
                return props.string("policy");
            })).isInstanceOf(UnknownValueException.class);
        }
        assertThat(attempts).hasSize(2);
    }
}
