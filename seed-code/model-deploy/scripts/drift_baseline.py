"""Print where a model package version's data-quality baseline is, for the endpoint's monitoring.

    python3 scripts/drift_baseline.py --model-package-arn ARN --show statistics|constraints [--region REGION]

The seed pipeline registers each version with its baseline as DriftCheckBaselines.ModelDataQuality (Statistics and
Constraints, each an S3Uri); the deploy build passes both to the hosting stack
(hosting.monitoring.statisticsUri / constraintsUri). Exit code 0 with the S3 URI on stdout, or with nothing when the
version carries no data-quality baseline (a message on stderr says so: the hosting stack then refuses to monitor the
endpoint until monitoring is turned off or a version with a baseline is deployed); 2 when an argument is missing.
"""
import argparse
import os
import sys

import stage_session

FILES = {"statistics": "Statistics", "constraints": "Constraints"}


def drift_baseline(sagemaker, model_package_arn):
    """{"statistics": uri, "constraints": uri} of the version, or None when it has no data-quality baseline."""
    package = sagemaker.describe_model_package(ModelPackageName=model_package_arn)
    quality = package.get("DriftCheckBaselines", {}).get("ModelDataQuality", {})
    uris = {name: quality.get(member, {}).get("S3Uri") for name, member in FILES.items()}
    return uris if all(uris.values()) else None


def parse_args(argv, env):
    parser = argparse.ArgumentParser(description="Print a model package version's data-quality baseline.")
    parser.add_argument("--model-package-arn", default=env.get("MODEL_PACKAGE_ARN"))
    parser.add_argument("--show", choices=sorted(FILES), required=True)
    parser.add_argument("--region", default=env.get("AWS_REGION"))
    return parser.parse_args(argv)


def main(argv=None, env=None, sagemaker=None):
    args = parse_args(argv, os.environ if env is None else env)
    if not args.model_package_arn:
        print("error: no model package (pass --model-package-arn or set MODEL_PACKAGE_ARN)", file=sys.stderr)
        return 2
    sagemaker = sagemaker or stage_session.client("sagemaker", args.region)
    baseline = drift_baseline(sagemaker, args.model_package_arn)
    if baseline is None:
        print(f"{args.model_package_arn} has no DriftCheckBaselines.ModelDataQuality: its endpoint cannot be "
              "monitored against a baseline", file=sys.stderr)
        return 0
    print(baseline[args.show])
    return 0


if __name__ == "__main__":
    sys.exit(main())
