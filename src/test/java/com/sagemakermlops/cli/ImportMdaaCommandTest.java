package com.sagemakermlops.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code mlops import-mdaa} on the three MDAA samples, kept verbatim in {@code examples/mdaa/}. Their
 * {@code seedCodePath: ../test/test-seed-code.zip} is honoured by copying each sample into {@code <tmp>/mdaa/} and
 * zipping this repository's seed code into {@code <tmp>/test/test-seed-code.zip}, the layout the samples expect.
 */
class ImportMdaaCommandTest {
    private static final String SEED_ZIP = "../test/test-seed-code.zip";
    /** The samples' placeholder network ids and the realistic ids the checked-in stack files use instead. */
    private static final Map<String, String> REAL_IDS = Map.ofEntries(
            Map.entry("vpc-dev", "vpc-0d1e2f3a4b5c60001"),
            Map.entry("subnet-dev-1", "subnet-0d1e2f3a4b5c60011"),
            Map.entry("subnet-dev-2", "subnet-0d1e2f3a4b5c60012"),
            Map.entry("sg-dev-1", "sg-0d1e2f3a4b5c60021"),
            Map.entry("vpc-preprod", "vpc-0b1c2d3e4f5a60001"),
            Map.entry("subnet-pp-1", "subnet-0b1c2d3e4f5a60011"),
            Map.entry("sg-pp-1", "sg-0b1c2d3e4f5a60021"),
            Map.entry("vpc-prod", "vpc-0c1d2e3f4a5b60001"),
            Map.entry("subnet-prod-1", "subnet-0c1d2e3f4a5b60011"),
            Map.entry("sg-prod-1", "sg-0c1d2e3f4a5b60021"));
    private static final String DEPLOY_ZIP_PROBLEM = "  sagemaker-mlops:deploy.seedCodePath: expected a directory (the "
            + "deploy repository also carries this Pulumi program beside the seed code; unzip it), got \"" + SEED_ZIP + "\"";
    private static final List<String> ACCOUNTS_AND_REGION = List.of("--context", "account-2=222233334444",
            "--context", "account-3=333344445555", "--context", "region=us-west-2");

    @TempDir
    Path dir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void layOutTheSamplesAsMdaaExpects() throws IOException {
        Files.createDirectories(dir.resolve("mdaa"));
        Files.createDirectories(dir.resolve("stacks"));
        try (Stream<Path> samples = Files.list(Path.of("examples", "mdaa"))) {
            for (Path sample : samples.toList()) {
                Files.copy(sample, dir.resolve("mdaa").resolve(sample.getFileName()));
            }
        }
        zip(Path.of("seed-code", "model-build"), Files.createDirectories(dir.resolve("test")).resolve("test-seed-code.zip"));
    }

    private static void zip(Path folder, Path zipFile) throws IOException {
        try (OutputStream file = Files.newOutputStream(zipFile); ZipOutputStream zip = new ZipOutputStream(file);
             Stream<Path> tree = Files.walk(folder)) {
            for (Path path : tree.filter(Files::isRegularFile)
                    .filter(p -> !p.toString().contains("__pycache__") && !p.toString().contains(".pytest_cache"))
                    .sorted().toList()) {
                zip.putNextEntry(new ZipEntry(folder.relativize(path).toString().replace('\\', '/')));
                Files.copy(path, zip);
                zip.closeEntry();
            }
        }
    }

