package com.sagemakermlops.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ./mlops plan --against PLAN_JSON} on a real change of a shipped stack: prod moved to another instance type. */
class MlopsPlanAgainstTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int mlops(String... args) {
        out.reset();
        err.reset();
        return Mlops.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aReviewerSeesWhatAnInstanceTypeChangeReplacesAndUpdates(@TempDir Path dir) throws IOException {
        Path base = dir.resolve("base.json");
        assertThat(mlops("plan", "dev", "prod", "--json", base.toString())).isZero();
        Path changed = dir.resolve("Pulumi.prod.yaml");
        Files.writeString(changed, Files.readString(Path.of("Pulumi.prod.yaml"))
                .replace("instanceType: ml.m5.xlarge", "instanceType: ml.c5.2xlarge"));

        assertThat(mlops("plan", "dev", changed.toString(), "--against", base.toString())).isZero();

        String report = stdout().substring(stdout().indexOf("Changes to stack dev against the base plan:"));
        assertThat(report).contains("Changes to stack dev against the base plan:\n"
                + "  0 to create, 0 to update, 0 to replace, 0 to delete\n");
        assertThat(report).containsPattern("\\+- aws:sagemaker/endpointConfiguration:EndpointConfiguration  "
                        + "hosting-prod-config  replace \\[replace: name, productionVariants\\[0]\\.instanceType] "
                        + "\\(delete first\\) \\(the old one is kept in AWS\\)")
                .contains("~  aws:sagemaker/endpoint:Endpoint  hosting-prod-endpoint  update [diff: endpointConfigName]")
                .containsPattern("\\+- aws:appautoscaling/target:Target  hosting-prod-autoscaling-target  replace "
                        + "\\(it is deleted before urn:[^)]*hosting-prod-config is replaced\\) \\(delete first\\)")
                .contains("0 to create, 1 to update, 3 to replace, 0 to delete")
                .doesNotContain("hazard:")
                .doesNotContain("aws:sagemaker/model:Model");
    }

    @Test
    void aBaseThatIsNotAPlanIsAUsageError(@TempDir Path dir) throws IOException {
        Path notAPlan = dir.resolve("notes.json");
        Files.writeString(notAPlan, "[\"not a plan\"]");

        assertThat(mlops("plan", "prod", "--against", notAPlan.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--against " + notAPlan
                + ": expected a plan written by --json").doesNotContain("Exception");
    }
}
