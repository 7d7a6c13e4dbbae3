package com.sagemakermlops.cli;

import com.google.gson.Gson;
import com.sagemakermlops.policy.PropertyValues;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class MlopsPlanTest {
    private final MlopsRun run = new MlopsRun();


    @Test
    void plansTheCheckedInStacksWithCrossStackAndCrossAccountEdges(@TempDir Path dir) throws IOException {
        Path json = dir.resolve("plan.json");
        Path graph = dir.resolve("plan.mmd");

        int exit = run.mlops("plan", "dev", "preprod", "prod", "--json", json.toString(), "--graph", graph.toString());

        assertThat(exit).as(run.stdout() + run.stderr()).isZero();
        assertThat(run.stdout())
                .contains("Stack dev (tooling, enterprise, us-west-2)")
                .contains("sagemaker-mlops:training:TrainingPipeline  training")
                .contains("sagemaker-mlops:deploy:DeployPipeline  deploy")
                .contains("sagemaker-mlops:hosting:ModelHosting")
                .containsPattern("Summary: 3 stacks, \\d+ resources, 0 mandatory");
        assertThat(Files.readString(graph)).contains("==>|stack reference|").contains("account 222233334444")
                .contains("-.->|deploys|");

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> stacks = (List<Map<String, Object>>) new Gson()
                .fromJson(Files.readString(json), Map.class).get("stacks");
        assertThat(stacks).extracting(s -> s.get("stack")).containsExactly("dev", "preprod", "prod");
        @SuppressWarnings("unchecked")
        Map<String, Object> devOutputs = (Map<String, Object>) stacks.get(0).get("outputs");
        assertThat(devOutputs).containsKeys("kmsKeyArn", "modelBucketName", "environments");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> resources = (List<Map<String, Object>>) stacks.get(1).get("resources");
        assertThat(resources).allSatisfy(r -> assertThat(r).containsKeys("urn", "type", "name", "parent", "provider",
                "dependencies", "inputs"));
    }

    /** The plan is written aside and moved into place, with the permissions of any new file there. */
    @Test
    void theJsonPlanGetsThePermissionsOfANewFile(@TempDir Path dir) throws IOException {
        Path json = dir.resolve("plan.json");
        assertThat(run.mlops("plan", "prod", "--json", json.toString())).isZero();
        Path plain = Files.createFile(dir.resolve("new-file"));
        assertThat(Files.getPosixFilePermissions(json)).isEqualTo(Files.getPosixFilePermissions(plain));
    }

    @Test
    void hostingStackReadsToolingOutputsFromAGivenPlan(@TempDir Path dir) throws IOException {
        Path json = dir.resolve("dev.json");
        assertThat(run.mlops("plan", "dev", "--json", json.toString())).isZero();
        run.reset();

        assertThat(run.mlops("plan", "preprod", "--stack-outputs", "dev=" + json)).as(run.stderr()).isZero();
        assertThat(run.stdout()).doesNotContain("note: outputs of").contains("Stack preprod (hosting");
        run.reset();

        Path shortReference = Files.writeString(dir.resolve("Pulumi.stage.yaml"), Files.readString(
                Path.of("Pulumi.preprod.yaml")).replace("toolingStack: organization/sagemaker-mlops/dev", "toolingStack: dev"));
        assertThat(run.mlops("plan", shortReference.toString(), "--stack-outputs", "organization/sagemaker-mlops/dev=" + json))
                .as(run.stderr()).isZero();
        assertThat(run.stdout()).doesNotContain("note: outputs of").contains("Stack stage (hosting");
    }

    @Test
    void aReferencedToolingStackFileIsPlannedOnceForEveryHostingStack() {
        assertThat(run.mlops("plan", "preprod", "prod")).as(run.stdout() + run.stderr()).isZero();

        assertThat(run.stdout().lines().filter(line -> line.contains("note: ")).toList()).containsExactly(
                "  note: outputs of organization/sagemaker-mlops/dev come from an offline plan of Pulumi.dev.yaml");
        assertThat(run.stdout()).contains("Stack preprod (hosting").contains("Stack prod (hosting")
                .doesNotContain("Stack dev (");
    }

    @Test
    void aToolingStackWithoutOutputsOrFileGivesMarkedPlaceholders(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("Pulumi.stage.yaml"), Files.readString(Path.of("Pulumi.preprod.yaml"))
                .replace("toolingStack: organization/sagemaker-mlops/dev", "toolingStack: elsewhere"));

        assertThat(run.mlops("plan", file.toString())).as(run.stdout() + run.stderr()).isZero();

        assertThat(run.stdout()).contains("  note: outputs of elsewhere are placeholders (\"placeholder-...\"): "
                + "pass --stack-outputs elsewhere=PLAN_JSON for real ones");
    }

    /**
     * A secret of the tooling stack stays secret in the hosting stack that reads it: the prod external ID set with
     * --secret (a stack-file ciphertext plans as "offline-secret") reaches the prod stack's provider only inside a
     * secret. The SDK sends a provider its nested settings as JSON text, a secret one as the secret's wire form.
     */
    @Test
    void aToolingSecretReadByAHostingStackStaysSecretThere(@TempDir Path dir) throws IOException {
        String dev = Files.readString(Path.of("Pulumi.dev.yaml")).replace("seedCodePath: seed-code/",
                "seedCodePath: " + Path.of("seed-code").toAbsolutePath() + "/");
        Path tooling = Files.writeString(dir.resolve("Pulumi.devsecret.yaml"), dev.replace(
                "externalId: globalbank-fraud-detection-prod", "externalId: {secure: v1:cHJvZA==}"));
        Path hosting = Files.writeString(dir.resolve("Pulumi.prodsecret.yaml"), Files.readString(
                Path.of("Pulumi.prod.yaml")).replace("organization/sagemaker-mlops/dev", "organization/sagemaker-mlops/devsecret"));
        Path json = dir.resolve("plan.json");

        assertThat(run.mlops("plan", tooling.toString(), hosting.toString(), "--json", json.toString()))
                .as(run.stderr()).isZero();

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> stacks = (List<Map<String, Object>>) new Gson().fromJson(Files.readString(json),
                Map.class).get("stacks");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> prod = (List<Map<String, Object>>) stacks.get(1).get("resources");
        List<String> carriers = prod.stream().flatMap(r -> ((Map<?, ?>) r.get("inputs")).values().stream())
                .map(String::valueOf).filter(value -> value.contains("offline-secret")).toList();
        String secretOnTheWire = "{\"" + PropertyValues.SIG_KEY + "\":\"" + PropertyValues.SECRET_SIG + "\"";
        assertThat(carriers).isNotEmpty().allSatisfy(value -> assertThat(value).startsWith(secretOnTheWire));
    }

    @Test
    void fiveMistakesGiveFiveMessagesAndExitTwo(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("Pulumi.broken.yaml");
        Files.writeString(file, """
                config:
                  aws:region: us-west-2
                  sagemaker-mlops:role: tooling
                  sagemaker-mlops:tier: platinum
                  sagemaker-mlops:product: {org: globalbank, environment: prod, clientId: c001, name: fraud}
                  sagemaker-mlops:training: {projectName: t, seedCodePath: nowhere}
                  sagemaker-mlops:deploy:
                    projectName: d
                    seedCodePath: .
                    codeStarConnection: {}
                    prodEnvironment: {accountId: "12345", region: us-west-2}
                  sagemaker-mlops:security: {logRetentionDays: 30}
                """);

        assertThat(run.mlops("plan", file.toString())).isEqualTo(2);
        assertThat(run.stderr().lines().filter(line -> line.startsWith("  sagemaker-mlops:")).toList()).containsExactly(
                "  sagemaker-mlops:tier: expected one of starter | professional | enterprise, got \"platinum\"",
                "  sagemaker-mlops:training.seedCodePath: expected an existing directory or .zip file, got \"nowhere\" (not found)",
                "  sagemaker-mlops:deploy.prodEnvironment.accountId: expected 12 digits, got \"12345\"",
                "  sagemaker-mlops:deploy.codeStarConnection: unknown key; expected one of "
                        + "projectName, domainId, domainArn, modelPackageGroupName, modelBucketName, pipelineBucketName, "
                        + "enableNetworkIsolation, enableManualApproval, enableEventBridgeTrigger, enableDataCapture, "
                        + "seedCodePath, devEnvironment, preProdEnvironment, prodEnvironment, buildPolicies, "
                        + "operatorRoleArns, pulumiBackendUrl, pulumiAccessTokenSecretArn",
                "  sagemaker-mlops:security.logRetentionDays: expected a whole number from 90 to 3653, got 30");
        assertThat(run.stderr()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(run.stdout()).isEmpty();
    }

    /** The stack files are read side by side; what is wrong with them is told in the order they were given. */
    @Test
    void theProblemsOfSeveralStackFilesComeInTheOrderTheyWereGiven(@TempDir Path dir) throws IOException {
        List<String> given = new ArrayList<>();
        for (String name : List.of("zeta", "alpha", "mid")) {
            Path file = dir.resolve("Pulumi." + name + ".yaml");
            Files.writeString(file, "config:\n  aws:region: us-west-2\n  sagemaker-mlops:role: tooling\n"
                    + "  sagemaker-mlops:tier: " + name + "\n");
            given.add(file.toString());
        }
        given.add(1, dir.resolve("Pulumi.missing.yaml").toString());

        assertThat(run.mlops(Stream.concat(Stream.of("plan"), given.stream()).toArray(String[]::new))).isEqualTo(2);
        assertThat(run.stderr().lines().filter(line -> line.startsWith("stack ")).map(line -> line.split(" ")[1]))
                .containsExactly("zeta", "missing", "alpha", "mid");
        assertThat(run.stderr()).contains("expected one of starter | professional | enterprise, got \"zeta\"");
    }

    @Test
    void usageErrorsExitTwo() {
        assertThat(run.mlops("plan")).isEqualTo(2);
        assertThat(run.mlops("plan", "dev", "--json")).isEqualTo(2);
        assertThat(run.mlops("plan", "dev", "--stack-outputs", "dev")).isEqualTo(2);
        assertThat(run.mlops("deploy")).isEqualTo(2);
        assertThat(run.stderr()).contains("usage: mlops plan");
    }

    private static Path stackFileWithBuildPolicy(Path dir, String name, String suppressions) throws IOException {
        return MlopsRun.devWithBuildPolicies(dir, name, "      - policyDocument:\n"
                + "          Statement:\n"
                + "            - {Effect: Allow, Action: 's3:*', Resource: '*'}\n"
                + suppressions);
    }

    @Test
    void aWildcardBuildPolicyIsAMandatoryViolation(@TempDir Path dir) throws IOException {
        Path file = stackFileWithBuildPolicy(dir, "wild", "");

        assertThat(run.mlops("plan", file.toString())).as(run.stdout() + run.stderr()).isEqualTo(1);
        assertThat(run.stdout()).containsPattern("\\[mandatory] iam-no-wildcard-actions \\(aws:iam/policy:Policy: [^)]+\\)")
                .contains("BLOCKED");
    }

    @Test
    void aSuppressedFindingIsReportedButDoesNotBlock(@TempDir Path dir) throws IOException {
        String reason = "the build syncs arbitrary buckets of the data lake";
        Path file = stackFileWithBuildPolicy(dir, "suppressed", "        suppressions:\n"
                + "          - {id: iam-no-wildcard-actions, reason: " + reason + "}\n"
                + "          - {id: AwsSolutions-IAM5, reason: " + reason + "}\n");

        int exit = run.mlops("plan", file.toString());

        assertThat(run.stdout()).contains("[suppressed] iam-no-wildcard-actions").contains("reason: " + reason);
        assertThat(exit).as(run.stdout()).isZero();
    }
}