    private int mlops(List<String> args) {
        return Mlops.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private int importSample(String sample, Path target, List<String> context) {
        List<String> args = new ArrayList<>(List.of("import-mdaa",
                dir.resolve("mdaa").resolve("sample-config-" + sample + ".yaml").toString(),
                "--stack", "mdaa-" + sample, "--out", target.toString()));
        args.addAll(context);
        return mlops(args);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> config(Path stackFile) throws IOException {
        Map<String, Object> document = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(stackFile));
        return (Map<String, Object>) document.get("config");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> block(Map<String, Object> config, String key) {
        return (Map<String, Object>) config.get("sagemaker-mlops:" + key);
    }

    /** {@code value} with every placeholder id replaced by its realistic one. */
    private static Object withRealIds(Object value) {
        if (value instanceof String s) {
            return REAL_IDS.getOrDefault(s, s);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), withRealIds(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(ImportMdaaCommandTest::withRealIds).toList();
        }
        return value;
    }

    private List<String> problemLines() {
        return stderr().lines().filter(line -> line.startsWith("  sagemaker-mlops:")).toList();
    }

    @Test
    void comprehensiveKeepsTheMdaaKeysAndSubstitutesOnlyTheContext() throws IOException {
        Path target = dir.resolve("stacks").resolve("Pulumi.mdaa-comprehensive.yaml");
        List<String> context = new ArrayList<>(ACCOUNTS_AND_REGION);
        context.addAll(List.of("--context", "org=globalbank", "--context", "environment=dev",
                "--context", "clientId=c001", "--context", "name=fraud"));

        int exit = importSample("comprehensive", target, context);

        Map<String, Object> config = config(target);
        Map<String, Object> training = block(config, "training");
        Map<String, Object> deploy = block(config, "deploy");
        assertThat(config).containsEntry("aws:region", "us-west-2").containsEntry("sagemaker-mlops:role", "tooling")
                .containsEntry("sagemaker-mlops:tier", "professional")
                .containsEntry("sagemaker-mlops:product",
                        Map.of("org", "globalbank", "environment", "dev", "clientId", "c001", "name", "fraud"));
        assertThat(training.keySet()).containsExactly("projectName", "domainId", "domainArn", "enableNetworkIsolation",
                "enableInterContainerEncryption", "seedCodePath", "preProdAccountId", "prodAccountId", "devEnvironment");
        assertThat(deploy.keySet()).containsExactly("projectName", "domainId", "domainArn", "modelPackageGroupName",
                "modelBucketName", "pipelineBucketName", "enableNetworkIsolation", "enableManualApproval",
                "enableEventBridgeTrigger", "enableDataCapture", "seedCodePath", "devEnvironment", "preProdEnvironment",
                "prodEnvironment");
        assertThat(training).containsEntry("preProdAccountId", "222233334444").containsEntry("prodAccountId", "333344445555")
                .containsEntry("domainArn", "arn:{{partition}}:sagemaker:{{region}}:{{account}}:domain/d-test123")
                .containsEntry("enableNetworkIsolation", false)
                .containsEntry("seedCodePath", SEED_ZIP);
        assertThat(deploy).containsEntry("seedCodePath", "mdaa-comprehensive-model-deploy");
        assertThat(target.resolveSibling("mdaa-comprehensive-model-deploy").resolve("buildspec.yml")).isRegularFile();
        assertThat(deploy.get("preProdEnvironment")).isEqualTo(Map.of("accountId", "222233334444",
                "region", "{{region}}", "vpcId", "vpc-preprod", "subnetIds", List.of("subnet-pp-1"),
                "securityGroupIds", List.of("sg-pp-1")));
        assertThat(stdout()).contains("wrote " + target).contains("note: deploy.seedCodePath: unpacked "
                + SEED_ZIP + " into mdaa-comprehensive-model-deploy/");

        // The sample's network ids are placeholders: the import says which keys need real ones, and nothing else.
        assertThat(exit).isEqualTo(2);
        assertThat(stderr()).contains("Pulumi.mdaa-comprehensive.yaml needs changes before it plans:")
                .contains("  sagemaker-mlops:training.devEnvironment.vpcId: expected a VPC id such as "
                        + "vpc-0a1b2c3d4e5f67890, got \"vpc-dev\"")
                .contains("  sagemaker-mlops:deploy.prodEnvironment.securityGroupIds[0]: expected a security group id "
                        + "such as sg-0a1b2c3d4e5f67890, got \"sg-prod-1\"");
        assertThat(problemLines()).hasSize(13)
                .allMatch(line -> REAL_IDS.keySet().stream().anyMatch(id -> line.endsWith("\"" + id + "\"")));
    }

    @Test
    void comprehensivePlansOnceTheNetworkIdsAreReal() throws IOException {
        Path target = dir.resolve("stacks").resolve("Pulumi.mdaa-comprehensive.yaml");
        importSample("comprehensive", target, ACCOUNTS_AND_REGION);
        String imported = Files.readString(target);
        for (var id : REAL_IDS.entrySet()) {
            imported = imported.replaceAll("(?m)(: |- )" + id.getKey() + "$", "$1" + id.getValue());
        }
        Files.writeString(target, imported);
        out.reset();
        err.reset();

        assertThat(mlops(List.of("plan", target.toString()))).as(stdout() + stderr()).isZero();
        assertThat(stdout()).contains("Stack mdaa-comprehensive (tooling, professional, us-west-2)")
                .contains("sagemaker-mlops:deploy:DeployPipeline  deploy");
    }

    @ParameterizedTest
    @ValueSource(strings = {"minimal", "build-policies"})
    void samplesPlanAsImported(String sample) throws IOException {
        Path target = dir.resolve("stacks").resolve("Pulumi.mdaa-" + sample + ".yaml");

        assertThat(importSample(sample, target, ACCOUNTS_AND_REGION)).as(stderr()).isZero();
        assertThat(block(config(target), "training")).containsEntry("seedCodePath", SEED_ZIP);
        assertThat(block(config(target), "deploy")).containsEntry("seedCodePath", "mdaa-" + sample + "-model-deploy");

        assertThat(mlops(List.of("plan", target.toString()))).as(stdout() + stderr()).isZero();
        assertThat(stdout()).contains("Stack mdaa-" + sample + " (tooling, professional, us-west-2)")
                .contains("sagemaker-mlops:deploy:DeployPipeline  deploy");
    }

    @Test
    void buildPoliciesKeepTheRunTimePlaceholdersAndTheSuppression() throws IOException {
        Path target = dir.resolve("Pulumi.mdaa-build-policies.yaml");

        importSample("build-policies", target, ACCOUNTS_AND_REGION);

        Map<String, Object> training = block(config(target), "training");
        assertThat(training).containsEntry("seedCodePath", "test/test-seed-code.zip");
        assertThat(String.valueOf(training.get("buildPolicies")))
                .contains("Resource=arn:{{partition}}:codeartifact:{{region}}:{{account}}:domain/mdaa")
                .contains("suppressions=[{id=AwsSolutions-IAM5, reason=sts:GetServiceBearerToken requires Resource:*");
        assertThat(block(config(target), "deploy").get("buildPolicies"))
                .isEqualTo(List.of(Map.of("policyArn", "arn:{{partition}}:iam::{{account}}:policy/CodeArtifactReadOnly")));
    }

    @Test
    void theProductDefaultsAreDerivedAndPrinted() throws IOException {
        Path target = dir.resolve("new-folder").resolve("Pulumi.mdaa-minimal.yaml");

        importSample("minimal", target, List.of());

        assertThat(stdout()).contains("note: region = us-east-1 (default; pass --context region=VALUE to choose)")
                .contains("note: org = mdaa (default; pass --context org=VALUE to choose)")
                .contains("note: environment = dev (default")
                .contains("note: clientId = c001 (default")
                .contains("note: name = test-minimal (default");
        assertThat(config(target)).containsEntry("aws:region", "us-east-1").containsEntry("sagemaker-mlops:product",
                Map.of("org", "mdaa", "environment", "dev", "clientId", "c001", "name", "test-minimal"));
    }

    @Test
    void withoutTheEventBridgeTriggerTheTierIsStarter() throws IOException {
        Path mdaa = dir.resolve("mdaa").resolve("no-trigger.yaml");
        Files.writeString(mdaa, Files.readString(dir.resolve("mdaa").resolve("sample-config-minimal.yaml"))
                .replace("  modelBucketName: test-bucket\n", "  modelBucketName: test-bucket\n  enableEventBridgeTrigger: false\n"));
        Path target = dir.resolve("stacks").resolve("Pulumi.no-trigger.yaml");

        mlops(List.of("import-mdaa", mdaa.toString(), "--stack", "no-trigger", "--out", target.toString()));

        assertThat(config(target)).containsEntry("sagemaker-mlops:tier", "starter");
        assertThat(block(config(target), "deploy")).containsEntry("enableEventBridgeTrigger", false);
    }

    @Test
    void aMissingContextValueNamesTheKeyPathAndExitsTwo() {
        Path target = dir.resolve("stacks").resolve("Pulumi.mdaa-comprehensive.yaml");

        int exit = importSample("comprehensive", target, List.of("--context", "account-3=333344445555"));

        assertThat(exit).isEqualTo(2);
        assertThat(stderr().lines().toList()).containsExactly(
                "training.preProdAccountId: {{context:account-2}} needs --context account-2=VALUE",
                "deploy.preProdEnvironment.accountId: {{context:account-2}} needs --context account-2=VALUE");
        assertThat(target).doesNotExist();
    }

    @Test
    void theCheckedInMdaaStacksAreWhatTheImportWrites() throws IOException {
        for (String sample : List.of("minimal", "comprehensive", "build-policies")) {
            Path target = dir.resolve("stacks").resolve("Pulumi.mdaa-" + sample + ".yaml");
            importSample(sample, target, ACCOUNTS_AND_REGION);
            @SuppressWarnings("unchecked")
            Map<String, Object> imported = (Map<String, Object>) withRealIds(config(target));
            block(imported, "training").put("seedCodePath", "../seed-code/model-build");
            block(imported, "deploy").put("seedCodePath", "../seed-code/model-deploy");

            assertThat(config(Path.of("examples", "Pulumi.mdaa-" + sample + ".yaml"))).as(sample).isEqualTo(imported);
        }
    }

    @Test
    void usageMistakesExitTwo() {
        assertThat(mlops(List.of("import-mdaa"))).isEqualTo(2);
        assertThat(mlops(List.of("import-mdaa", dir.resolve("mdaa/sample-config-minimal.yaml").toString()))).isEqualTo(2);
        assertThat(mlops(List.of("import-mdaa", dir.resolve("mdaa/none.yaml").toString(), "--stack", "x"))).isEqualTo(2);
        assertThat(mlops(List.of("import-mdaa", dir.resolve("mdaa/sample-config-minimal.yaml").toString(),
                "--stack", "x", "--context", "region"))).isEqualTo(2);
        assertThat(stderr()).contains("usage: mlops import-mdaa").contains("none.yaml: not found")
                .contains("--context expects KEY=VALUE, got \"region\"");
    }
}
