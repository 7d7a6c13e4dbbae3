package com.sagemakermlops.awsnative.codecommit.inputs;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;

import java.util.List;
import java.util.Map;

/** A resource tag as aws-native takes it: a list of {@code {key, value}} (the generated SDK's {@code TagArgs}). */
public final class TagArgs extends com.pulumi.resources.ResourceArgs {
    @Import(name = "key", required = true)
    private Output<String> key;

    @Import(name = "value", required = true)
    private Output<String> value;

    private TagArgs() {
    }

    public static TagArgs of(String key, String value) {
        TagArgs tag = new TagArgs();
        tag.key = Output.of(key);
        tag.value = Output.of(value);
        return tag;
    }

    /** One tag per map entry, in the map's order. */
    public static List<TagArgs> of(Map<String, String> tags) {
        return tags.entrySet().stream().map(e -> of(e.getKey(), e.getValue())).toList();
    }

    public Output<String> key() {
        return key;
    }

    public Output<String> value() {
        return value;
    }
}
