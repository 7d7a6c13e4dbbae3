"""preprocess -> train -> evaluate, end to end on the shipped data, as the pipeline chains them."""
import json
import tarfile

import pandas as pd
import pytest

import evaluate
import preprocess
import train
from definition import AUC_PATH, PARAMETERS

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
        ["--model-dir", str(work / "artifacts"), "--test-dir", str(work / "test"), "--output-dir", str(work / "evaluation")]
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
