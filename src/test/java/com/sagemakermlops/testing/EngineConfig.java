package com.sagemakermlops.testing;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import com.sagemakermlops.config.NumberLiteral;

import java.io.IOException;

/**
 * Stack-file values as the Pulumi engine hands them to a program in {@code PULUMI_CONFIG}: strings as they are,
 * objects and lists as JSON text with numbers as they were written.
 */
public final class EngineConfig {
    private static final Gson JSON = new GsonBuilder().registerTypeAdapter(NumberLiteral.class,
            new TypeAdapter<NumberLiteral>() {
                @Override
                public void write(JsonWriter out, NumberLiteral value) throws IOException {
                    out.jsonValue(value.text());
                }

                @Override
                public NumberLiteral read(JsonReader in) {
                    throw new UnsupportedOperationException("engine config is only written here");
                }
            }).create();

    private EngineConfig() {
    }

    /** One value as the engine passes it. */
    public static String text(Object value) {
        return value instanceof String s ? s : JSON.toJson(value);
    }

    /** The {@code PULUMI_CONFIG} JSON object of these engine values. */
    public static String json(java.util.Map<String, String> values) {
        return JSON.toJson(values);
    }
}
