package com.sagemakermlops.stacks;

import com.sagemakermlops.config.ConfigSources;
import com.sagemakermlops.config.InvalidConfigException;
import com.sagemakermlops.config.StackConfig;
import com.sagemakermlops.config.StackConfigParser;
import com.sagemakermlops.engine.RecordedResource;
import com.sagemakermlops.engine.Recording;
import com.sagemakermlops.policy.PropertyValues;
import com.sagemakermlops.testing.EngineConfig;
import com.sagemakermlops.testing.TestStacks;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Values set with {@code pulumi config set --secret} stay secret: the engine hands the program the decrypted
 * configuration with the secret keys listed in {@code PULUMI_CONFIG_SECRET_KEYS}, and every resource input and
 * output that carries such a value carries it as a secret; a secret where the program cannot keep it one is refused.
 */
class SecretConfigTest {
    private static final String PREPROD_EXTERNAL_ID = "globalbank-fraud-detection-preprod";
    private static final String PROD_EXTERNAL_ID = "globalbank-fraud-detection-prod";
    private static final String ALERT_ENDPOINT = "ml-security@globalbank.example.com";
    /** A secret on the wire: signature key and the secret signature (pulumi/pulumi sdk/go/common/resource/sig/sig.go). */
    private static final String SECRET_ON_THE_WIRE =
            "{\"4dabf18193072939515e22adb298388d\":\"1b47061264138c4ac30d75fd1eb44270\"";

    /** The dev stack file as the engine passes it to the program: every value a string, objects as JSON text. */
    private static String engineConfig() throws IOException {
        Map<String, Object> settings = ConfigSources.fromYaml("Pulumi.dev.yaml", Files.readString(Path.of("Pulumi.dev.yaml")));
        Map<String, String> engine = new LinkedHashMap<>();
        settings.forEach((key, value) -> engine.put(key.replace("sagemaker-mlops:", "sagemaker-mlops:config:"),
                EngineConfig.text(value)));
        return EngineConfig.json(engine);
    }

    private static StackConfig fromEngine(String secretKeys) throws IOException {
        return new StackConfigParser(TestStacks.ROOT, () -> Optional.of(TestStacks.TOOLING_ACCOUNT))
                .parse(ConfigSources.fromPulumiEngine(engineConfig(), secretKeys));
    }

    /**
     * Every plain (not secret) string of the recorded resource inputs and stack outputs. Resource outputs are left out:
     * the real engine marks an output secret when the input of that name is (pulumi/pulumi
     * pkg/resource/deploy/step_executor.go, "If an input secret is potentially leaked as an output"), the mock engine
     * echoes inputs as plain outputs.
     */
    private static List<String> plainStrings(Recording recording) {
        List<String> strings = new ArrayList<>();
        for (RecordedResource r : recording.resources()) {
            collect(r.inputValues(), strings);
        }
        Map<String, Object> outputs = new LinkedHashMap<>(recording.outputs());
        recording.secretOutputs().forEach(outputs::remove);
        collect(outputs, strings);
        return strings;
    }

    private static void collect(Object value, List<String> strings) {
        if (value instanceof PropertyValues.Secret) {
            return;
        }
        if (value instanceof String s && s.startsWith(SECRET_ON_THE_WIRE)) {
            // a provider input: the SDK sends providers their nested settings as JSON text, a secret one as the
            // secret's wire form (signature and value) inside it. pulumi-aws unwraps it when it reads its settings,
            // and its CheckConfig answer, which the engine keeps as the provider's inputs, marks the whole setting
            // secret (pulumi-terraform-bridge pkg/tfbridge/config_encoding.go: tryUnwrapSecret, MarshalProperties)
            return;
        }
        if (value instanceof String s) {
            strings.add(s);
        } else if (value instanceof Map<?, ?> map) {
            map.values().forEach(v -> collect(v, strings));
        } else if (value instanceof List<?> list) {
            list.forEach(v -> collect(v, strings));
        }
    }

    @Test
    void withoutSecretKeysTheValuesArePlainAsBefore() throws IOException {
        Recording plain = TestStacks.run("dev", fromEngine("[]"));

        assertThat(plain.errors()).isEmpty();
        assertThat(plainStrings(plain)).anyMatch(s -> s.contains(PROD_EXTERNAL_ID)).anyMatch(s -> s.contains(ALERT_ENDPOINT));
    }

