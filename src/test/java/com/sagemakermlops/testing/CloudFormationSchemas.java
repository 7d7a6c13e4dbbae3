package com.sagemakermlops.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * CloudFormation templates against the registry schemas of their resource types, kept in
 * {@code src/test/resources/cloudformation} (see its README for where each comes from).
 */
public final class CloudFormationSchemas {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, JsonNode> SCHEMAS = new ConcurrentHashMap<>();

    private CloudFormationSchemas() {
    }

    /** What is wrong with {@code templateBody} (JSON) by its types' schemas; empty when nothing is. */
    public static List<String> problems(String templateBody) {
        JsonNode template;
        try {
            template = JSON.readTree(templateBody);
        } catch (IOException e) {
            return List.of("the template is not JSON: " + e.getMessage());
        }
        List<String> problems = new ArrayList<>();
        JsonNode resources = template.path("Resources");
        if (!resources.isObject() || resources.isEmpty()) {
            problems.add("the template has no Resources");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = resources.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> resource = it.next();
            String type = resource.getValue().path("Type").asText();
            JsonNode schema = schema(type);
            if (schema == null) {
                problems.add(resource.getKey() + ": no published schema of type '" + type + "' is kept here");
                continue;
            }
            JsonNode properties = resource.getValue().path("Properties");
            problems.addAll(validate(resource.getKey(), schema, properties));
            for (JsonNode pointer : schema.path("readOnlyProperties")) {
                String property = pointer.asText().substring("/properties/".length());
                if (properties.has(property)) {
                    problems.add(resource.getKey() + ": " + property + " is read-only in " + type);
                }
            }
        }
        problems.addAll(outputProblems(template, resources));
        return problems;
    }

    /** Each {@code Fn::GetAtt} names a resource of the template and a read-only property (an attribute) of its type. */
    private static List<String> outputProblems(JsonNode template, JsonNode resources) {
        List<String> problems = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = template.path("Outputs").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> output = it.next();
            JsonNode attribute = output.getValue().path("Value").path("Fn::GetAtt");
            if (attribute.isMissingNode()) {
                continue;
            }
            String logicalId = attribute.path(0).asText();
            String name = attribute.path(1).asText();
            JsonNode schema = schema(resources.path(logicalId).path("Type").asText());
            boolean readOnly = schema != null && schema.path("readOnlyProperties").toString()
                    .contains("\"/properties/" + name + "\"");
            if (!readOnly) {
                problems.add("output " + output.getKey() + ": " + logicalId + "." + name
                        + " is not an attribute of that resource");
            }
        }
        return problems;
    }

    private static List<String> validate(String logicalId, JsonNode schema, JsonNode properties) {
        JsonSchema validator = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(schema);
        return validator.validate(properties).stream()
                .map(ValidationMessage::getMessage)
                .map(message -> logicalId + ": " + message)
                .sorted()
                .toList();
    }

    /** The schema of {@code type} ({@code AWS::CodeCommit::Repository} is {@code aws-codecommit-repository.json}). */
    static JsonNode schema(String type) {
        JsonNode schema = SCHEMAS.computeIfAbsent(type, CloudFormationSchemas::load);
        return schema.isMissingNode() ? null : schema;
    }

    private static JsonNode load(String type) {
        String file = "cloudformation/" + type.toLowerCase(Locale.ROOT).replace("::", "-") + ".json";
        try (InputStream in = CloudFormationSchemas.class.getClassLoader().getResourceAsStream(file)) {
            return in == null ? JSON.missingNode() : JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
