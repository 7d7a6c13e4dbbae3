package com.sagemakermlops.cli;

import com.sagemakermlops.config.InvalidConfigException;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** The {@code ./mlops} command line: {@code plan} and {@code import-mdaa}. */
public final class Mlops {
    static final String USAGE = PlanOptions.USAGE + "\n       " + ImportMdaaCommand.USAGE;

    private Mlops() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        Path projectDir = Path.of(System.getProperty("mlops.project.dir", "")).toAbsolutePath();
        List<String> rest = Arrays.asList(args).subList(Math.min(1, args.length), args.length);
        try {
            return switch (args.length == 0 ? "" : args[0]) {
                case "plan" -> new PlanCommand(projectDir, out, err).run(rest);
                case "import-mdaa" -> new ImportMdaaCommand(projectDir, out, err).run(rest);
                case "-h", "--help", "help" -> {
                    out.println(USAGE);
                    yield 0;
                }
                default -> throw new UsageException(USAGE);
            };
        } catch (UsageException e) {
            err.println(e.getMessage());
            return 2;
        } catch (InvalidConfigException e) {
            e.problems().forEach(problem -> err.println(problem));
            return 2;
        }
    }
}
