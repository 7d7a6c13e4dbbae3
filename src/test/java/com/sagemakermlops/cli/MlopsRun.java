package com.sagemakermlops.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code ./mlops} run in process through {@link Mlops#run}, keeping what it printed until {@link #reset()}. */
final class MlopsRun {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int mlops(String... args) {
        return Mlops.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    void reset() {
        out.reset();
        err.reset();
    }

    /**
     * {@code Pulumi.dev.yaml} with its seed paths absolute and these {@code buildPolicies} entries (YAML list items at
     * the block's indentation) in its training block, written to {@code Pulumi.<name>.yaml} in {@code dir}.
     */
    static Path devWithBuildPolicies(Path dir, String name, String entries) throws IOException {
        String seed = Path.of("seed-code").toAbsolutePath() + "/";
        String yaml = Files.readString(Path.of("Pulumi.dev.yaml"))
                .replace("seed-code/", seed)
                .replace("    seedCodePath: " + seed + "model-build\n", "    seedCodePath: " + seed + "model-build\n"
                        + "    buildPolicies:\n" + entries);
        return Files.writeString(dir.resolve("Pulumi." + name + ".yaml"), yaml);
    }
}
