package com.sagemakermlops;

import com.sagemakermlops.config.ConfigSources;
import com.sagemakermlops.config.StackConfig;
import com.sagemakermlops.config.StackConfigParser;
import com.sagemakermlops.testing.EngineConfig;
import com.sagemakermlops.testing.TestStacks;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pulumi.yaml as the CLI reads it (pulumi/pulumi sdk/go/common/workspace/project.go and project.json): every
 * configuration key the program reads is declared with its type, none but {@code role} is required in every stack (a
 * declared key without a default is: pkg/workspace/config.go {@code mergeConfig}), and the policy pack's analyzer is a
 * project plugin whose folder holds {@code pulumi-analyzer-<name>} (sdk/go/common/workspace/plugins.go).
 */
class PulumiProjectTest {
    private static final Set<String> OBJECT_KEYS = Set.of("product", "codeStarConnection", "training", "deploy",
            "network", "security", "hosting");

    @SuppressWarnings("unchecked")
    private static Map<String, Object> yaml(String text) {
        return new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
    }

    /** What is wrong with a project's declarations of the program's top-level keys. */
    @SuppressWarnings("unchecked")
    static List<String> declarationProblems(String projectYaml, Set<String> topLevelKeys) {
        Map<String, Object> declared = (Map<String, Object>) yaml(projectYaml).getOrDefault("config", Map.of());
        List<String> problems = new ArrayList<>();
        for (String key : new TreeSet<>(topLevelKeys)) {
            Object declaration = declared.get(key);
            if (!(declaration instanceof Map<?, ?> d)) {
                problems.add(key + ": not declared");
                continue;
            }
            String type = OBJECT_KEYS.contains(key) ? "object" : "string";
            if (!type.equals(d.get("type"))) {
                problems.add(key + ": type " + d.get("type") + ", expected " + type);
            }
            if (!key.equals("role") && d.get("default") == null) {
                problems.add(key + ": no default, so required in every stack");
            }
            if (OBJECT_KEYS.contains(key) && !Map.of().equals(d.get("default"))) {
                problems.add(key + ": default " + d.get("default") + ", expected {} (read as not set)");
            }
        }
        declared.keySet().stream().filter(k -> !topLevelKeys.contains(k))
                .forEach(k -> problems.add(k + ": declared, but the program reads no such key"));
        return problems;
    }

    private static Set<String> keysTheProgramReads() throws IOException {
        Set<String> paths = new StackConfigParser(TestStacks.ROOT, () -> Optional.of(TestStacks.TOOLING_ACCOUNT))
                .keysRead(ConfigSources.fromYaml("Pulumi.dev.yaml", Files.readString(Path.of("Pulumi.dev.yaml"))));
        Set<String> top = new TreeSet<>();
        paths.forEach(p -> top.add(p.split("[.\\[]")[0]));
        return top;
    }

    @Test
    void everyKeyIsDeclaredWithItsTypeAndOnlyTheRoleIsRequired() throws IOException {
        Set<String> keys = keysTheProgramReads();
        assertThat(keys).containsAll(OBJECT_KEYS).contains("role", "tier", "sourceControl");

        assertThat(declarationProblems(Files.readString(Path.of("Pulumi.yaml")), keys)).isEmpty();
    }

    @Test
    void aMissingTypeOrDefaultIsFound() throws IOException {
        Set<String> keys = keysTheProgramReads();
        String project = Files.readString(Path.of("Pulumi.yaml"));

        assertThat(declarationProblems(project.replace("  hosting:\n    type: object\n", "  hosting:\n    type: string\n"),
                keys)).contains("hosting: type string, expected object");
        assertThat(declarationProblems(project.replaceFirst("(?s)(  network:\\n.*?)    default: \\{}\\n", "$1"), keys))
                .containsExactly("network: no default, so required in every stack",
                        "network: default null, expected {} (read as not set)");
        assertThat(declarationProblems(project + "  monitoring:\n    type: object\n    default: {}\n", keys))
                .containsExactly("monitoring: declared, but the program reads no such key");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theDefaultsTheCliAppliesAreReadAsNotSet() throws IOException {
        Map<String, Object> declared = (Map<String, Object>) yaml(Files.readString(Path.of("Pulumi.yaml"))).get("config");
        String preprod = Files.readString(Path.of("Pulumi.preprod.yaml"));
        Map<String, String> engine = new LinkedHashMap<>();
        ConfigSources.fromYaml("Pulumi.preprod.yaml", preprod).forEach((key, value) ->
                engine.put(key, EngineConfig.text(value)));
        // the CLI sets every declared key a stack leaves out to its default (pkg/workspace/config.go mergeConfig)
        declared.forEach((key, declaration) -> {
            Object value = ((Map<String, Object>) declaration).get("default");
            if (value != null) {
                engine.putIfAbsent("sagemaker-mlops:" + key, EngineConfig.text(value));
            }
        });
        assertThat(engine).containsEntry("sagemaker-mlops:training", "{}");

        StackConfig config = new StackConfigParser(TestStacks.ROOT, () -> Optional.of(TestStacks.TOOLING_ACCOUNT))
                .parse(ConfigSources.fromPulumiEngine(EngineConfig.json(engine), "[]"));

        assertThat(config).isEqualTo(TestStacks.config(preprod));
    }

    @Test
    @SuppressWarnings("unchecked")
    void thePolicyPackAnalyzerIsAProjectPluginNamedAfterThePacksRuntime() throws IOException {
        Map<String, Object> project = yaml(Files.readString(Path.of("Pulumi.yaml")));
        List<Map<String, Object>> analyzers = (List<Map<String, Object>>) ((Map<String, Object>) project.get("plugins"))
                .get("analyzers");
        Map<String, Object> pack = yaml(Files.readString(Path.of("policy/PulumiPolicy.yaml")));

        assertThat(analyzers).singleElement().satisfies(analyzer -> {
            assertThat(analyzer.get("name")).isEqualTo("policy-" + pack.get("runtime"));
            Path folder = Path.of(String.valueOf(analyzer.get("path")));
            assertThat(folder).isDirectory();
            assertThat(folder.resolve("pulumi-analyzer-" + analyzer.get("name"))).isExecutable();
        });
    }
}
