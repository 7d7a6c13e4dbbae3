package com.sagemakermlops.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Maps a stack name to its {@code Pulumi.<stack>.yaml} and back. */
final class StackFiles {
    private StackFiles() {
    }

    /** {@code dev} means {@code Pulumi.dev.yaml} in {@code projectDir}; anything with a path or .yaml is a file. */
    static Path resolve(Path projectDir, String stackOrFile) {
        if (stackOrFile.endsWith(".yaml") || stackOrFile.endsWith(".yml") || stackOrFile.contains("/")) {
            return Path.of(stackOrFile);
        }
        return projectDir.resolve("Pulumi." + stackOrFile + ".yaml");
    }

    /** The stack a file configures: {@code Pulumi.dev.yaml} is {@code dev}, {@code starter.yaml} is {@code starter}. */
    static String stackName(Path file) {
        String name = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        return name.startsWith("Pulumi.") ? name.substring("Pulumi.".length()) : name;
    }

    /** The stack a reference names: {@code organization/sagemaker-mlops/dev} and {@code dev} are {@code dev}. */
    static String shortName(String reference) {
        return reference.substring(reference.lastIndexOf('/') + 1);
    }

    /** The stack file of a referenced stack ({@code organization/sagemaker-mlops/dev}), when the project has it. */
    static Optional<Path> forReference(Path projectDir, String reference) {
        Path file = projectDir.resolve("Pulumi." + shortName(reference) + ".yaml");
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }
}
