package com.sagemakermlops.policy;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The policy code depends on type tokens and property maps only, never on the program's classes. */
class PolicyIsolationTest {
    private static final Pattern REFERENCE = Pattern.compile("\\bcom\\.sagemakermlops\\.([a-zA-Z_][\\w.]*)");

    static Path policySources() {
        Path base = Paths.get(System.getProperty("basedir", System.getProperty("user.dir")));
        return base.resolve("policy/src/main/java");
    }

    @Test
    void policySourcesReferenceNoOtherProjectPackage() throws IOException {
        Path root = policySources();
        assertThat(root).isDirectory();
        List<String> offences = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> s = Files.walk(root)) {
            files = s.filter(p -> p.toString().endsWith(".java")).toList();
        }
        assertThat(files).hasSizeGreaterThan(10);
        for (Path f : files) {
            List<String> lines = Files.readAllLines(f);
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = REFERENCE.matcher(lines.get(i));
                while (m.find()) {
                    if (!m.group(1).equals("policy") && !m.group(1).startsWith("policy.")) {
                        offences.add(root.relativize(f) + ":" + (i + 1) + ": " + lines.get(i).trim());
                    }
                }
            }
        }
        assertThat(offences).as("references from the policy pack to other project packages").isEmpty();
    }

    @Test
    void everyPolicySourceIsInThePolicyPackage() throws IOException {
        try (Stream<Path> s = Files.walk(policySources())) {
            s.filter(p -> p.toString().endsWith(".java")).forEach(p -> {
                try {
                    assertThat(Files.readString(p)).as(p.toString())
                            .containsPattern("(?m)^package com\\.sagemakermlops\\.policy(\\.[a-z]+)*;");
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
    }
}
