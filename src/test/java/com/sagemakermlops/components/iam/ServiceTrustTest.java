package com.sagemakermlops.components.iam;

import com.google.gson.Gson;
import com.pulumi.resources.CustomResourceOptions;
import com.sagemakermlops.components.Tags;
import com.sagemakermlops.engine.Recording;
import com.sagemakermlops.policy.PolicyFinding;
import com.sagemakermlops.policy.PolicyPack;
import com.sagemakermlops.policy.PolicyPackConfig;
import com.sagemakermlops.policy.rules.IamServiceTrustSourceConditioned;
import com.sagemakermlops.testing.TestStacks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

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
 * Service trusts carry the confused-deputy keys their service documents and no other: a key the service does not
 * send when it assumes the role would refuse every assumption, a missing one lets another account's resource use
 * the role. Checked per service, and over every role trust of the checked-in plans.
 */
public class ServiceTrustTest {
    private static final String ACCOUNT = "111122223333";
    private static final String SOURCE = "arn:aws:codebuild:us-west-2:111122223333:project/fraud-build";
    private static final String SUPPRESSION = "mlops:suppress:" + IamServiceTrustSourceConditioned.NAME;
    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    @ParameterizedTest
    @EnumSource(ServiceTrust.class)
    void aTrustNamesExactlyTheKeysItsServiceDocuments(ServiceTrust service) {
        Map<String, Object> role = role(service);
        Map<String, Object> statement = onlyStatement(role);

        assertThat(statement).containsEntry("Principal", Map.of("Service", service.principal()))
                .containsEntry("Action", "sts:AssumeRole");
        assertThat(conditionKeys(statement)).containsExactlyInAnyOrderElementsOf(documented(service));
        if (service.documentsSourceAccount()) {
            assertThat(condition(statement, "StringEquals")).containsEntry("aws:SourceAccount", ACCOUNT);
        }
        if (service.documentsSourceArn()) {
            assertThat(condition(statement, "ArnLike")).containsEntry("aws:SourceArn", SOURCE);
        }
        assertThat(service.page()).startsWith("https://docs.aws.amazon.com/");
    }

    @ParameterizedTest
    @EnumSource(ServiceTrust.class)
    void onlyARoleOfAServiceThatDocumentsNoKeyIsExemptedAndItSaysWhy(ServiceTrust service) {
        Map<String, Object> role = role(service);
        boolean documentsNone = !service.documentsSourceAccount() && !service.documentsSourceArn();

        @SuppressWarnings("unchecked")
        Map<String, String> tags = (Map<String, String>) role.get("tags");
        if (documentsNone) {
            assertThat(tags.get(SUPPRESSION)).contains(service.page()).contains(service.principal());
        } else {
            assertThat(tags).doesNotContainKey(SUPPRESSION);
        }
        List<PolicyFinding> findings = PolicyPack.standard().evaluate(List.of(
                        com.sagemakermlops.policy.PolicyResource.of("aws:iam/role:Role", "role", role)),
                PolicyPackConfig.defaults());
        assertThat(findings).filteredOn(f -> f.policy().equals(IamServiceTrustSourceConditioned.NAME))
                .allSatisfy(f -> assertThat(f.suppressed()).isTrue())
                .hasSize(documentsNone ? 1 : 0);
    }

    @Test
    void everyServiceTrustOfTheCheckedInPlansIsAsItsServiceDocuments() throws IOException {
        for (String stack : List.of("dev", "preprod", "prod")) {
            List<Map<String, Object>> resources = goldenResources(stack);
            assertThat(problems(resources)).as(stack).isEmpty();
            assertThat(resources).as(stack + " has roles").isNotEmpty();
        }
    }

    @Test
    void theCheckFindsAnUndocumentedKeyAMissingKeyAMissingReasonAndAnUnknownService() {
        Map<String, Object> role = role(ServiceTrust.SAGEMAKER);
        Map<String, Object> statement = onlyStatement(role);

        condition(statement, "ArnLike").clear();
        condition(statement, "ArnLike").put("aws:SourceAccount", ACCOUNT);
        assertThat(problems(List.of(resource(role)))).containsExactly("role: sagemaker.amazonaws.com trusted with "
                + "[aws:SourceAccount], documented [aws:SourceArn] ("
                + ServiceTrust.SAGEMAKER.page() + ")");

        Map<String, Object> pipeline = role(ServiceTrust.CODEPIPELINE);
        ((Map<?, ?>) pipeline.get("tags")).remove(SUPPRESSION);
        assertThat(problems(List.of(resource(pipeline)))).containsExactly("role: codepipeline.amazonaws.com "
                + "documents no key, and the role does not say so with " + SUPPRESSION);

        Map<String, Object> unknown = role(ServiceTrust.CODEBUILD);
        onlyStatement(unknown).put("Principal", Map.of("Service", "lambda.amazonaws.com"));
        assertThat(problems(List.of(resource(unknown))))
                .containsExactly("role: lambda.amazonaws.com is not a service ServiceTrust knows");
    }

