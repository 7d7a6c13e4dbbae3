package com.sagemakermlops.awsnative.codecommit;

import com.google.gson.JsonParser;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The aws-native plugin version, read from the {@code plugin.json} the Java language host reports to the engine, so
 * every registration asks for the same plugin the engine installs (the generated SDK's {@code Utilities.getVersion}).
 */
final class AwsNativePlugin {
    static final String RESOURCE = "com/pulumi/awsnative/plugin.json";
    private static final String VERSION = readVersion();

    private AwsNativePlugin() {
    }

    static String version() {
        return VERSION;
    }

    private static String readVersion() {
        try (InputStream in = AwsNativePlugin.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("expected resource '" + RESOURCE + "' on the classpath");
            }
            return JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                    .getAsJsonObject().get("version").getAsString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
