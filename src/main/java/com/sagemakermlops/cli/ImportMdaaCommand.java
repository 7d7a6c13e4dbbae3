package com.sagemakermlops.cli;

import com.sagemakermlops.config.ConfigProblem;
import com.sagemakermlops.config.ConfigSources;
import com.sagemakermlops.config.InvalidConfigException;
import com.sagemakermlops.config.StackConfigParser;
import com.sagemakermlops.config.StrictYaml;
import com.sagemakermlops.config.TextFiles;
import com.sagemakermlops.policy.Printable;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code mlops import-mdaa}: turns an MDAA sagemaker-mlops module config into a stack config. The {@code training}
 * and {@code deploy} blocks keep their keys and meaning; {@code {{context:KEY}}} comes from {@code --context};
 * {@code {{region}}}, {{account}} and {{partition}} stay and are resolved when the stack runs.
 */
final class ImportMdaaCommand {
    private static final Pattern CONTEXT = Pattern.compile("\\{\\{context:([^}]+)}}");
    private static final List<String> PRODUCT_KEYS = List.of("org", "environment", "clientId", "name");

    private final Path projectDir;
    private final PrintStream out;
    private final PrintStream err;

    ImportMdaaCommand(Path projectDir, PrintStream out, PrintStream err) {
        this.projectDir = projectDir;
        this.out = out;
        this.err = err;
    }

    int run(ImportMdaaOptions options) {
        Path source = options.source();
        String stack = options.stack();
        Map<String, String> context = options.context();
        Path output = options.out().orElse(projectDir.resolve("Pulumi." + stack + ".yaml"));
        Map<String, Object> mdaa = readMdaa(source);
        List<String> problems = new ArrayList<>();
        Object training = substitute("training", mdaa.get("training"), context, problems);
        Object deploy = substitute("deploy", mdaa.get("deploy"), context, problems);
        for (String key : mdaa.keySet()) {
            if (!key.equals("training") && !key.equals("deploy")) {
                problems.add(source.getFileName() + ": " + key + ": unknown MDAA module key; expected training, deploy");
            }
        }
        if (!problems.isEmpty()) {
            problems.forEach(problem -> err.println(Printable.of(problem)));
            return 2;
        }
        Path mdaaDir = Optional.ofNullable(source.toAbsolutePath().getParent()).orElse(Path.of("."));
        Path outputDir = Optional.ofNullable(output.toAbsolutePath().getParent()).orElse(Path.of("."));
        resolveSeedCode(training, mdaaDir, outputDir);
        resolveSeedCode(deploy, mdaaDir, outputDir);
        unzipDeploySeedCode(deploy, outputDir, stack);

        Map<String, Object> config = new LinkedHashMap<>();
        config.put("aws:region", contextOrDefault(context, "region", "us-east-1"));
        config.put("sagemaker-mlops:role", "tooling");
        config.put("sagemaker-mlops:tier", context.getOrDefault("tier", tierFor(deploy)));
        config.put("sagemaker-mlops:product", product(context, training));
        config.put("sagemaker-mlops:training", training);
        config.put("sagemaker-mlops:deploy", deploy);

        String yaml = "# Imported from the MDAA config " + source.getFileName() + " by ./mlops import-mdaa.\n"
                + StrictYaml.dump(Map.of("config", config));
        CliFiles.write(output, yaml);
        out.println("wrote " + output);
        try {
            new StackConfigParser(outputDir, () -> Optional.of(PlanCommand.DEFAULT_ACCOUNT))
                    .parse(ConfigSources.fromYaml(output.getFileName().toString(), yaml));
        } catch (InvalidConfigException e) {
            err.println(output.getFileName() + " needs changes before it plans:");
            e.problems().forEach(problem -> err.println("  " + problem));
            return 2;
        }
        return 0;
    }

    private String contextOrDefault(Map<String, String> context, String key, String fallback) {
        if (context.containsKey(key)) {
            return context.get(key);
        }
        out.println("note: " + key + " = " + fallback + " (default; pass --context " + key + "=VALUE to choose)");
        return fallback;
    }