    /**
     * What is wrong with the service trusts among {@code resources} (plan JSON resources: type, name, inputs): a
     * service {@link ServiceTrust} does not know, keys other than the ones it documents, or no reasoned
     * suppression where it documents none.
     */
    @SuppressWarnings("unchecked")
    public static List<String> problems(List<Map<String, Object>> resources) {
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> resource : resources) {
            if (!"aws:iam/role:Role".equals(resource.get("type"))) {
                continue;
            }
            Map<String, Object> inputs = (Map<String, Object>) resource.get("inputs");
            Map<String, Object> trust = new Gson().fromJson(String.valueOf(inputs.get("assumeRolePolicy")), Map.class);
            Map<String, Object> tags = (Map<String, Object>) inputs.getOrDefault("tags", Map.of());
            for (Map<String, Object> statement : (List<Map<String, Object>>) trust.get("Statement")) {
                Object principal = ((Map<String, Object>) statement.get("Principal")).get("Service");
                if (principal == null) {
                    continue;
                }
                String name = resource.get("name") + ": " + principal;
                Optional<ServiceTrust> service = java.util.Arrays.stream(ServiceTrust.values())
                        .filter(s -> s.principal().equals(principal)).findFirst();
                if (service.isEmpty()) {
                    problems.add(name + " is not a service ServiceTrust knows");
                    continue;
                }
                Set<String> keys = conditionKeys(statement);
                Set<String> expected = documented(service.get());
                if (!keys.equals(expected)) {
                    problems.add(name + " trusted with " + keys + ", documented " + expected + " ("
                            + service.get().page() + ")");
                }
                if (expected.isEmpty() && !String.valueOf(tags.get(SUPPRESSION)).contains(service.get().page())) {
                    problems.add(name + " documents no key, and the role does not say so with " + SUPPRESSION);
                }
            }
        }
        return problems;
    }

    private static Set<String> documented(ServiceTrust service) {
        Set<String> keys = new TreeSet<>();
        if (service.documentsSourceAccount()) {
            keys.add("aws:SourceAccount");
        }
        if (service.documentsSourceArn()) {
            keys.add("aws:SourceArn");
        }
        return keys;
    }

    @SuppressWarnings("unchecked")
    private static Set<String> conditionKeys(Map<String, Object> statement) {
        Set<String> keys = new TreeSet<>();
        ((Map<String, Map<String, Object>>) statement.getOrDefault("Condition", Map.of()))
                .values().forEach(byKey -> keys.addAll(byKey.keySet()));
        return keys;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> condition(Map<String, Object> statement, String operator) {
        return ((Map<String, Map<String, Object>>) statement.get("Condition")).get(operator);
    }

    /** The recorded inputs of a role trusting {@code service} (JSON documents parsed into mutable maps). */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> role(ServiceTrust service) {
        Tags tags = Tags.of("fraud", "starter", "tooling", "fraud", Optional.empty(), Optional.empty());
        Recording recording = TestStacks.run("dev", TestStacks.cloud(), ctx -> Roles.create("role",
                new Roles.Spec("fraud-role", "A role", service.trust(ACCOUNT, SOURCE), Optional.empty(), tags),
                CustomResourceOptions.Empty));
        Map<String, Object> inputs = new LinkedHashMap<>(recording.named("aws:iam/role:Role", "role").inputValues());
        inputs.put("tags", new LinkedHashMap<>((Map<String, Object>) inputs.get("tags")));
        inputs.put("assumeRolePolicy", new Gson().fromJson((String) inputs.get("assumeRolePolicy"), Map.class));
        return inputs;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> onlyStatement(Map<String, Object> role) {
        List<Map<String, Object>> statements = (List<Map<String, Object>>)
                ((Map<String, Object>) role.get("assumeRolePolicy")).get("Statement");
        assertThat(statements).hasSize(1);
        return statements.get(0);
    }

    /** A plan JSON resource of a role whose (parsed) inputs are {@code role}. */
    private static Map<String, Object> resource(Map<String, Object> role) {
        Map<String, Object> inputs = new LinkedHashMap<>(role);
        inputs.put("assumeRolePolicy", new Gson().toJson(role.get("assumeRolePolicy")));
        return Map.of("type", "aws:iam/role:Role", "name", "role", "inputs", inputs);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> goldenResources(String stack) throws IOException {
        return (List<Map<String, Object>>) new Gson().fromJson(Files.readString(GOLDEN.resolve(stack + ".json")),
                Map.class).get("resources");
    }
}
