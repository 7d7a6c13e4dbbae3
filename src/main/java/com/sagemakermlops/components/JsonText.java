package com.sagemakermlops.components;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

/**
 * JSON text as AWS takes it in policy documents, event patterns and dashboard bodies: compact, characters as they
 * are (no HTML escaping). One Gson serves every document: it is thread-safe, and making one per document cost a
 * plan more than writing the documents.
 */
public final class JsonText {
    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    private JsonText() {
    }

    public static String of(Object value) {
        return GSON.toJson(value);
    }
}
