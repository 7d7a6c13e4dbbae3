package com.sagemakermlops.engine;

import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What CloudFormation reports of a stack created from a JSON template: its outputs, with {@code Fn::GetAtt} and
 * {@code Ref} of the template's resources resolved as AWS would for the types this program puts in templates.
 */
final class CloudFormationStacks {
    private CloudFormationStacks() {
    }

    /** The stack's {@code outputs} (name to value); an output of an unknown form is a placeholder. */
    static Map<String, String> outputs(String templateBody, FakeCloud.Account at) {
        Map<String, String> outputs = new LinkedHashMap<>();
        JsonObject template;
        try {
            template = JsonParser.parseString(templateBody).getAsJsonObject();
        } catch (JsonParseException | IllegalStateException e) {
            return outputs;
        }
        JsonObject resources = object(template, "Resources");
        object(template, "Outputs").entrySet().forEach(output -> outputs.put(output.getKey(),
                value(output.getValue().getAsJsonObject().get("Value"), resources, at)));
        return outputs;
    }

    private static String value(JsonElement value, JsonObject resources, FakeCloud.Account at) {
        if (value != null && value.isJsonObject() && value.getAsJsonObject().has("Fn::GetAtt")) {
            var attribute = value.getAsJsonObject().getAsJsonArray("Fn::GetAtt");
            String logicalId = attribute.get(0).getAsString();
            return attribute(object(resources, logicalId), logicalId, attribute.get(1).getAsString(), at);
        }
        if (value != null && value.isJsonPrimitive()) {
            return value.getAsString();
        }
        return FakeCloud.PLACEHOLDER_PREFIX + "output";
    }

    private static String attribute(JsonObject resource, String logicalId, String name, FakeCloud.Account at) {
        String type = resource.has("Type") ? resource.get("Type").getAsString() : "";
        JsonObject properties = object(resource, "Properties");
        if (type.equals("AWS::CodeCommit::Repository") && properties.has("RepositoryName")) {
            String repository = properties.get("RepositoryName").getAsString();
            String host = "git-codecommit." + at.region() + ".amazonaws.com/v1/repos/" + repository;
            return switch (name) {
                case "Arn" -> "arn:" + at.partition() + ":codecommit:" + at.region() + ":" + at.accountId() + ":"
                        + repository;
                case "Name" -> repository;
                case "CloneUrlHttp" -> "https://" + host;
                case "CloneUrlSsh" -> "ssh://" + host;
                default -> FakeCloud.uuid(repository);
            };
        }
        return FakeCloud.PLACEHOLDER_PREFIX + logicalId + "." + name;
    }

    private static JsonObject object(JsonObject parent, String key) {
        JsonElement child = parent.get(key);
        return child != null && child.isJsonObject() ? child.getAsJsonObject() : new JsonObject();
    }
}
