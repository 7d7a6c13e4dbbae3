"""Generate the synthetic credit-risk data set shipped in data/credit_risk.csv.

The data is deterministic (fixed seed) so that every checkout trains on the same rows.
Each row is a loan applicant; the label `default` is 1 when the loan defaulted.

    python3 data/generate_data.py [--rows 4000] [--seed 42] [--output data/credit_risk.csv]
"""
import argparse
import sys
from pathlib import Path

import numpy as np
import pandas as pd

# The columns are the ones the pipeline's preprocessing step reads.
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "pipelines"))
from preprocess import FEATURES, LABEL  # noqa: E402


def _zscore(values):
    return (values - values.mean()) / values.std()


def generate(rows=4000, seed=42):
    """Return a DataFrame with the label first, then FEATURES."""
    rng = np.random.default_rng(seed)
    age = rng.integers(21, 76, rows)
    employment_years = np.minimum(rng.gamma(2.0, 3.0, rows), age - 18).round(1)
    annual_income = (rng.lognormal(10.9, 0.45, rows) / 1000).round(1)
    loan_amount = (annual_income * rng.uniform(0.05, 0.8, rows)).round(1)
    credit_score = np.clip(rng.normal(680, 70, rows), 300, 850).round()
    debt_to_income = np.clip(rng.beta(2.0, 5.0, rows), 0.0, 0.95).round(3)
    late_payments = rng.poisson(0.6, rows)
    open_credit_lines = rng.integers(1, 16, rows)

    logit = (
        -1.6
        - 1.1 * _zscore(credit_score)
        + 0.9 * _zscore(debt_to_income)
        + 0.55 * late_payments
        + 0.5 * _zscore(loan_amount / annual_income)
        - 0.35 * _zscore(employment_years)
        - 0.2 * _zscore(age)
        + rng.normal(0.0, 0.6, rows)
    )
    label = (rng.uniform(size=rows) < 1.0 / (1.0 + np.exp(-logit))).astype(int)

    features = {
        "age": age,
        "annual_income": annual_income,
        "loan_amount": loan_amount,
        "credit_score": credit_score.astype(int),
        "debt_to_income": debt_to_income,
        "employment_years": employment_years,
        "late_payments": late_payments,
        "open_credit_lines": open_credit_lines,
    }
    return pd.DataFrame({LABEL: label, **{name: features[name] for name in FEATURES}})


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=4000)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--output", default=str(Path(__file__).with_name("credit_risk.csv")))
    args = parser.parse_args(argv)
    frame = generate(args.rows, args.seed)
    frame.to_csv(args.output, index=False)
    print(f"wrote {len(frame)} rows ({frame[LABEL].mean():.1%} defaults) to {args.output}")


if __name__ == "__main__":
    main()
