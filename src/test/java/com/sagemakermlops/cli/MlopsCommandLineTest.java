package com.sagemakermlops.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line itself: usage with no command, help per command, exit codes 0/1/2, the completion script. */
class MlopsCommandLineTest {
    private final MlopsRun run = new MlopsRun();

    /** One command line, with what it alone printed. */
    private int mlops(String... args) {
        run.reset();
        return run.mlops(args);
    }


    @Test
    void noCommandPrintsTheUsageOnStderrAndExitsTwo() {
        assertThat(mlops()).isEqualTo(2);

        assertThat(run.stdout()).isEmpty();
        assertThat(run.stderr()).startsWith("usage: mlops COMMAND [ARGUMENTS]...")
                .contains("plan", "import-mdaa", "generate-completion")
                .doesNotContain("PULUMI_", "Exception");
    }

    @Test
    void everyCommandHasItsOwnHelpOnStdoutWithExitZero() {
        assertThat(mlops("--help")).isZero();
        assertThat(run.stdout()).contains("usage: mlops COMMAND").contains("Exit codes: 0 success, 1 mandatory");

        assertThat(mlops("plan", "--help")).isZero();
        assertThat(run.stdout()).startsWith("usage: mlops plan [STACK|CONFIG_FILE]... [--json FILE] [--graph FILE] "
                        + "[--policy-config FILE]")
                .contains("--stack-outputs=STACK=PLAN_JSON", "--sarif=FILE", "--policy-config=FILE");
        assertThat(run.stderr()).isEmpty();

        assertThat(mlops("help", "import-mdaa")).isZero();
        assertThat(run.stdout()).startsWith("usage: " + ImportMdaaOptions.SYNOPSIS).contains("--context=KEY=VALUE");
    }

    @Test
    void usageMistakesNameTheProblemShowTheSynopsisAndExitTwo() {
        assertThat(mlops("deplo")).isEqualTo(2);
        assertThat(run.stderr()).contains("mlops: Unmatched argument at index 0: 'deplo'").contains("Did you mean")
                .contains("Try 'mlops --help'");

        assertThat(mlops("plan")).isEqualTo(2);
        assertThat(run.stderr()).startsWith("mlops plan: Missing required parameter: 'STACK|CONFIG_FILE'")
                .contains("usage: mlops plan [STACK|CONFIG_FILE]...");

        assertThat(mlops("plan", "dev", "--json")).isEqualTo(2);
        assertThat(run.stderr()).contains("Missing required parameter for option '--json' (FILE)");

        assertThat(mlops("plan", "dev", "--jsn", "x")).isEqualTo(2);
        assertThat(run.stderr()).contains("Unknown option: '--jsn'");

        assertThat(mlops("plan", "dev", "--stack-outputs", "dev")).isEqualTo(2);
        assertThat(run.stderr()).contains("--stack-outputs expects STACK=PLAN_JSON, got \"dev\"");

        assertThat(mlops("import-mdaa", "mdaa.yaml")).isEqualTo(2);
        assertThat(run.stderr()).contains("Missing required option: '--stack=NAME'");
        assertThat(run.stdout()).isEmpty();
    }

    @Test
    void theVersionComesFromTheJar() {
        assertThat(mlops("--version")).isZero();
        assertThat(run.stdout()).startsWith("mlops ");
    }

    @Test
    void theCompletionScriptCompletesCommandsAndOptionsAndIsValidBash(@TempDir Path dir) throws Exception {
        assertThat(mlops("generate-completion")).isZero();
        String script = run.stdout();
        assertThat(script).contains("_picocli_mlops").contains("import-mdaa").contains("--sarif")
                .contains("--stack-outputs").contains("complete -F");

        Path file = Files.writeString(dir.resolve("mlops_completion"), script);
        Process bash = new ProcessBuilder("bash", "-n", file.toString()).redirectErrorStream(true).start();
        assertThat(bash.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(bash.exitValue()).as(new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .isZero();
    }

    @Test
    void aBrokenScriptFailsTheBashSyntaxCheck(@TempDir Path dir) throws IOException, InterruptedException {
        Path file = Files.writeString(dir.resolve("broken"), "function _x() {\n  if [ 1 ]; then\n}\n");
        Process bash = new ProcessBuilder("bash", "-n", file.toString()).redirectErrorStream(true).start();
        assertThat(bash.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(bash.exitValue()).isNotZero();
    }
}
