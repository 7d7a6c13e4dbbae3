#!/usr/bin/env python3
"""Whole-process benchmark of `./mlops plan` at 1, 10 and 50 generated Enterprise products, optionally paired
with a peer that synthesizes the same products (an AWS CDK + cdk-nag app run as `PRODUCTS=N node app.js`).

    python3 bench/plan_bench.py                          # ./mlops plan alone
    python3 bench/plan_bench.py --peer PEER_DIR          # paired with the peer, alternating runs
    python3 bench/plan_bench.py --sizes 500 --runs 1     # scale run

Every run is a fresh process; wall time, CPU time (user + system of the whole process tree) and peak memory are
measured from outside. See bench/README.md for what each figure means.
"""
import argparse
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field, asdict
from pathlib import Path

DEFAULT_SIZES = (1, 10, 50)
# Targets: ./mlops plan's wall time and peak memory as a fraction of the peer's, by product count.
WALL_TARGETS = {1: 0.3, 50: 0.4}
MEMORY_TARGETS = {50: 0.5}
SAMPLE_SECONDS = 0.02

SUMMARY = re.compile(r"^Summary: (\d+) stacks?, (\d+) resources,", re.M)
PEER_SUMMARY = re.compile(r"products=(\d+) resources=(\d+)")
PRODUCT_NAME = re.compile(r"^(    name: )\S+$", re.M)
SEED_PATH = re.compile(r"^(\s+seedCodePath: )(\S+)$", re.M)


@dataclass
class Run:
    """One measured process run."""
    tool: str
    products: int
    wall: float
    cpu: float
    max_rss_kib: int
    tree_peak_kib: int
    processes: int
    resources: int
    exit_code: int
    load_before: float

    @property
    def peak_kib(self):
        """The larger of the biggest process's resident set and the sampled sum over the process tree."""
        return max(self.max_rss_kib, self.tree_peak_kib)


@dataclass
class Tool:
    name: str
    command: list
    env: dict = field(default_factory=dict)
    cwd: str = None


# ---------------------------------------------------------------------------------------------- products

def product_stack(template, index, project_dir):
    """A copy of the Enterprise tooling stack file `template` as product number `index` (own product name), with
    its seed code paths made absolute against `project_dir` so the file can live anywhere."""
    name = f"product-{index:03d}"
    text, renamed = PRODUCT_NAME.subn(lambda m: m.group(1) + name, template, count=1)
    if renamed != 1:
        raise ValueError("the stack template has no product name line (\"    name: ...\")")
    return SEED_PATH.sub(lambda m: m.group(1) + str((Path(project_dir) / m.group(2)).resolve()), text)


def write_products(template, count, project_dir, directory):
    directory.mkdir(parents=True, exist_ok=True)
    files = []
    for index in range(1, count + 1):
        path = directory / f"Pulumi.product-{index:03d}.yaml"
        path.write_text(product_stack(template, index, project_dir))
        files.append(str(path))
    return files


# ---------------------------------------------------------------------------------------------- measuring

def proc_status_rss_kib(text):
    """VmRSS of a /proc/<pid>/status text, in KiB (0 when absent: a zombie or kernel thread)."""
    match = re.search(r"^VmRSS:\s+(\d+) kB", text, re.M)
    return int(match.group(1)) if match else 0


def proc_parent(stat_text):
    """The parent pid from a /proc/<pid>/stat text (the command name may hold spaces and parentheses)."""
    return int(stat_text[stat_text.rindex(")") + 2:].split()[1])


def process_tree(root):
    """Pids of `root` and all its descendants, from /proc."""
    children = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as f:
                    children.setdefault(proc_parent(f.read()), []).append(int(entry))
            except (OSError, ValueError, IndexError):
                pass
    tree, todo = [], [root]
    while todo:
        pid = todo.pop()
        tree.append(pid)
        todo.extend(children.get(pid, []))
    return tree


def tree_rss_kib(root):
    total, count = 0, 0
    for pid in process_tree(root):
        try:
            with open(f"/proc/{pid}/status") as f:
                total += proc_status_rss_kib(f.read())
                count += 1
        except OSError:
            pass
    return total, count


def load_average():
    with open("/proc/loadavg") as f:
        return float(f.read().split()[0])


