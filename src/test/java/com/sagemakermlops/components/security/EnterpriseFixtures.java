package com.sagemakermlops.components.security;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sagemakermlops.components.Tags;
import com.sagemakermlops.config.Product;
import com.sagemakermlops.engine.RecordedResource;
import com.sagemakermlops.engine.Recording;
import com.sagemakermlops.naming.Naming;
import com.sagemakermlops.policy.PolicyFinding;
import com.sagemakermlops.policy.PolicyPack;
import com.sagemakermlops.policy.PolicyPackConfig;
import com.sagemakermlops.testing.TestStacks;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The product, names and helpers the Enterprise component tests share. */
public final class EnterpriseFixtures {
    public static final Naming NAMING = new Naming(new Product("globalbank", "prod", "c001", "fraud-detection"),
            TestStacks.REGION);
    public static final Tags TAGS = Tags.of(NAMING.productName(), "enterprise", "dev", "fraud-detection",
            Optional.empty(), Optional.empty());
    public static final String KEY_ARN = "arn:aws:kms:us-west-2:" + TestStacks.TOOLING_ACCOUNT
            + ":key/1234abcd-12ab-34cd-56ef-1234567890ab";

    private EnterpriseFixtures() {
    }

    public static JsonObject json(Object text) {
        return JsonParser.parseString(String.valueOf(text)).getAsJsonObject();
    }

    /** The statement of a policy document with this Sid. */
    public static JsonObject statement(Object document, String sid) {
        for (var element : json(document).getAsJsonArray("Statement")) {
            if (element.getAsJsonObject().get("Sid").getAsString().equals(sid)) {
                return element.getAsJsonObject();
            }
        }
        throw new AssertionError("no statement " + sid + " in " + document);
    }

    /** Strings of a JSON value that is a string or an array of strings. */
    public static List<String> strings(JsonObject object, String key) {
        var value = object.get(key);
        List<String> out = new ArrayList<>();
        if (value.isJsonArray()) {
            value.getAsJsonArray().forEach(v -> out.add(v.getAsString()));
        } else {
            out.add(value.getAsString());
        }
        return out;
    }

    /** The findings that would block a deployment of the recorded resources. */
    public static List<String> blockingFindings(Recording recording) {
        return PolicyPack.standard()
                .evaluate(recording.resources().stream().map(RecordedResource::toPolicyResource).toList(),
                        PolicyPackConfig.defaults())
                .stream().filter(PolicyFinding::blocking).map(PolicyFinding::format).toList();
    }

    public static RecordedResource only(Recording recording, String type) {
        List<RecordedResource> all = recording.ofType(type);
        if (all.size() != 1) {
            throw new AssertionError("expected one " + type + ", got " + all.size());
        }
        return all.get(0);
    }
}