    @Test
    void secretExternalIdsAndAlertEndpointReachNoResourceOrOutputInTheClear() throws IOException {
        StackConfig config = fromEngine("[\"sagemaker-mlops:deploy\", \"sagemaker-mlops:security\"]");
        assertThat(config.requireDeploy().environments()).allSatisfy(e -> assertThat(e.externalIdSecret()).isTrue());
        assertThat(config.security().alertEndpointSecret()).isTrue();

        Recording secret = TestStacks.run("dev", config);

        assertThat(secret.errors()).isEmpty();
        assertThat(plainStrings(secret)).noneMatch(s -> s.contains(PREPROD_EXTERNAL_ID) || s.contains(PROD_EXTERNAL_ID)
                || s.contains(ALERT_ENDPOINT));
        assertThat(secret.secretOutputs()).contains("environments");
        RecordedResource deployRole = secret.resources().stream()
                .filter(r -> r.name().equals("bootstrap-prod-deploy-role")).findFirst().orElseThrow();
        assertThat(deployRole.inputValues().get("assumeRolePolicy")).isInstanceOf(PropertyValues.Secret.class);
    }

    @Test
    void aSecretWhereItCannotStayOneIsRefusedWithItsKey() throws IOException {
        InvalidConfigException product = catchThrowableOfType(() -> fromEngine("[\"sagemaker-mlops:product\"]"),
                InvalidConfigException.class);
        assertThat(product.problems()).extracting(Object::toString).containsExactly("sagemaker-mlops:product: holds a "
                + "secret value, but none of its keys can be secret: it names or configures resources in the clear; "
                + "only deploy.preProdEnvironment.externalId, deploy.prodEnvironment.externalId, security.alertEndpoint "
                + "may be set with --secret");

        String file = Files.readString(Path.of("Pulumi.dev.yaml"))
                .replace("projectName: fraud-detection-deploy", "projectName: {secure: v1:c2VjcmV0}");
        InvalidConfigException named = catchThrowableOfType(() -> TestStacks.config(file), InvalidConfigException.class);
        assertThat(named.problems()).extracting(Object::toString).anyMatch(p -> p.startsWith(
                "sagemaker-mlops:deploy.projectName: cannot be secret: it names or configures resources in the clear"));
    }

    @Test
    void aStackFileCiphertextPlansOfflineAsASecret() throws IOException {
        String file = Files.readString(Path.of("Pulumi.dev.yaml"))
                .replace("externalId: " + PROD_EXTERNAL_ID, "externalId: {secure: v1:cHJvZA==}")
                .replace("alertEndpoint: " + ALERT_ENDPOINT, "alertEndpoint:\n      secure: v1:ZW5kcG9pbnQ=");
        StackConfig config = TestStacks.config(file);
        assertThat(config.requireDeploy().prodEnvironment().orElseThrow().externalIdSecret()).isTrue();
        assertThat(config.requireDeploy().preProdEnvironment().orElseThrow().externalIdSecret()).isFalse();
        assertThat(config.security().alertEndpointSecret()).isTrue();

        Recording offline = TestStacks.run("dev", config);

        assertThat(offline.errors()).isEmpty();
        assertThat(plainStrings(offline)).noneMatch(s -> s.contains("offline-secret"))
                .anyMatch(s -> s.contains(PREPROD_EXTERNAL_ID));
    }

    @Test
    void theEngineConfigIsReadAsTheSdkReadsIt() {
        Map<String, Object> settings = ConfigSources.fromPulumiEngine(
                "{\"sagemaker-mlops:config:tier\":\"starter\",\"aws:region\":\"us-west-2\",\"sagemaker-mlops:hosting\":\"{}\"}",
                "[\"sagemaker-mlops:config:tier\"]");
        assertThat(settings).containsOnlyKeys("sagemaker-mlops:tier", "aws:region");

        InvalidConfigException keys = catchThrowableOfType(() -> ConfigSources.fromPulumiEngine("{}", "{\"a\": 1}"),
                InvalidConfigException.class);
        assertThat(keys.problems()).extracting(Object::toString)
                .containsExactly("PULUMI_CONFIG_SECRET_KEYS: is not a JSON array of strings");
    }
}
