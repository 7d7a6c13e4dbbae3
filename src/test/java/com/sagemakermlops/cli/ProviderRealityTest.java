package com.sagemakermlops.cli;

import com.google.gson.Gson;
import com.sagemakermlops.testing.CloudFormationSchemas;
import com.sagemakermlops.testing.ProviderReality;
import com.sagemakermlops.testing.ProviderReality.Resource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every resource type of every stack the repository ships (the three stack files and every stack file under
 * {@code examples/}) is one its provider serves, with inputs that provider knows (see {@link ProviderReality}).
 */
class ProviderRealityTest {
    static final Path SCHEMAS = Path.of("src/test/resources/provider-schemas");

    @TempDir
    static Path dir;
    private static List<Resource> shipped;
    private static String planJson;

    @BeforeAll
    static void planEveryShippedStack() throws IOException {
        List<String> args = new ArrayList<>(List.of("plan", "Pulumi.dev.yaml", "Pulumi.preprod.yaml",
                "Pulumi.prod.yaml"));
        try (Stream<Path> files = Files.list(Path.of("examples"))) {
            files.map(Path::toString).filter(f -> f.matches(".*Pulumi\\..+\\.yaml")).sorted().forEach(args::add);
        }
        Path json = dir.resolve("shipped.json");
        args.addAll(List.of("--json", json.toString()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream sink = new PrintStream(out, true, StandardCharsets.UTF_8);
        assertThat(Mlops.run(args.toArray(String[]::new), sink, sink)).as(out.toString(StandardCharsets.UTF_8))
                .isZero();
        planJson = Files.readString(json);
        shipped = ProviderReality.ofPlan(planJson);
    }

    @Test
    void everyShippedTypeAndInputIsServedByItsProvider() {
        Set<String> types = new TreeSet<>(shipped.stream().map(Resource::type).toList());
        assertThat(types).contains("aws:cloudformation/stack:Stack", "pulumi:providers:aws", "pulumi:pulumi:Stack",
                "pulumi:pulumi:StackReference", "sagemaker-mlops:training:TrainingPipeline");
        assertThat(types).noneMatch(type -> type.startsWith("aws-native:"));
        assertThat(new ProviderReality(SCHEMAS).problems(shipped)).isEmpty();
    }

    /** The resources inside CloudFormation stacks are served too: each template is valid by its types' schemas. */
    @Test
    @SuppressWarnings("unchecked")
    void everyShippedCloudFormationTemplateIsValidByItsResourceSchemas() {
        List<String> templates = new ArrayList<>();
        var plan = (Map<String, Object>) new Gson().fromJson(planJson, Map.class);
        for (var stack : (List<Map<String, Object>>) plan.get("stacks")) {
            for (var resource : (List<Map<String, Object>>) stack.get("resources")) {
                if ("aws:cloudformation/stack:Stack".equals(resource.get("type"))) {
                    templates.add(String.valueOf(((Map<String, Object>) resource.get("inputs"))
                            .get("templateBody")));
                }
            }
        }
        assertThat(templates).hasSizeGreaterThanOrEqualTo(6);
        assertThat(templates).allSatisfy(template -> assertThat(CloudFormationSchemas.problems(template)).isEmpty());
    }

    @Test
    void aTypeOrInputNoProviderServesFails() {
        ProviderReality reality = new ProviderReality(SCHEMAS);
        assertThat(reality.problems(List.of(
                new Resource("aws:codecommit/repositry:Repositry", "typo", Set.of()),
                new Resource("aws-native:codecommit:Repository", "seeded", Set.of("repositoryName")),
                new Resource("pulumi:providers:aws-native", "native", Set.of("region")),
                new Resource("aws:kms/key:Key", "key", Set.of("description", "enableKeyRotaton")),
                new Resource("sagemaker-mlops:training:TrainingPipelin", "training", Set.of()),
                new Resource("aws:codecommit/repository:Repository", "repo", Set.of("repositoryName", "kmsKeyId")))))
                .containsExactly(
                        "aws:codecommit/repositry:Repositry (typo): the aws Java SDK has no resource of that type",
                        "aws-native:codecommit:Repository (seeded): no provider serves package 'aws-native': its Java "
                                + "SDK is not on the classpath and no published schema of it is pinned in "
                                + "provider-schemas",
                        "pulumi:providers:aws-native (native): no provider serves package 'aws-native': its Java "
                                + "SDK is not on the classpath and no published schema of it is pinned in "
                                + "provider-schemas",
                        "aws:kms/key:Key (key): input 'enableKeyRotaton' is not one its provider knows",
                        "sagemaker-mlops:training:TrainingPipelin (training): no component of this program has that "
                                + "TYPE");
    }

    @Test
    void aPackageWithoutAJavaSdkIsCheckedAgainstItsPinnedPublishedSchema(@TempDir Path schemas) throws IOException {
        Files.writeString(schemas.resolve("example.json"), """
                {"name": "example", "version": "1.2.3",
                 "resources": {"example:index:Widget": {"inputProperties": {"size": {"type": "integer"}}}}}
                """);
        ProviderReality reality = new ProviderReality(schemas);
        assertThat(reality.problems(List.of(new Resource("example:index:Widget", "w", Set.of("size"))))).isEmpty();
        assertThat(reality.problems(List.of(
                new Resource("example:index:Widget", "w", Set.of("sise")),
                new Resource("example:index:Gadget", "g", Set.of())))).containsExactly(
                "example:index:Widget (w): input 'sise' is not one its provider knows",
                "example:index:Gadget (g): the pinned example schema has no resource of that type");
    }
}
