"""Evaluate the trained model on the test split and write evaluation.json; write the baseline dataset.

Runs in the SageMaker XGBoost container as a processing job, and locally:

    python3 pipelines/evaluate.py --model-dir out/model --test-dir out/test --output-dir out/evaluation \
        --train-dir out/train --scaler-dir out/scaler --baseline-dir out/baseline

--model-dir holds model.tar.gz (as produced by a training job) or the xgboost-model file itself.
The report follows the SageMaker model-quality metrics format for binary classification
(binary_classification_metrics.<metric>.value); the pipeline's condition step reads
binary_classification_metrics.auc.value from it and the registry shows it as model metrics.

The baseline dataset (baseline.csv under --baseline-dir) is the training split as the endpoint will
see it: the model's answer first, then the features of the request, with a header row naming them
(the order of scaler.json). The Model Monitor analyzer computes the data-quality baseline from it
(csv, header, output columns at the start): the endpoint captures the model's answer, a probability,
so the baseline holds the answer and not the 0/1 label, whose integral type every captured answer
would violate.
"""
import argparse
import json
import tarfile
import tempfile
from pathlib import Path

import numpy as np
import xgboost as xgb
from sklearn import metrics

# The Evaluate job's container receives this script alone, so the model file name and the CSV loader
# repeat train.py's (the end-to-end test runs both on the same files).
MODEL_FILE = "xgboost-model"
BASELINE_FILE = "baseline.csv"
OUTPUT_COLUMN = "default_probability"
THRESHOLD = 0.5
ROC_POINTS = 50


def load_booster(model_dir):
    model_dir = Path(model_dir)
    archive = model_dir / "model.tar.gz"
    booster = xgb.Booster()
    if archive.exists():
        with tempfile.TemporaryDirectory() as tmp, tarfile.open(archive) as tar:
            tar.extractall(tmp)
            booster.load_model(str(Path(tmp) / MODEL_FILE))
    else:
        booster.load_model(str(model_dir / MODEL_FILE))
    return booster


def load_split(split_dir):
    """(features, labels) of a split: CSV files without header, label first."""
    files = sorted(Path(split_dir).glob("*.csv"))
    if not files:
        raise FileNotFoundError(f"no .csv file under {split_dir}")
    data = np.vstack([np.loadtxt(f, delimiter=",", ndmin=2) for f in files])
    return data[:, 1:], data[:, 0]


def feature_names(scaler_dir):
    return json.loads((Path(scaler_dir) / "scaler.json").read_text())["features"]


def write_baseline_dataset(booster, train_dir, scaler_dir, baseline_dir):
    """baseline.csv: header, then per training row the model's answer and the row's features."""
    features, _ = load_split(train_dir)
    names = feature_names(scaler_dir)
    if features.shape[1] != len(names):
        raise ValueError(f"{train_dir} has {features.shape[1]} features, scaler.json names {len(names)}")
    scores = booster.predict(xgb.DMatrix(features))
    Path(baseline_dir).mkdir(parents=True, exist_ok=True)
    np.savetxt(
        Path(baseline_dir) / BASELINE_FILE,
        np.column_stack([scores, features]),
        delimiter=",",
        header=",".join([OUTPUT_COLUMN, *names]),
        comments="",
    )


def _metric(value):
    return {"value": float(value), "standard_deviation": "NaN"}


def _roc_curve(labels, scores):
    fpr, tpr, _ = metrics.roc_curve(labels, scores)
    idx = np.unique(np.linspace(0, len(fpr) - 1, min(ROC_POINTS, len(fpr))).astype(int))
    return {"false_positive_rates": fpr[idx].tolist(), "true_positive_rates": tpr[idx].tolist()}


def evaluation_report(labels, scores):
    """Binary-classification report in the SageMaker model-quality metrics format."""
    predicted = (scores >= THRESHOLD).astype(int)
    matrix = metrics.confusion_matrix(labels, predicted, labels=[0, 1])
    return {
        "binary_classification_metrics": {
            "auc": _metric(metrics.roc_auc_score(labels, scores)),
            "accuracy": _metric(metrics.accuracy_score(labels, predicted)),
            "precision": _metric(metrics.precision_score(labels, predicted, zero_division=0)),
            "recall": _metric(metrics.recall_score(labels, predicted, zero_division=0)),
            "f1": _metric(metrics.f1_score(labels, predicted, zero_division=0)),
            "confusion_matrix": {
                str(actual): {str(pred): int(matrix[actual][pred]) for pred in (0, 1)}
                for actual in (0, 1)
            },
            "receiver_operating_characteristic_curve": _roc_curve(labels, scores),
        }
    }


def main(argv=None):
    parser = argparse.ArgumentParser(description="Evaluate the credit-risk model.")
    parser.add_argument("--model-dir", default="/opt/ml/processing/model")
    parser.add_argument("--test-dir", default="/opt/ml/processing/test")
    parser.add_argument("--output-dir", default="/opt/ml/processing/evaluation")
    parser.add_argument("--train-dir", default="/opt/ml/processing/train")
    parser.add_argument("--scaler-dir", default="/opt/ml/processing/scaler")
    parser.add_argument("--baseline-dir", default="/opt/ml/processing/baseline")
    args = parser.parse_args(argv)

    booster = load_booster(args.model_dir)
    features, labels = load_split(args.test_dir)
    scores = booster.predict(xgb.DMatrix(features))
    report = evaluation_report(labels, scores)

    Path(args.output_dir).mkdir(parents=True, exist_ok=True)
    (Path(args.output_dir) / "evaluation.json").write_text(json.dumps(report, indent=2))
    summary = report["binary_classification_metrics"]
    print(f"auc={summary['auc']['value']:.4f} accuracy={summary['accuracy']['value']:.4f}")
    write_baseline_dataset(booster, args.train_dir, args.scaler_dir, args.baseline_dir)


if __name__ == "__main__":
    main()