def run_measured(command, cwd, env, stdout, stderr):
    """Runs `command` to its end; returns (wall s, CPU s, biggest process's peak KiB, sampled tree peak KiB,
    most processes at once, exit code). CPU is user + system of the process and every descendant it waited for."""
    start = time.monotonic()
    process = subprocess.Popen(command, cwd=cwd, env=env, stdout=stdout, stderr=stderr)
    peak = {"rss": 0, "processes": 0}
    done = threading.Event()

    def sample():
        while not done.is_set():
            rss, count = tree_rss_kib(process.pid)
            peak["rss"] = max(peak["rss"], rss)
            peak["processes"] = max(peak["processes"], count)
            done.wait(SAMPLE_SECONDS)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.monotonic() - start
    done.set()
    sampler.join()
    process.returncode = os.waitstatus_to_exitcode(status)
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss, peak["rss"], peak["processes"], process.returncode


def measure(tool, products, files, workdir):
    """Runs `tool` once on `products` products and measures the whole process tree."""
    out_dir = Path(tempfile.mkdtemp(prefix="out-", dir=workdir))
    command = [arg.format(out=out_dir) for arg in tool.command]
    if tool.name == "mlops":
        command = command + files
    env = dict(os.environ, **{k: v.format(out=out_dir, products=products) for k, v in tool.env.items()})
    load = load_average()
    with open(out_dir / "stdout", "wb") as stdout, open(out_dir / "stderr", "wb") as stderr:
        wall, cpu, max_rss, tree_peak, processes, code = run_measured(command, tool.cwd, env, stdout, stderr)
    text = (out_dir / ("stdout" if tool.name == "mlops" else "stderr")).read_text(errors="replace")
    resources = mlops_resources(text) if tool.name == "mlops" else peer_resources(text)
    if code not in (0, 1) or resources is None:
        sys.exit(f"{tool.name} failed on {products} products (exit {code}); its output is in {out_dir}")
    shutil.rmtree(out_dir)
    return Run(tool.name, products, wall, cpu, max_rss, tree_peak, processes, resources, code, load)


# ---------------------------------------------------------------------------------------------- program runs

ENGINE_CLASS = "com.sagemakermlops.engine.FakePulumiEngine"


def engine_classpath(checkout):
    """The test-scope fake Pulumi engine of `checkout` (compiled by `mvn test-compile`), with the program's jars."""
    target = checkout / "target"
    jars = sorted(str(jar) for jar in (target / "lib").glob("*.jar"))
    return os.pathsep.join([str(target / "test-classes"), str(target / "classes")] + jars)


def threads_started(thread_log):
    """Threads a JVM started, from its -Xlog:os+thread log."""
    return sum(1 for line in thread_log.read_text(errors="replace").splitlines() if " started " in line)


def engine_summary(text):
    """`registered=N errors=M` from the fake engine's last line, as (N, M), or None."""
    match = re.search(r"registered=(\d+) errors=(\d+)", text)
    return (int(match.group(1)), int(match.group(2))) if match else None


