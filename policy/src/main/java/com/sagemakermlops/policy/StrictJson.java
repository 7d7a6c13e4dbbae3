package com.sagemakermlops.policy;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.gson.internal.LazilyParsedNumber;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;

import java.io.IOException;
import java.io.StringReader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * JSON as RFC 8259 writes it, read strictly: no comments, single quotes, unquoted names or trailing text, no name
 * given twice in one object (a reader would keep one of them silently), at most {@value #MAX_DEPTH} levels deep.
 * Numbers keep their text. Problems say where they are ({@code line 3 column 7}) and never name a Java class.
 */
public final class StrictJson {
    public static final int MAX_DEPTH = 64;
    private static final Pattern WHERE = Pattern.compile(" at line (\\d+) column (\\d+) path (\\S+)");

    private StrictJson() {
    }

    /**
     * The document in {@code text}.
     *
     * @throws IllegalArgumentException saying what is wrong and where, e.g.
     *                                  {@code line 1 column 9: unterminated object}
     */
    public static JsonElement parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("is empty: expected a JSON value");
        }
        JsonReader reader = new JsonReader(new StringReader(text));
        reader.setLenient(false);
        try {
            JsonElement value = value(reader, 0);
            String end = where(reader);
            boolean ended;
            try {
                ended = reader.peek() == JsonToken.END_DOCUMENT;
            } catch (IOException e) {
                ended = false;
            }
            if (!ended) {
                throw new IllegalArgumentException(end + ": expected the end of the document after the JSON value");
            }
            return value;
        } catch (IOException | IllegalStateException | NumberFormatException e) {
            throw new IllegalArgumentException(describe(e.getMessage()));
        }
    }

    private static JsonElement value(JsonReader reader, int depth) throws IOException {
        JsonToken token = reader.peek();
        if ((token == JsonToken.BEGIN_OBJECT || token == JsonToken.BEGIN_ARRAY) && depth >= MAX_DEPTH) {
            throw new IllegalArgumentException(where(reader) + ": nested deeper than " + MAX_DEPTH + " levels");
        }
        switch (token) {
            case BEGIN_OBJECT -> {
                JsonObject object = new JsonObject();
                reader.beginObject();
                while (reader.hasNext()) {
                    String at = where(reader);
                    String name = reader.nextName();
                    if (object.has(name)) {
                        throw new IllegalArgumentException(at + ": the name \"" + shorten(name) + "\" is given twice "
                                + "in one object");
                    }
                    object.add(name, value(reader, depth + 1));
                }
                reader.endObject();
                return object;
            }
            case BEGIN_ARRAY -> {
                JsonArray array = new JsonArray();
                reader.beginArray();
                while (reader.hasNext()) {
                    array.add(value(reader, depth + 1));
                }
                reader.endArray();
                return array;
            }
            case STRING -> {
                return new JsonPrimitive(reader.nextString());
            }
            case NUMBER -> {
                return new JsonPrimitive(new LazilyParsedNumber(reader.nextString()));
            }
            case BOOLEAN -> {
                return new JsonPrimitive(reader.nextBoolean());
            }
            case NULL -> {
                reader.nextNull();
                return JsonNull.INSTANCE;
            }
            default -> throw new IllegalArgumentException(where(reader) + ": expected a JSON value");
        }
    }

    private static String where(JsonReader reader) {
        Matcher m = WHERE.matcher(reader.toString());
        return m.find() ? "line " + m.group(1) + " column " + m.group(2) : "at the start";
    }

    /** The reader's own words, with its class names and JSON path left out: "line 1 column 9: unterminated object". */
    private static String describe(String message) {
        String text = message == null ? "malformed" : message;
        text = text.replaceAll("\\b([a-z]+\\.)+[A-Z]\\w*(Exception|Error): ", "");
        text = text.replaceAll("\\s*See https?://\\S+", "");
        // strict mode's advice names the reader's API: say what is wrong instead
        text = text.replaceAll("Use JsonReader\\.setLenient\\(true\\) to accept malformed JSON",
                "malformed JSON (comments, single quotes, unquoted names and trailing commas are not JSON)");
        Matcher m = WHERE.matcher(text);
        if (m.find()) {
            String what = text.substring(0, m.start()).trim();
            return "line " + m.group(1) + " column " + m.group(2) + ": "
                    + (what.isEmpty() ? "malformed" : Character.toLowerCase(what.charAt(0)) + what.substring(1));
        }
        return text.isBlank() ? "malformed" : text;
    }

    private static String shorten(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "...";
    }
}
