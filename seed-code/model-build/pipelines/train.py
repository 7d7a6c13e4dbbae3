"""Train an XGBoost binary classifier (SageMaker XGBoost container, script mode; runs locally too).

In SageMaker the container passes hyperparameters as --name value and the channels and model
directory through SM_CHANNEL_TRAIN, SM_CHANNEL_VALIDATION and SM_MODEL_DIR. Locally:

    python3 pipelines/train.py --train out/train --validation out/validation --model-dir out/model

Input: CSV files without header, label in the first column. Output: <model-dir>/xgboost-model,
the only file in the model directory, which the XGBoost container serves as is (text/csv in,
probability out).
"""
import argparse
import os
from pathlib import Path

import numpy as np
import xgboost as xgb

MODEL_FILE = "xgboost-model"


def load_csv_dir(path):
    """Return (features, labels) from every .csv file under path (no header, label first)."""
    files = sorted(Path(path).glob("*.csv"))
    if not files:
        raise FileNotFoundError(f"no .csv file under {path}")
    data = np.vstack([np.loadtxt(f, delimiter=",", ndmin=2) for f in files])
    return data[:, 1:], data[:, 0]


def booster_params(args):
    return {
        "objective": "binary:logistic",
        "eval_metric": "auc",
        "max_depth": args.max_depth,
        "eta": args.eta,
        "subsample": args.subsample,
        "min_child_weight": args.min_child_weight,
        "seed": args.seed,
    }


def train(args):
    x_train, y_train = load_csv_dir(args.train)
    x_val, y_val = load_csv_dir(args.validation)
    dtrain = xgb.DMatrix(x_train, label=y_train)
    dval = xgb.DMatrix(x_val, label=y_val)
    booster = xgb.train(
        booster_params(args),
        dtrain,
        num_boost_round=args.num_round,
        evals=[(dtrain, "train"), (dval, "validation")],
        early_stopping_rounds=args.early_stopping_rounds,
        verbose_eval=10,
    )
    # Keep only the trees up to the best validation round, so that serving matches evaluation.
    return booster[: booster.best_iteration + 1]


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description="Train the XGBoost credit-risk classifier.")
    parser.add_argument("--train", default=os.environ.get("SM_CHANNEL_TRAIN"))
    parser.add_argument("--validation", default=os.environ.get("SM_CHANNEL_VALIDATION"))
    parser.add_argument("--model-dir", default=os.environ.get("SM_MODEL_DIR"))
    parser.add_argument("--max_depth", type=int, default=4)
    parser.add_argument("--eta", type=float, default=0.1)
    parser.add_argument("--subsample", type=float, default=0.8)
    parser.add_argument("--min_child_weight", type=float, default=1.0)
    parser.add_argument("--num_round", type=int, default=200)
    parser.add_argument("--early_stopping_rounds", type=int, default=20)
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args(argv)
    missing = [name for name in ("train", "validation", "model_dir") if not getattr(args, name)]
    if missing:
        parser.error("missing " + ", ".join("--" + m.replace("_", "-") for m in missing))
    return args


def main(argv=None):
    args = parse_args(argv)
    booster = train(args)
    Path(args.model_dir).mkdir(parents=True, exist_ok=True)
    booster.save_model(os.path.join(args.model_dir, MODEL_FILE))
    print(f"saved {booster.num_boosted_rounds()} trees to {args.model_dir}/{MODEL_FILE}")


if __name__ == "__main__":
    main()