def measure_program(project, classpath, stack, workdir):
    """One run of the program Pulumi runs (`java -jar target/sagemaker-mlops.jar`, no arguments) for `stack`,
    served over gRPC by the fake engine as `pulumi up` would serve it."""
    out_dir = Path(tempfile.mkdtemp(prefix="program-", dir=workdir))
    engine = subprocess.Popen(["java", "-cp", classpath, ENGINE_CLASS, str(project / f"Pulumi.{stack}.yaml")],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        env = dict(os.environ, **json.loads(engine.stdout.readline()))
        thread_log = out_dir / "threads.log"
        command = ["java", f"-Xlog:os+thread=info:file={thread_log}", "-jar",
                   str(project / "target" / "sagemaker-mlops.jar")]
        load = load_average()
        with open(out_dir / "stdout", "wb") as stdout, open(out_dir / "stderr", "wb") as stderr:
            wall, cpu, max_rss, tree_peak, _, code = run_measured(command, str(project), env, stdout, stderr)
        engine.stdin.close()
        summary = engine_summary(engine.stdout.read())
    finally:
        engine.wait(timeout=60)
    if code != 0 or summary is None or summary[1] != 0:
        sys.exit(f"the program of {stack} failed (exit {code}, engine {summary}); its output is in {out_dir}")
    threads = threads_started(thread_log)
    shutil.rmtree(out_dir)
    return {"stack": stack, "wall": wall, "cpu": cpu, "peak_kib": max(max_rss, tree_peak), "threads": threads,
            "resources": summary[0], "load_before": load}


def program_report(runs):
    lines = [f"{'stack':<8} {'runs':>4} {'wall s':>7} {'cpu s':>7} {'peak MiB':>9} {'threads':>8} {'resources':>9}"]
    for stack in dict.fromkeys(r["stack"] for r in runs):
        mine = [r for r in runs if r["stack"] == stack]
        lines.append(f"{stack:<8} {len(mine):>4} {statistics.median(r['wall'] for r in mine):>7.2f} "
                     f"{statistics.median(r['cpu'] for r in mine):>7.2f} "
                     f"{statistics.median(r['peak_kib'] for r in mine) / 1024:>9.0f} "
                     f"{statistics.median(r['threads'] for r in mine):>8.0f} {mine[0]['resources']:>9}")
    return "\n".join(lines)


def mlops_resources(stdout):
    """The resource count of `./mlops plan`'s summary line, or None without one."""
    match = SUMMARY.search(stdout)
    return int(match.group(2)) if match else None


def peer_resources(stderr):
    """The resource count the peer prints (`products=N resources=M ...`), or None without it."""
    match = PEER_SUMMARY.search(stderr)
    return int(match.group(2)) if match else None


# ---------------------------------------------------------------------------------------------- reporting

def summarize(runs):
    """Medians of the runs of one tool at one size."""
    return {
        "runs": len(runs),
        "wall": statistics.median(r.wall for r in runs),
        "cpu": statistics.median(r.cpu for r in runs),
        "peak_mib": statistics.median(r.peak_kib for r in runs) / 1024,
        "max_peak_mib": max(r.peak_kib for r in runs) / 1024,
        "resources": runs[0].resources,
        "resources_per_s": runs[0].resources / statistics.median(r.wall for r in runs),
        "wall_min": min(r.wall for r in runs),
        "wall_max": max(r.wall for r in runs),
    }


def ratio_line(products, mine, peer):
    wall = mine["wall"] / peer["wall"]
    memory = mine["peak_mib"] / peer["peak_mib"]
    parts = [f"  ratio mlops/peer at {products}: wall {wall:.2f}"]
    if products in WALL_TARGETS:
        parts.append(f" (target <= {WALL_TARGETS[products]}: {'met' if wall <= WALL_TARGETS[products] else 'MISSED'})")
    parts.append(f", peak memory {memory:.2f}")
    if products in MEMORY_TARGETS:
        target = MEMORY_TARGETS[products]
        parts.append(f" (target <= {target}: {'met' if memory <= target else 'MISSED'})")
    return "".join(parts)


def report(runs, sizes):
    lines = [f"{'products':>8}  {'tool':<6} {'runs':>4} {'wall s':>7} {'cpu s':>7} {'res/s':>8} {'peak MiB':>9} "
             f"{'resources':>9}  wall range"]
    for products in sizes:
        by_tool = {}
        for tool in ("mlops", "peer"):
            mine = [r for r in runs if r.products == products and r.tool == tool]
            if mine:
                s = by_tool[tool] = summarize(mine)
                lines.append(f"{products:>8}  {tool:<6} {s['runs']:>4} {s['wall']:>7.2f} {s['cpu']:>7.2f} "
                             f"{s['resources_per_s']:>8.0f} {s['peak_mib']:>9.0f} {s['resources']:>9}  "
                             f"{s['wall_min']:.2f}-{s['wall_max']:.2f}")
        if len(by_tool) == 2:
            lines.append(ratio_line(products, by_tool["mlops"], by_tool["peer"]))
    if runs:
        lines.append(load_line([r.load_before for r in runs]))
    return "\n".join(lines)


def load_line(loads):
    return (f"load average (1 min) at the start of each run: min {min(loads):.2f}, "
            f"median {statistics.median(loads):.2f}, max {max(loads):.2f} on {os.cpu_count()} CPUs")


def command_output(command, **kwargs):
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=60, **kwargs)
        return (done.stdout + done.stderr).strip()
    except (OSError, subprocess.SubprocessError) as e:
        return f"unavailable ({e})"


def git_commit(project):
    done = subprocess.run(["git", "-C", str(project), "describe", "--always", "--dirty"], capture_output=True, text=True)
    return done.stdout.strip() if done.returncode == 0 else "(not a git checkout)"


def machine(project, peer):
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    memory = next(line.split(":", 1)[1].strip() for line in Path("/proc/meminfo").read_text().splitlines()
                  if line.startswith("MemTotal"))
    info = {
        "cpu": f"{os.cpu_count()} x {cpu}",
        "memory": memory,
        "kernel": platform.release(),
        "java": command_output(["java", "-version"]).splitlines()[0],
        "mlops commit": git_commit(project),
        "mlops JVM flags": command_output(["sed", "-n", "s/^JAVA_FLAGS=//p", str(project / "mlops")]) or "(none)",
    }
    if peer:
        info["node"] = command_output(["node", "--version"])
    return info


def print_header(title, argv, project, peer):
    print(title)
    print("command: python3 bench/plan_bench.py " + " ".join(argv))
    for key, value in machine(project, peer).items():
        print(f"{key}: {value}")


