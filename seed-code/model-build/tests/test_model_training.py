"""preprocess -> train -> evaluate, end to end on the shipped data, as the pipeline chains them."""
import json
import tarfile

import numpy as np
import pandas as pd
import pytest
import xgboost as xgb

import evaluate
import preprocess
import train
from definition import AUC_PATH, BASELINE_DATASET_FORMAT, PARAMETERS

MINIMUM_AUC = next(p["DefaultValue"] for p in PARAMETERS if p["Name"] == "MinimumAuc")


@pytest.fixture(scope="module")
def run(tmp_path_factory, repo):
    work = tmp_path_factory.mktemp("run")
    preprocess.main(["--input-dir", str(repo / "data"), "--output-dir", str(work)])
    train.main(
        ["--train", str(work / "train"), "--validation", str(work / "validation"), "--model-dir", str(work / "model")]
    )
    # A training job uploads the model directory as model.tar.gz; evaluate reads that archive.
    (work / "artifacts").mkdir()
    with tarfile.open(work / "artifacts" / "model.tar.gz", "w:gz") as tar:
        tar.add(work / "model" / train.MODEL_FILE, arcname=train.MODEL_FILE)
    evaluate.main(
        [
            "--model-dir", str(work / "artifacts"),
            "--test-dir", str(work / "test"),
            "--output-dir", str(work / "evaluation"),
            "--train-dir", str(work / "train"),
            "--scaler-dir", str(work / "scaler"),
            "--baseline-dir", str(work / "baseline"),
        ]
    )
    return work


def test_splits_are_stratified_headerless_and_label_first(run, repo):
    raw = pd.read_csv(repo / "data" / "credit_risk.csv")
    sizes = {}
    for name in preprocess.SPLITS:
        frame = pd.read_csv(run / name / f"{name}.csv", header=None)
        assert frame.shape[1] == 1 + len(preprocess.FEATURES)
        assert set(frame[0].unique()) == {0, 1}
        assert abs(frame[0].mean() - raw["default"].mean()) < 0.03
        sizes[name] = len(frame)
    assert sum(sizes.values()) == len(raw)
    assert sizes["train"] > sizes["validation"] > 0 and sizes["test"] > 0


def test_features_are_scaled_on_train(run):
    train_frame = pd.read_csv(run / "train" / "train.csv", header=None)
    assert train_frame.iloc[:, 1:].mean().abs().max() < 1e-6
    assert ((train_frame.iloc[:, 1:].std(ddof=0) - 1).abs() < 1e-6).all()
    scaler = json.loads((run / "scaler" / "scaler.json").read_text())
    assert scaler["features"] == preprocess.FEATURES
    assert len(scaler["mean"]) == len(scaler["scale"]) == len(preprocess.FEATURES)


def test_model_directory_holds_only_the_served_model(run):
    assert [p.name for p in (run / "model").iterdir()] == [train.MODEL_FILE]


def test_evaluation_report_passes_the_pipeline_threshold(run):
    report = json.loads((run / "evaluation" / "evaluation.json").read_text())
    value = report
    for key in AUC_PATH.split("."):
        value = value[key]
    assert value >= MINIMUM_AUC
    metrics = report["binary_classification_metrics"]
    labels = pd.read_csv(run / "test" / "test.csv", header=None)[0]
    matrix = metrics["confusion_matrix"]
    tn, fp, fn, tp = (matrix[actual][predicted] for actual, predicted in ("00", "01", "10", "11"))
    assert tn + fp + fn + tp == len(labels)
    assert fn + tp == labels.sum()
    assert metrics["accuracy"]["value"] == pytest.approx((tp + tn) / len(labels))
    assert metrics["precision"]["value"] == pytest.approx(tp / (tp + fp))
    assert metrics["recall"]["value"] == pytest.approx(tp / (tp + fn))
    # Better than always answering the majority class.
    assert metrics["accuracy"]["value"] > 1 - labels.mean()
    roc = metrics["receiver_operating_characteristic_curve"]
    assert len(roc["false_positive_rates"]) == len(roc["true_positive_rates"]) > 2


def test_baseline_dataset_is_what_the_analyzer_reads_and_the_endpoint_captures(run):
    """The Baseline step's input: a directory of CSV files, header row, the model's output column first
    (dataset_format csv, header, output_columns_position START), then the request's features in served order."""
    assert BASELINE_DATASET_FORMAT == {"csv": {"header": True, "output_columns_position": "START"}}
    assert [p.name for p in (run / "baseline").iterdir()] == [evaluate.BASELINE_FILE]
    baseline = pd.read_csv(run / "baseline" / evaluate.BASELINE_FILE)
    assert list(baseline.columns) == [evaluate.OUTPUT_COLUMN, *preprocess.FEATURES]
    train_split = pd.read_csv(run / "train" / "train.csv", header=None)
    assert len(baseline) == len(train_split)
    assert np.isfinite(baseline.to_numpy()).all()
    # The features are the training split's, as a request sends them; the output is the model's answer to them,
    # a probability (fractional, like every captured answer), not the 0/1 label.
    np.testing.assert_allclose(baseline[preprocess.FEATURES].to_numpy(), train_split.iloc[:, 1:].to_numpy())
    booster = xgb.Booster()
    booster.load_model(str(run / "model" / train.MODEL_FILE))
    answers = booster.predict(xgb.DMatrix(train_split.iloc[:, 1:].to_numpy()))
    np.testing.assert_allclose(baseline[evaluate.OUTPUT_COLUMN].to_numpy(), answers, rtol=1e-6)
    assert baseline[evaluate.OUTPUT_COLUMN].between(0, 1).all()
    assert (baseline[evaluate.OUTPUT_COLUMN] % 1 != 0).any()


def test_baseline_dataset_needs_a_name_for_every_feature(run, tmp_path):
    (tmp_path / "scaler.json").write_text(json.dumps({"features": preprocess.FEATURES[:-1]}))
    booster = evaluate.load_booster(run / "model")
    with pytest.raises(ValueError, match="8 features, scaler.json names 7"):
        evaluate.write_baseline_dataset(booster, run / "train", tmp_path, tmp_path / "baseline")


def test_preprocess_rejects_data_without_the_expected_columns(tmp_path):
    pd.DataFrame({"default": [0, 1], "age": [30, 40]}).to_csv(tmp_path / "bad.csv", index=False)
    with pytest.raises(ValueError, match="credit_score"):
        preprocess.load_raw(tmp_path)


def test_train_requires_its_paths(monkeypatch):
    for name in ("SM_CHANNEL_TRAIN", "SM_CHANNEL_VALIDATION", "SM_MODEL_DIR"):
        monkeypatch.delenv(name, raising=False)
    with pytest.raises(SystemExit):
        train.parse_args([])


def test_shipped_data_is_what_the_generator_produces(repo):
    import importlib.util

    spec = importlib.util.spec_from_file_location("generate_data", repo / "data" / "generate_data.py")
    generator = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(generator)
    shipped = pd.read_csv(repo / "data" / "credit_risk.csv")
    generated = generator.generate()
    assert list(shipped.columns) == list(generated.columns)
    pd.testing.assert_frame_equal(shipped, generated, check_dtype=False, atol=1e-6)
    assert (repo / "data" / "credit_risk.csv").stat().st_size < 500_000
