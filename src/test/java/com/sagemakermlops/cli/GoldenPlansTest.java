package com.sagemakermlops.cli;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The resource graphs of the checked-in stacks (every resource with its parent, provider, dependencies and inputs,
 * the outputs and the policy findings) against the reviewed ones in {@code src/test/resources/golden}. An intended
 * change is accepted with {@code mvn test -Dtest=GoldenPlansTest -Dgolden.update=true} and reviewed in the diff.
 */
class GoldenPlansTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final List<String> STACKS = List.of("dev", "preprod", "prod");

    @Test
    @SuppressWarnings("unchecked")
    void checkedInStacksPlanAsReviewed(@TempDir Path dir) throws IOException {
        Path json = dir.resolve("plan.json");
        var sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        String[] args = new String[STACKS.size() + 3];
        args[0] = "plan";
        for (int i = 0; i < STACKS.size(); i++) {
            args[i + 1] = STACKS.get(i);
        }
        args[args.length - 2] = "--json";
        args[args.length - 1] = json.toString();
        assertThat(Mlops.run(args, sink, sink)).isZero();

        var gson = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create();
        List<Map<String, Object>> stacks = (List<Map<String, Object>>) new Gson()
                .fromJson(Files.readString(json), Map.class).get("stacks");
        for (Map<String, Object> stack : stacks) {
            Path golden = GOLDEN.resolve(stack.get("stack") + ".json");
            String actual = gson.toJson(stack) + "\n";
            if (Boolean.getBoolean("golden.update")) {
                Files.createDirectories(GOLDEN);
                Files.writeString(golden, actual);
            }
            assertThat(golden).as("golden plan " + golden + " (create it with -Dgolden.update=true)").exists();
            assertThat(actual).as("the resource graph of stack " + stack.get("stack") + " changed: if intended, "
                            + "run mvn test -Dtest=GoldenPlansTest -Dgolden.update=true and review the diff")
                    .isEqualTo(Files.readString(golden));
        }
    }
}
