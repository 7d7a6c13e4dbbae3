"""The benchmark's own logic: product generation, /proc parsing, output parsing and the report (no process runs)."""
import importlib.util
import json
from pathlib import Path

import pytest

spec = importlib.util.spec_from_file_location("plan_bench", Path(__file__).with_name("plan_bench.py"))
bench = importlib.util.module_from_spec(spec)
spec.loader.exec_module(bench)

TEMPLATE = """config:
  sagemaker-mlops:product:
    org: globalbank
    name: fraud-detection
  sagemaker-mlops:training:
    projectName: fraud-detection-training
    seedCodePath: seed-code/model-build
  sagemaker-mlops:deploy:
    seedCodePath: seed-code/model-deploy
    preProdEnvironment:
      name: not-the-product
"""


def test_a_product_gets_its_own_name_and_absolute_seed_paths(tmp_path):
    text = bench.product_stack(TEMPLATE, 7, tmp_path)
    assert "    name: product-007\n" in text
    assert "      name: not-the-product\n" in text  # only the product's name line changes
    assert f"seedCodePath: {(tmp_path / 'seed-code/model-build').resolve()}\n" in text
    assert f"seedCodePath: {(tmp_path / 'seed-code/model-deploy').resolve()}\n" in text
    assert "projectName: fraud-detection-training" in text


def test_a_template_without_a_product_name_is_refused(tmp_path):
    with pytest.raises(ValueError, match="product name"):
        bench.product_stack("config:\n  aws:region: us-west-2\n", 1, tmp_path)


def test_products_are_written_one_file_each(tmp_path):
    files = bench.write_products(TEMPLATE, 3, tmp_path, tmp_path / "out")
    assert [Path(f).name for f in files] == ["Pulumi.product-001.yaml", "Pulumi.product-002.yaml",
                                             "Pulumi.product-003.yaml"]
    assert "name: product-003" in Path(files[2]).read_text()


def test_proc_parsing():
    assert bench.proc_status_rss_kib("Name:\tjava\nVmPeak:\t 9 kB\nVmRSS:\t  174000 kB\n") == 174000
    assert bench.proc_status_rss_kib("Name:\tkworker\n") == 0
    assert bench.proc_parent("1234 (java (main)) S 1200 1234 1200 0 -1") == 1200


def test_resource_counts_from_each_tools_output():
    stdout = "Stack product-001 (tooling, enterprise, us-west-2)\n...\n" \
             "Summary: 2 stacks, 208 resources, 0 mandatory, 0 advisory, 4 suppressed policy findings: OK\n"
    assert bench.mlops_resources(stdout) == 208
    assert bench.mlops_resources("Summary: 1 stack, 104 resources, 1 mandatory, ...: BLOCKED") == 104
    assert bench.mlops_resources("error: the program failed") is None
    assert bench.peer_resources("products=50 resources=3150 rules_violated=12 findings=40 blocked=false") == 3150
    assert bench.peer_resources("Error: Cannot find module 'aws-cdk-lib'") is None


def run(tool, products, wall, peak_kib, load=1.0):
    return bench.Run(tool, products, wall, wall * 1.5, peak_kib, peak_kib // 2, 1, products * 100, 0, load)


def test_report_gives_medians_ratios_and_targets():
    runs = [run("mlops", 1, w, 100 * 1024) for w in (0.5, 0.7, 0.6)] + \
           [run("peer", 1, w, 400 * 1024) for w in (2.0, 2.6, 2.4)] + \
           [run("mlops", 50, w, 300 * 1024, load=3.0) for w in (3.0, 3.2, 2.8)] + \
           [run("peer", 50, w, 500 * 1024) for w in (6.0, 5.0, 5.5)]
    text = bench.report(runs, [1, 50])
    lines = text.splitlines()
    assert lines[1].split()[:7] == ["1", "mlops", "3", "0.60", "0.90", "167", "100"]
    assert "ratio mlops/peer at 1: wall 0.25 (target <= 0.3: met), peak memory 0.25" in text
    assert "ratio mlops/peer at 50: wall 0.55 (target <= 0.4: MISSED), peak memory 0.60 (target <= 0.5: MISSED)" in text
    assert "median 1.00, max 3.00" in text


def test_peak_is_the_larger_of_the_biggest_process_and_the_sampled_tree():
    assert bench.Run("mlops", 1, 1.0, 1.0, 100, 150, 2, 104, 0, 0.0).peak_kib == 150
    assert bench.Run("mlops", 1, 1.0, 1.0, 200, 150, 1, 104, 0, 0.0).peak_kib == 200


def test_arguments_are_checked(tmp_path):
    assert bench.parse_args(["--sizes", "1,10"]).sizes == [1, 10]
    for wrong in (["--sizes", "one"], ["--sizes", "0"], ["--runs", "0"], ["--peer", str(tmp_path)]):
        with pytest.raises(SystemExit):
            bench.parse_args(wrong)


def test_program_run_parsing(tmp_path):
    log = tmp_path / "threads.log"
    log.write_text('[0.01s][info][os,thread] Thread attached (tid: 1).\n'
                   '[0.02s][info][os,thread] Thread "GC Thread#0" started (pthread id: 2, attributes: ...).\n'
                   '[0.30s][info][os,thread] Thread "Unknown thread" started (pthread id: 3, attributes: ...).\n'
                   '[0.31s][info][os,thread] Thread finished (tid: 3, pthread id: 3).\n')
    assert bench.threads_started(log) == 2
    assert bench.engine_summary("{...}\nregistered=104 errors=0\n") == (104, 0)
    assert bench.engine_summary("") is None


def test_program_report_gives_medians_per_stack():
    runs = [{"stack": "dev", "wall": w, "cpu": w * 2, "peak_kib": 200 * 1024, "threads": t, "resources": 104,
             "load_before": 1.0} for w, t in ((1.0, 30), (3.0, 34), (2.0, 32))]
    runs.append({"stack": "preprod", "wall": 0.5, "cpu": 0.7, "peak_kib": 100 * 1024, "threads": 25, "resources": 9,
                 "load_before": 1.0})
    lines = bench.program_report(runs).splitlines()
    assert lines[1].split() == ["dev", "3", "2.00", "4.00", "200", "32", "104"]
    assert lines[2].split() == ["preprod", "1", "0.50", "0.70", "100", "25", "9"]


def test_program_stacks_are_a_list():
    assert bench.parse_args(["--program", "dev,preprod"]).program == ["dev", "preprod"]
    assert bench.parse_args([]).program == []


def test_run_lines_and_raw_runs(tmp_path):
    line = bench.run_line("dev     ", 0, 1.234, 2.5, 2048, 0.75, "12 threads")
    assert line == "  dev      run 1: wall   1.23 s, cpu   2.50 s, peak      2 MiB, 12 threads, load 0.75"
    assert bench.run_line("1 products", 1, 1, 1, 1024, 1).endswith("peak      1 MiB, load 1.00")
    raw = tmp_path / "raw.json"
    bench.write_raw(raw, [{"wall": 1.5}])
    assert json.loads(raw.read_text()) == [{"wall": 1.5}]
    bench.write_raw(None, [{"wall": 1.5}])
