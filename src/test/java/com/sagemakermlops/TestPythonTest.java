package com.sagemakermlops;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the test command ({@code ./run-tests}) gets a Python for the Python suites ({@code .ci/test-python}), played on
 * a PATH of stand-ins: interpreters that have the packages or not, apt-get, sudo, id, and a base interpreter whose
 * {@code -m venv} and {@code -m pip} record what they are asked. Nothing is installed.
 */
class TestPythonTest {
    private static final Path SCRIPT = Path.of(".ci/test-python").toAbsolutePath();

    @TempDir
    Path dir;
    private Path bin;
    private Path log;

    private record Run(int exit, String stdout, String stderr) {
    }

    @BeforeEach
    void standIns() throws IOException {
        bin = Files.createDirectories(dir.resolve("bin"));
        log = dir.resolve("calls.log");
        for (String tool : List.of("bash", "dirname", "mkdir", "touch", "cp")) {
            Files.createSymbolicLink(bin.resolve(tool), Path.of("/usr/bin", tool).toRealPath());
        }
        script("id", "echo 0");
    }

    private Path script(String name, String body) throws IOException {
        Path file = bin.resolve(name);
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        assertThat(file.toFile().setExecutable(true)).isTrue();
        return file;
    }

    /**
     * A Python stand-in: {@code -c "import ..."} succeeds when {@code marker} exists, {@code -m venv DIR} makes
     * {@code DIR/bin/python} (an interpreter complete once {@code pip install} ran, when {@code pipWorks}), and every
     * {@code -m} call is logged.
     */
    private Path python(String name, Path marker, boolean pipWorks) throws IOException {
        Path venvPython = dir.resolve(name + "-venv-python");
        Path installed = dir.resolve(name + "-pip-installed");
        Files.writeString(venvPython, pythonBody(installed, pipWorks, null));
        assertThat(venvPython.toFile().setExecutable(true)).isTrue();
        return script(name, pythonBody(marker, pipWorks, venvPython).substring("#!/bin/sh\n".length()));
    }

    private String pythonBody(Path marker, boolean pipWorks, Path venvPython) {
        return "#!/bin/sh\n"
                + "case \"$1 $2\" in\n"
                + "  '-c import sys'*) echo 3.11.0 ;;\n"
                + "  '-c import'*) test -e '" + marker + "' ;;\n"
                + "  '-m venv') echo \"$0 $*\" >> '" + log + "'; mkdir -p \"$3/bin\""
                + (venvPython == null ? "" : " && cp '" + venvPython + "' \"$3/bin/python\"") + " ;;\n"
                + "  '-m pip') echo \"$0 $*\" >> '" + log + "'; "
                + (pipWorks ? "touch '" + marker + "'" : "exit 1") + " ;;\n"
                + "esac\n";
    }

    private Run run(String... environment) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("bash", SCRIPT.toString());
        pb.environment().clear();
        pb.environment().put("PATH", bin.toString());
        pb.environment().put("RUN_TESTS_VENV", dir.resolve("venv").toString());
        pb.environment().put("RUN_TESTS_SYSTEM_PYTHON", dir.resolve("no-system-python").toString());
        for (int i = 0; i < environment.length; i += 2) {
            pb.environment().put(environment[i], environment[i + 1]);
        }
        pb.redirectOutput(dir.resolve("out").toFile()).redirectError(dir.resolve("err").toFile());
        Process process = pb.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), Files.readString(dir.resolve("out")), Files.readString(dir.resolve("err")));
    }

    private String calls() throws IOException {
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }

    @Test
    void aPython3OnPathWithThePackagesIsUsedAsItIs() throws Exception {
        Path complete = Files.createFile(dir.resolve("complete"));
        Path python3 = python("python3", complete, false);
        script("apt-get", "echo \"apt-get $*\" >> '" + log + "'");

        Run run = run();

        assertThat(run.exit()).as(run.stderr()).isZero();
        assertThat(run.stdout()).isEqualTo(python3 + "\n");
        assertThat(calls()).isEmpty();
    }

    @Test
    void withoutThePackagesDebiansAreInstalledWithAptGetAndDebiansPythonIsUsed() throws Exception {
        Path installed = dir.resolve("debian-installed");
        python("python3", dir.resolve("never"), false);
        Path system = python("system-python3", installed, false);
        script("apt-get", "echo \"apt-get $*\" >> '" + log + "'; touch '" + installed + "'");

        Run run = run("RUN_TESTS_SYSTEM_PYTHON", system.toString());

        assertThat(run.exit()).as(run.stderr()).isZero();
        assertThat(run.stdout()).isEqualTo(system + "\n");
        assertThat(calls()).isEqualTo("apt-get update -qq\napt-get install -y -qq python3-pytest python3-boto3 "
                + "python3-botocore python3-pandas python3-numpy python3-sklearn python3-xgboost python3-yaml\n");
    }

    @Test
    void notRootTheInstallGoesThroughSudoAndWithoutSudoItStops() throws Exception {
        Path installed = dir.resolve("debian-installed");
        python("python3", dir.resolve("never"), false);
        Path system = python("system-python3", installed, false);
        script("apt-get", "touch '" + installed + "'");
        script("id", "echo 1000");

        Run withoutSudo = run("RUN_TESTS_SYSTEM_PYTHON", system.toString());
        assertThat(withoutSudo.exit()).isEqualTo(2);
        assertThat(withoutSudo.stderr()).contains("not root and no sudo: cannot install python3-pytest");

        script("sudo", "echo \"sudo $*\" >> '" + log + "'; \"$@\"");
        Run withSudo = run("RUN_TESTS_SYSTEM_PYTHON", system.toString());
        assertThat(withSudo.exit()).as(withSudo.stderr()).isZero();
        assertThat(calls()).startsWith("sudo apt-get update -qq\nsudo apt-get install -y -qq python3-pytest");
    }

    @Test
    void withoutAptGetAVirtualEnvironmentGetsThePinnedRequirements() throws Exception {
        Path base = python("python3", dir.resolve("never"), true);
        Path venv = dir.resolve("venv");

        Run run = run();

        assertThat(run.exit()).as(run.stderr()).isZero();
        assertThat(run.stdout()).isEqualTo(venv.resolve("bin/python") + "\n");
        assertThat(run.stderr()).contains("no apt-get: a virtual environment in " + venv
                + " from .ci/python-requirements.txt (Python 3.11.0)");
        assertThat(calls()).isEqualTo(base + " -m venv " + venv + "\n"
                + venv.resolve("bin/python") + " -m pip install --disable-pip-version-check -q -r "
                + SCRIPT.getParent().resolve("python-requirements.txt") + "\n");

        Files.delete(log);
        Run again = run();
        assertThat(again.stdout()).as("the environment is reused").isEqualTo(venv.resolve("bin/python") + "\n");
        assertThat(calls()).isEmpty();
    }

    @Test
    void anUnreachablePackageIndexEndsWithAMessageAndExitTwo() throws Exception {
        python("python3", dir.resolve("never"), false);

        Run run = run();

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.stdout()).isEmpty();
        assertThat(run.stderr()).contains("pip could not install .ci/python-requirements.txt into " + dir.resolve("venv")
                + " (is the package index reachable?)");
    }

    @Test
    void everyRequirementIsPinned() throws IOException {
        List<String> requirements = Files.readAllLines(SCRIPT.getParent().resolve("python-requirements.txt")).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#")).toList();

        assertThat(requirements).isNotEmpty().allMatch(line -> line.matches("[A-Za-z0-9_.-]+==[0-9][0-9A-Za-z.]*"));
    }
}
