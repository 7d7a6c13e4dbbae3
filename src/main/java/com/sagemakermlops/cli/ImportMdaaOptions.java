package com.sagemakermlops.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/** The arguments of {@code mlops import-mdaa}. */
@Command(name = "import-mdaa",
        synopsisHeading = "usage: ",
        customSynopsis = ImportMdaaOptions.SYNOPSIS,
        descriptionHeading = "%n",
        description = {"Turns an MDAA sagemaker-mlops module config into a Pulumi stack config file that plans as is.",
                ""},
        sortOptions = false,
        mixinStandardHelpOptions = true,
        versionProvider = Mlops.Version.class,
        footer = {"", "Exit codes: 0 written and valid, 2 bad MDAA config, bad result or usage."})
final class ImportMdaaOptions implements Callable<Integer> {
    static final String SYNOPSIS = "mlops import-mdaa MDAA_CONFIG.yaml --stack NAME [--context KEY=VALUE]... [--out FILE]";

    @ParentCommand
    private Mlops mlops;

    @Parameters(index = "0", paramLabel = "MDAA_CONFIG.yaml", description = "The MDAA module config to import.")
    private Path source;

    @Option(names = "--stack", required = true, paramLabel = "NAME",
            description = "The stack the result configures (default file Pulumi.NAME.yaml).")
    private String stack;

    @Option(names = "--context", paramLabel = "KEY=VALUE",
            description = "Value of {{context:KEY}}; region, tier, org, environment, clientId and name set the "
                    + "stack's region, tier and product (repeatable).")
    private List<String> context = new ArrayList<>();

    @Option(names = "--out", paramLabel = "FILE", description = "Where to write the stack config.")
    private Path out;

    Path source() {
        return source;
    }

    String stack() {
        return stack;
    }

    /** {@code --context} by key, in the order given (a later value of a key wins). */
    Map<String, String> context() {
        return OptionPairs.parse(context, "--context KEY=VALUE", false, SYNOPSIS);
    }

    Optional<Path> out() {
        return Optional.ofNullable(out);
    }

    @Override
    public Integer call() {
        return new ImportMdaaCommand(mlops.projectDir, mlops.out, mlops.err).run(this);
    }
}