    /** MDAA always wires the EventBridge trigger unless it is turned off: that is the Professional tier here. */
    private static String tierFor(Object deploy) {
        return deploy instanceof Map<?, ?> map && Boolean.FALSE.equals(map.get("enableEventBridgeTrigger"))
                ? "starter" : "professional";
    }

    private Map<String, Object> product(Map<String, String> context, Object training) {
        String project = training instanceof Map<?, ?> map && map.get("projectName") != null
                ? String.valueOf(map.get("projectName")) : "mlops";
        String derivedName = project.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-")
                .replaceAll("(^|-)training(-|$)", "$1").replaceAll("-+", "-").replaceAll("^-|-$", "");
        Map<String, String> defaults = Map.of("org", "mdaa", "environment", "dev", "clientId", "c001",
                "name", derivedName.isEmpty() ? "mlops" : derivedName);
        Map<String, Object> product = new LinkedHashMap<>();
        for (String key : PRODUCT_KEYS) {
            product.put(key, contextOrDefault(context, key, defaults.get(key)));
        }
        return product;
    }

    private static Object substitute(String path, Object value, Map<String, String> context, List<String> problems) {
        if (value instanceof String s) {
            Matcher m = CONTEXT.matcher(s);
            StringBuilder resolved = new StringBuilder();
            while (m.find()) {
                String key = m.group(1).trim();
                if (!context.containsKey(key)) {
                    problems.add(path + ": {{context:" + key + "}} needs --context " + key + "=VALUE");
                    return s;
                }
                m.appendReplacement(resolved, Matcher.quoteReplacement(context.get(key)));
            }
            m.appendTail(resolved);
            return resolved.toString();
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), substitute(path + "." + k, v, context, problems)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                copy.add(substitute(path + "[" + i + "]", list.get(i), context, problems));
            }
            return copy;
        }
        return value;
    }

    /** MDAA resolves a relative seedCodePath against its config's folder; the stack file resolves against its own. */
    @SuppressWarnings("unchecked")
    private static void resolveSeedCode(Object block, Path mdaaDir, Path outputDir) {
        // an empty path or one with a NUL character stays as written, for the stack's check to name
        if (block instanceof Map<?, ?> map && map.get("seedCodePath") instanceof String path && !path.isBlank()
                && path.indexOf('\0') < 0) {
            Path absolute = mdaaDir.resolve(path).normalize();
            String relative = outputDir.relativize(absolute).toString();
            ((Map<String, Object>) map).put("seedCodePath", relative.isEmpty() ? "." : relative);
        }
    }

    /**
     * The deploy repository carries this program beside its seed code, so the stack needs the deploy seed code as a
     * directory: a zip is unpacked beside the stack file, into {@code <stack>-model-deploy/}.
     */
    @SuppressWarnings("unchecked")
    private void unzipDeploySeedCode(Object deploy, Path outputDir, String stack) {
        if (!(deploy instanceof Map<?, ?> map) || !(map.get("seedCodePath") instanceof String path)
                || !path.toLowerCase(Locale.ROOT).endsWith(".zip") || path.indexOf('\0') >= 0) {
            return;
        }
        Path zip = outputDir.resolve(path).normalize();
        if (!Files.isRegularFile(zip)) {
            return;
        }
        String folder = stack + "-model-deploy";
        try {
            ZipExtraction.SEED_CODE.extract(zip, outputDir.resolve(folder));
        } catch (ZipExtraction.RefusedException e) {
            throw new UsageException("deploy.seedCodePath " + path + ": " + e.getMessage());
        }
        ((Map<String, Object>) map).put("seedCodePath", folder);
        out.println("note: deploy.seedCodePath: unpacked " + path + " into " + folder + "/ (the deploy repository "
                + "carries this program beside its seed code, so it takes a directory)");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> readMdaa(Path source) {
        String text = CliFiles.read(source, source.toString(), TextFiles.CONFIG_BYTES);
        Object document;
        try {
            document = StrictYaml.load(String.valueOf(source.getFileName()), text);
        } catch (InvalidConfigException e) {
            throw new UsageException(String.join("\n", e.problems().stream().map(ConfigProblem::toString).toList()));
        }
        if (!(document instanceof Map<?, ?>)) {
            throw new UsageException(source + ": expected an MDAA module config with training: and deploy:");
        }
        return (Map<String, Object>) document;
    }
}
