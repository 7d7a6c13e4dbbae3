package com.sagemakermlops.cli;

import com.sagemakermlops.config.InvalidConfigException;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * The {@code ./mlops} command line: {@code plan} and {@code import-mdaa}, with help per command and a completion
 * script. Exit codes: 0 success (no mandatory policy finding), 1 mandatory policy findings or a failed program,
 * 2 bad configuration or usage (no command, unknown option, missing value, unreadable file).
 */
@Command(name = "mlops",
        synopsisHeading = "usage: ",
        customSynopsis = "mlops COMMAND [ARGUMENTS]...",
        descriptionHeading = "%n",
        description = {"Plans the sagemaker-mlops stacks offline with the policy pack, and imports MDAA configs.", ""},
        commandListHeading = "%nCommands:%n",
        footer = {"", "Exit codes: 0 success, 1 mandatory policy findings, 2 bad configuration or usage.",
                "Shell completion: source <(./mlops generate-completion)"},
        mixinStandardHelpOptions = true,
        versionProvider = Mlops.Version.class,
        subcommands = {PlanOptions.class, ImportMdaaOptions.class, CommandLine.HelpCommand.class,
                AutoComplete.GenerateCompletion.class})
public final class Mlops implements Callable<Integer> {
    static final int USAGE = CommandLine.ExitCode.USAGE;
    private static final int USAGE_WIDTH = 120;

    final Path projectDir;
    final PrintStream out;
    final PrintStream err;

    @Spec
    private CommandSpec spec;

    private Mlops(Path projectDir, PrintStream out, PrintStream err) {
        this.projectDir = projectDir;
        this.out = out;
        this.err = err;
    }

    /** Runs one command line; what the command prints goes to {@code out} and {@code err}; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Path projectDir = Path.of(System.getProperty("mlops.project.dir", "")).toAbsolutePath();
        CommandLine cli = new CommandLine(new Mlops(projectDir, out, err));
        PrintWriter outWriter = new PrintWriter(out, true, StandardCharsets.UTF_8);
        PrintWriter errWriter = new PrintWriter(err, true, StandardCharsets.UTF_8);
        cli.setOut(outWriter).setErr(errWriter).setUsageHelpWidth(USAGE_WIDTH)
                .setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF))
                .setParameterExceptionHandler(Mlops::usageError)
                .setExecutionExceptionHandler(Mlops::failure);
        try {
            return cli.execute(args);
        } finally {
            outWriter.flush();
            errWriter.flush();
        }
    }

    /** Whether a command line parses (known command and options, their values given), without running it. */
    public static boolean parses(String... args) {
        try {
            new CommandLine(new Mlops(Path.of(""), System.out, System.err)).parseArgs(args);
            return true;
        } catch (CommandLine.ParameterException e) {
            return false;
        }
    }

    /** No command: the usage, on stderr, and exit 2. */
    @Override
    public Integer call() {
        err.print(spec.commandLine().getUsageMessage());
        return USAGE;
    }

    /** A command line picocli cannot parse: the reason, the command's synopsis and where its help is; exit 2. */
    private static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        String name = command.getCommandSpec().qualifiedName();
        err.println(name + ": " + e.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
        err.print(command.getHelp().synopsisHeading() + command.getHelp().synopsis(0));
        err.println("Try '" + name + " --help' for more information.");
        return USAGE;
    }

    /** Bad input found while running a command: its message (one line per configuration problem); exit 2. */
    private static int failure(Exception e, CommandLine command, CommandLine.ParseResult parsed) throws Exception {
        PrintWriter err = command.getErr();
        if (e instanceof UsageException) {
            err.println(e.getMessage());
            return USAGE;
        }
        if (e instanceof InvalidConfigException invalid) {
            invalid.problems().forEach(err::println);
            return USAGE;
        }
        throw e;
    }

    /** The version of the jar the command runs from (its manifest), for {@code --version}. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Mlops.class.getPackage().getImplementationVersion();
            return new String[] {"mlops " + (version == null ? "(development build)" : version)};
        }
    }
}
