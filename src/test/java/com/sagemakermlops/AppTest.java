package com.sagemakermlops;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The jar is the Pulumi program only when the Java language host starts it; otherwise it is the command line. */
class AppTest {
    private static final Map<String, String> LANGUAGE_HOST = Map.of("PULUMI_MONITOR", "127.0.0.1:50001",
            "PULUMI_ENGINE", "127.0.0.1:50002", "PULUMI_PROJECT", "sagemaker-mlops", "PULUMI_STACK", "dev",
            "PULUMI_DRY_RUN", "true");

    @Test
    void theLanguageHostStartsTheProgram() {
        assertThat(App.startedByPulumi(new String[0], LANGUAGE_HOST)).isTrue();
    }

    @Test
    void anyOtherStartIsTheCommandLine() {
        assertThat(App.startedByPulumi(new String[0], Map.of())).isFalse();
        assertThat(App.startedByPulumi(new String[0], Map.of("PULUMI_CONFIG", "{}", "PULUMI_STACK", "dev"))).isFalse();
        assertThat(App.startedByPulumi(new String[0], Map.of("PULUMI_MONITOR", "127.0.0.1:1"))).isFalse();
        assertThat(App.startedByPulumi(new String[] {"plan", "dev"}, LANGUAGE_HOST)).isFalse();
    }
}
