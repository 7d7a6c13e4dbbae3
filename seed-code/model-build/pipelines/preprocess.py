"""Split the raw credit-risk data into train/validation/test and standard-scale the features.

Runs in the SageMaker scikit-learn processing container and locally:

    python3 pipelines/preprocess.py --input-dir data --output-dir /some/dir

Reads every *.csv under --input-dir (header row, label column `default`). Writes, under --output-dir:
train/train.csv, validation/validation.csv, test/test.csv (no header, label first, as the XGBoost
container expects) and scaler/scaler.json (the per-feature mean and scale fitted on train only).
The served model expects features in this scaled layout, in the order of scaler.json.
"""
import argparse
import json
from pathlib import Path

import pandas as pd
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

LABEL = "default"
FEATURES = [
    "age",
    "annual_income",
    "loan_amount",
    "credit_score",
    "debt_to_income",
    "employment_years",
    "late_payments",
    "open_credit_lines",
]
SPLITS = ("train", "validation", "test")


def load_raw(input_dir):
    files = sorted(Path(input_dir).glob("*.csv"))
    if not files:
        raise FileNotFoundError(f"no .csv file under {input_dir}")
    frame = pd.concat([pd.read_csv(f) for f in files], ignore_index=True)
    missing = [c for c in [LABEL, *FEATURES] if c not in frame.columns]
    if missing:
        raise ValueError(f"input data lacks columns: {', '.join(missing)}")
    return frame[[LABEL, *FEATURES]].dropna()


def split(frame, seed, validation_fraction=0.15, test_fraction=0.15):
    """Stratified split into (train, validation, test)."""
    train, holdout = train_test_split(
        frame,
        test_size=validation_fraction + test_fraction,
        stratify=frame[LABEL],
        random_state=seed,
    )
    validation, test = train_test_split(
        holdout,
        test_size=test_fraction / (validation_fraction + test_fraction),
        stratify=holdout[LABEL],
        random_state=seed,
    )
    return train, validation, test


def scale(train, *others):
    """Fit a StandardScaler on train features, apply it to every frame; return (scaler, frames)."""
    scaler = StandardScaler().fit(train[FEATURES])
    scaled = []
    for frame in (train, *others):
        out = frame.copy()
        out[FEATURES] = scaler.transform(frame[FEATURES])
        scaled.append(out)
    return scaler, scaled


def write_outputs(output_dir, frames, scaler):
    output_dir = Path(output_dir)
    for name, frame in zip(SPLITS, frames):
        (output_dir / name).mkdir(parents=True, exist_ok=True)
        frame[[LABEL, *FEATURES]].to_csv(output_dir / name / f"{name}.csv", header=False, index=False)
    (output_dir / "scaler").mkdir(parents=True, exist_ok=True)
    params = {"features": FEATURES, "mean": scaler.mean_.tolist(), "scale": scaler.scale_.tolist()}
    (output_dir / "scaler" / "scaler.json").write_text(json.dumps(params, indent=2))


def main(argv=None):
    parser = argparse.ArgumentParser(description="Split and scale the credit-risk data.")
    parser.add_argument("--input-dir", default="/opt/ml/processing/input/data")
    parser.add_argument("--output-dir", default="/opt/ml/processing")
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args(argv)

    frame = load_raw(args.input_dir)
    scaler, frames = scale(*split(frame, args.seed))
    write_outputs(args.output_dir, frames, scaler)
    sizes = ", ".join(f"{n}={len(f)}" for n, f in zip(SPLITS, frames))
    print(f"preprocessed {len(frame)} rows: {sizes}")


if __name__ == "__main__":
    main()
