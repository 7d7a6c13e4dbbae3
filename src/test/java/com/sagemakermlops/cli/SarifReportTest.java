package com.sagemakermlops.cli;

import com.google.common.hash.Hashing;
import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.sagemakermlops.policy.Policy;
import com.sagemakermlops.policy.PolicyPack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code mlops plan --sarif}: the output validates against the official SARIF 2.1.0 schema (test resource
 * sarif/sarif-schema-2.1.0.json, its source in sarif/SOURCE.md), carries one rule per policy and one result per
 * finding, locates config-made findings at their key, and reports suppressions as SARIF suppressions.
 */
class SarifReportTest {
    private static final String SCHEMA_SHA256 = "c3b4bb2d6093897483348925aaa73af03b3e3f4bd4ca38cef26dcb4212a2682e";
    private static byte[] schemaBytes;
    private static JsonSchema schema;

    private final MlopsRun run = new MlopsRun();

    @BeforeAll
    static void loadSchema() throws IOException {
        try (InputStream in = SarifReportTest.class.getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
            schemaBytes = in.readAllBytes();
        }
        schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4)
                .getSchema(new String(schemaBytes, StandardCharsets.UTF_8));
    }

    private int mlops(String... args) {
        return run.mlops(args);
    }

    private static Set<ValidationMessage> problems(String sarif) {
        return schema.validate(sarif, InputFormat.JSON);
    }

    private static JsonObject run(Path sarif) throws IOException {
        return JsonParser.parseString(Files.readString(sarif)).getAsJsonObject().getAsJsonArray("runs").get(0)
                .getAsJsonObject();
    }

    private static List<JsonObject> results(Path sarif, String ruleId) throws IOException {
        return run(sarif).getAsJsonArray("results").asList().stream().map(r -> r.getAsJsonObject())
                .filter(r -> r.get("ruleId").getAsString().equals(ruleId)).toList();
    }

    private static JsonObject physicalLocation(JsonObject result) {
        return result.getAsJsonArray("locations").get(0).getAsJsonObject().getAsJsonObject("physicalLocation");
    }

    @Test
    void theSchemaIsTheOfficialOneUnchanged() {
        assertThat(Hashing.sha256().hashBytes(schemaBytes).toString()).isEqualTo(SCHEMA_SHA256);
    }

    @Test
    void theShippedStacksGiveValidSarifWithARulePerPolicyAndAResultPerFinding(@TempDir Path dir) throws IOException {
        Path sarif = dir.resolve("plan.sarif");
        Path json = dir.resolve("plan.json");

        assertThat(mlops("plan", "dev", "preprod", "prod", "--sarif", sarif.toString(), "--json", json.toString()))
                .as(run.stderr()).isZero();

        String text = Files.readString(sarif);
        assertThat(problems(text)).isEmpty();
        JsonObject run = run(sarif);
        var rules = run.getAsJsonObject("tool").getAsJsonObject("driver").getAsJsonArray("rules");
        List<Policy> policies = PolicyPack.standard().policies();
        assertThat(rules).hasSize(policies.size());
        for (int i = 0; i < policies.size(); i++) {
            JsonObject rule = rules.get(i).getAsJsonObject();
            assertThat(rule.get("id").getAsString()).isEqualTo(policies.get(i).name());
            assertThat(rule.getAsJsonObject("help").get("text").getAsString()).isEqualTo(policies.get(i).remediation());
            assertThat(rule.getAsJsonObject("fullDescription").get("text").getAsString())
                    .isEqualTo(policies.get(i).description());
        }

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> stacks = (List<Map<String, Object>>) new Gson()
                .fromJson(Files.readString(json), Map.class).get("stacks");
        long findings = stacks.stream().mapToLong(s -> ((List<?>) s.get("violations")).size()).sum();
        var results = run.getAsJsonArray("results");
        assertThat(results).hasSize((int) findings);
        assertThat(results).allSatisfy(r -> {
            JsonObject result = r.getAsJsonObject();
            JsonObject artifact = physicalLocation(result).getAsJsonObject("artifactLocation");
            assertThat(artifact.get("uri").getAsString()).isIn("Pulumi.dev.yaml", "Pulumi.preprod.yaml",
                    "Pulumi.prod.yaml");
            assertThat(artifact.get("uriBaseId").getAsString()).isEqualTo(SarifReport.SOURCE_ROOT);
            assertThat(rules.get(result.get("ruleIndex").getAsInt()).getAsJsonObject().get("id"))
                    .isEqualTo(result.get("ruleId"));
        });
        assertThat(results).filteredOn(r -> r.getAsJsonObject().has("suppressions")).isNotEmpty()
                .allSatisfy(r -> assertThat(r.getAsJsonObject().getAsJsonArray("suppressions").get(0)
                        .getAsJsonObject().get("justification").getAsString()).hasSizeGreaterThanOrEqualTo(10));
    }

    @Test
    void aFindingFromABuildPolicyPointsAtItsKeyAndLine(@TempDir Path dir) throws IOException {
        Path file = MlopsRun.devWithBuildPolicies(dir, "wild", ""
                + "      - policyArn: arn:aws:iam::111122223333:policy/data-lake-read\n"
                + "      - policyDocument:\n"
                + "          Statement:\n"
                + "            - {Effect: Allow, Action: 's3:*', Resource: 'arn:aws:s3:::lake/*'}\n"
                + "        suppressions:\n"
                + "          - {id: iam-no-wildcard-resources, reason: not relevant to this policy}\n");
        String yaml = Files.readString(file);
        int documentLine = yaml.lines().toList().indexOf("      - policyDocument:") + 1;
        Path sarif = dir.resolve("wild.sarif");

        assertThat(mlops("plan", file.toString(), "--sarif", sarif.toString()))
                .as(run.stderr()).isEqualTo(1);

        assertThat(problems(Files.readString(sarif))).isEmpty();
        var wildcard = results(sarif, "iam-no-wildcard-actions");
        assertThat(wildcard).singleElement().satisfies(result -> {
            assertThat(result.get("level").getAsString()).isEqualTo("error");
            assertThat(result.getAsJsonObject("properties").get("keyPath").getAsString())
                    .isEqualTo("sagemaker-mlops:training.buildPolicies[1].policyDocument");
            JsonObject physical = physicalLocation(result);
            assertThat(physical.getAsJsonObject("artifactLocation").get("uri").getAsString())
                    .isEqualTo(file.toAbsolutePath().toUri().toString());
            assertThat(physical.getAsJsonObject("region").get("startLine").getAsInt()).isEqualTo(documentLine);
            assertThat(result.has("suppressions")).isFalse();
        });
    }

    @Test
    void aFindingOnTheEndpointRulesPointsAtTheIngressKey(@TempDir Path dir) throws IOException {
        String seed = Path.of("seed-code").toAbsolutePath() + "/";
        String yaml = Files.readString(Path.of("Pulumi.dev.yaml")).replace("seed-code/", seed)
                .replace("allowedIngressCidrs: [\"10.20.0.0/16\"]", "allowedIngressCidrs: [\"10.20.0.0/16\", \"0.0.0.0/0\"]");
        Path file = Files.writeString(dir.resolve("Pulumi.open.yaml"), yaml);
        int ingressLine = yaml.lines().map(String::trim).toList().indexOf(
                "allowedIngressCidrs: [\"10.20.0.0/16\", \"0.0.0.0/0\"]") + 1;
        Path sarif = dir.resolve("open.sarif");

        assertThat(mlops("plan", file.toString(), "--sarif", sarif.toString()))
                .as(run.stderr()).isZero();

        assertThat(problems(Files.readString(sarif))).isEmpty();
        var open = results(sarif, "sg-no-public-ingress");
        assertThat(open).singleElement().satisfies(result -> {
            assertThat(result.get("level").getAsString()).isEqualTo("warning");
            assertThat(result.getAsJsonObject("properties").get("keyPath").getAsString())
                    .isEqualTo("sagemaker-mlops:network.allowedIngressCidrs");
            assertThat(physicalLocation(result).getAsJsonObject("region").get("startLine").getAsInt())
                    .isEqualTo(ingressLine);
        });
    }

    @Test
    void theValidatorRefusesWhatSarifDoesNotAllow() {
        String valid = """
                {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": [
                  {"ruleId": "r", "level": "error", "message": {"text": "m"}}]}]}""";
        assertThat(problems(valid)).isEmpty();

        assertThat(problems(valid.replace("\"error\"", "\"fatal\""))).isNotEmpty();
        assertThat(problems(valid.replace("\"2.1.0\"", "\"2.0.0\""))).isNotEmpty();
        assertThat(problems(valid.replace("{\"text\": \"m\"}", "\"m\""))).isNotEmpty();
        assertThat(problems(valid.replace("\"ruleId\"", "\"rule\""))).isNotEmpty();
    }
}
