package com.sagemakermlops.stacks;

import com.sagemakermlops.config.ConfigSources;
import com.sagemakermlops.config.StackConfig;
import com.sagemakermlops.config.StackConfigParser;
import com.sagemakermlops.config.StackRole;
import com.sagemakermlops.engine.FakeCloud;
import com.sagemakermlops.engine.OfflineEngine;
import com.sagemakermlops.engine.Recording;
import com.sagemakermlops.testing.TestStacks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The stack files the repository ships (the three at the root and every one under {@code examples/}), as settings a
 * test may change and plan again the way {@code ./mlops plan} does: a hosting stack reads the outputs of its tooling
 * stack's plan.
 */
final class ShippedStacks {
    private ShippedStacks() {
    }

    /** One stack file: its stack name, the folder its paths resolve against, and its settings. */
    record StackFile(String stack, Path folder, Map<String, Object> settings) {

        StackConfig config() {
            return new StackConfigParser(folder, () -> Optional.of(TestStacks.TOOLING_ACCOUNT)).parse(settings);
        }

        boolean hosting() {
            return "hosting".equals(settings.get("sagemaker-mlops:role"));
        }

        /** A copy whose settings went through {@code edit}. */
        StackFile with(java.util.function.Consumer<Map<String, Object>> edit) {
            Map<String, Object> copy = deepCopy(settings);
            edit.accept(copy);
            return new StackFile(stack, folder, copy);
        }
    }

    static List<StackFile> all() {
        List<Path> files = new ArrayList<>(List.of(Path.of("Pulumi.dev.yaml"), Path.of("Pulumi.preprod.yaml"),
                Path.of("Pulumi.prod.yaml")));
        try (Stream<Path> examples = Files.list(Path.of("examples"))) {
            examples.filter(p -> p.getFileName().toString().matches("Pulumi\\..+\\.yaml")).sorted().forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files.stream().map(ShippedStacks::read).toList();
    }

    static StackFile read(Path file) {
        String stack = file.getFileName().toString().replaceFirst("^Pulumi\\.", "").replaceFirst("\\.yaml$", "");
        return new StackFile(stack, file.toAbsolutePath().getParent(), ConfigSources.fromStackFile(file));
    }

    /** The program's run for {@code file}; a hosting stack sees {@code toolingOutputs} as its tooling stack's. */
    static Recording plan(StackFile file, Map<String, Object> toolingOutputs) {
        StackConfig config = file.config();
        Map<String, Map<String, Object>> references = new LinkedHashMap<>();
        if (config.role() == StackRole.HOSTING) {
            String reference = config.requireHosting().toolingStack();
            references.put(reference.substring(reference.lastIndexOf('/') + 1), toolingOutputs);
        }
        var cloud = new FakeCloud(new FakeCloud.Account(config.accountId().orElse(TestStacks.TOOLING_ACCOUNT),
                config.region()), references);
        Recording recording = OfflineEngine.run(file.stack(), cloud, false, ctx -> Platform.define(ctx, config));
        if (!recording.errors().isEmpty()) {
            throw new AssertionError("stack " + file.stack() + " failed: " + recording.errors());
        }
        return recording;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> deepCopy(Map<String, Object> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(k, copyOf(v)));
        return copy;
    }

    @SuppressWarnings("unchecked")
    private static Object copyOf(Object value) {
        if (value instanceof Map<?, ?> map) {
            return deepCopy((Map<String, Object>) map);
        }
        if (value instanceof List<?> list) {
            return new ArrayList<>(list.stream().map(ShippedStacks::copyOf).toList());
        }
        return value;
    }
}
