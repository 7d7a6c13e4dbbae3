package com.sagemakermlops.policy.rules;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CloudFormation templates as CloudFormation reads them, JSON or YAML; YAML's short-form intrinsic functions
 * ({@code !Ref x}, {@code !GetAtt r.Arn}) become their long form ({@code {"Ref": "x"}}, {@code {"Fn::GetAtt": ...}}).
 */
final class CloudFormationTemplates {
    /** CloudFormation accepts a template body of at most 51,200 bytes (CreateStack's TemplateBody). */
    static final int MAX_BODY = 51_200;

    private CloudFormationTemplates() {
    }

    /** The template's top-level map; throws {@link IllegalArgumentException} when it is not a template. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> parse(String body) {
        if (body.length() > MAX_BODY) {
            throw new IllegalArgumentException("is longer than the " + MAX_BODY + " characters CloudFormation accepts");
        }
        Object parsed;
        try {
            parsed = body.stripLeading().startsWith("{") ? new Gson().fromJson(body, Map.class)
                    : new Yaml(new IntrinsicsConstructor()).load(body);
        } catch (JsonParseException | YAMLException e) {
            throw new IllegalArgumentException("is not a JSON or YAML template");
        }
        if (!(parsed instanceof Map<?, ?> template)) {
            throw new IllegalArgumentException("is not a JSON or YAML template");
        }
        return (Map<String, Object>) template;
    }

    /** The {@code Resources} of {@code template} whose {@code Type} is {@code type}, by logical id. */
    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> resources(Map<String, Object> template, String type) {
        Map<String, Map<String, Object>> found = new LinkedHashMap<>();
        if (template.get("Resources") instanceof Map<?, ?> resources) {
            resources.forEach((id, resource) -> {
                if (resource instanceof Map<?, ?> r && type.equals(r.get("Type"))) {
                    found.put(String.valueOf(id), (Map<String, Object>) r);
                }
            });
        }
        return found;
    }

    /** Safe YAML (no arbitrary types, few aliases) that reads CloudFormation's local tags as intrinsic functions. */
    private static final class IntrinsicsConstructor extends SafeConstructor {
        IntrinsicsConstructor() {
            super(options());
            yamlMultiConstructors.put("!", new AbstractConstruct() {
                @Override
                public Object construct(Node node) {
                    String function = node.getTag().getValue().substring(1);
                    Object value = null;
                    if (node instanceof ScalarNode scalar) {
                        value = constructScalar(scalar);
                    } else if (node instanceof SequenceNode sequence) {
                        value = constructSequence(sequence);
                    } else if (node instanceof MappingNode mapping) {
                        value = constructMapping(mapping);
                    }
                    return Map.of(function.equals("Ref") || function.equals("Condition") ? function
                            : "Fn::" + function, value == null ? "" : value);
                }
            });
        }

        private static LoaderOptions options() {
            LoaderOptions options = new LoaderOptions();
            options.setMaxAliasesForCollections(10);
            options.setAllowDuplicateKeys(false);
            return options;
        }
    }
}