# ---------------------------------------------------------------------------------------------- main

def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--peer", type=Path, help="the peer's folder (app.js, node_modules): run it paired")
    parser.add_argument("--project", type=Path, default=Path(__file__).resolve().parent.parent,
                        help="the sagemaker-mlops checkout to measure (default: this one)")
    parser.add_argument("--sizes", default=",".join(map(str, DEFAULT_SIZES)),
                        help="product counts, comma-separated (default 1,10,50)")
    parser.add_argument("--runs", type=int, default=5, help="measured runs per tool and size (default 5)")
    parser.add_argument("--no-json", action="store_true", help="run ./mlops plan without --json")
    parser.add_argument("--program", metavar="STACKS",
                        help="instead of plans, measure the program Pulumi runs for these stacks (e.g. dev,preprod,prod)"
                             ", served by a fake Pulumi engine over gRPC")
    parser.add_argument("--raw", type=Path, help="also write every run as JSON to this file")
    args = parser.parse_args(argv)
    args.program = [s for s in args.program.split(",") if s] if args.program else []
    try:
        args.sizes = [int(s) for s in args.sizes.split(",")]
    except ValueError:
        parser.error(f"--sizes: expected comma-separated product counts, got {args.sizes!r}")
    if any(s < 1 for s in args.sizes) or args.runs < 1:
        parser.error("--sizes and --runs must be positive")
    if args.peer and not (args.peer / "app.js").is_file():
        parser.error(f"--peer {args.peer}: no app.js there")
    return args


def main(argv):
    args = parse_args(argv)
    project = args.project.resolve()
    workdir = Path(tempfile.mkdtemp(prefix="plan-bench-"))
    try:
        if args.program:
            return program_runs(args, argv, project, workdir)
        mlops = Tool("mlops", [str(project / "mlops"), "plan"] + ([] if args.no_json else ["--json", "{out}/plan.json"]),
                     cwd=str(project))
        tools = [mlops]
        if args.peer:
            tools.append(Tool("peer", ["node", "app.js"], {"PRODUCTS": "{products}", "CDK_OUT": "{out}/cdk.out"},
                              cwd=str(args.peer.resolve())))
        template = (project / "Pulumi.dev.yaml").read_text()
        print_header("sagemaker-mlops plan benchmark", argv, project, args.peer)
        runs = []
        for products in args.sizes:
            files = write_products(template, products, project, workdir / f"products-{products}")
            for tool in tools:  # warm-up: builds the jar if stale, fills the page cache
                measure(tool, products, files, workdir)
            for index in range(args.runs):
                # alternate which tool goes first, so a drift in machine load weighs on both alike
                for tool in tools if index % 2 == 0 else list(reversed(tools)):
                    run = measure(tool, products, files, workdir)
                    runs.append(run)
                    print(run_line(f"{products:>4} products  {tool.name:<5}", index, run.wall, run.cpu, run.peak_kib,
                                   run.load_before), flush=True)
        print()
        print(report(runs, args.sizes))
        write_raw(args.raw, [asdict(r) for r in runs])
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def program_runs(args, argv, project, workdir):
    checkout = Path(__file__).resolve().parent.parent
    subprocess.run(["mvn", "-q", "-B", "test-compile"], cwd=checkout, check=True, stdout=subprocess.DEVNULL)
    subprocess.run([str(project / "mlops"), "--help"], check=True, stdout=subprocess.DEVNULL)  # builds the jar
    classpath = engine_classpath(checkout)
    print_header("sagemaker-mlops program-run benchmark (the program Pulumi runs, against a fake engine over gRPC)",
                 argv, project, None)
    runs = []
    for index in range(args.runs):
        for stack in args.program:
            run = measure_program(project, classpath, stack, workdir)
            runs.append(run)
            print(run_line(f"{stack:<8}", index, run["wall"], run["cpu"], run["peak_kib"], run["load_before"],
                           f"{run['threads']} threads"), flush=True)
    print()
    print(program_report(runs))
    print(load_line([r["load_before"] for r in runs]))
    write_raw(args.raw, runs)


def run_line(label, index, wall, cpu, peak_kib, load, extra=None):
    """One measured run as the benchmark prints it while it goes."""
    return (f"  {label} run {index + 1}: wall {wall:6.2f} s, cpu {cpu:6.2f} s, peak {peak_kib / 1024:6.0f} MiB, "
            + (f"{extra}, " if extra else "") + f"load {load:.2f}")


def write_raw(path, rows):
    """Every run as JSON into `path` (--raw), when given."""
    if path:
        path.write_text(json.dumps(rows, indent=2) + "\n")


if __name__ == "__main__":
    main(sys.argv[1:])
