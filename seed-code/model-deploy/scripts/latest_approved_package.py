"""Print the ARN of the newest Approved model package of $MODEL_PACKAGE_GROUP_NAME.

    python3 scripts/latest_approved_package.py [--group NAME] [--region REGION]

Exit code 0 with the ARN alone on stdout; 1 when the group has no Approved package;
2 when the group name is missing. Messages go to stderr.
"""
import argparse
import os
import sys

import stage_session


class NoApprovedPackage(LookupError):
    pass


def latest_approved_package_arn(sagemaker, group_name):
    response = sagemaker.list_model_packages(
        ModelPackageGroupName=group_name,
        ModelApprovalStatus="Approved",
        SortBy="CreationTime",
        SortOrder="Descending",
        MaxResults=1,
    )
    packages = response.get("ModelPackageSummaryList", [])
    if not packages:
        raise NoApprovedPackage(
            f"no Approved model package in group {group_name!r}: approve a version in the "
            "SageMaker model registry (ModelApprovalStatus=Approved) before deploying"
        )
    return packages[0]["ModelPackageArn"]


def parse_args(argv, env):
    parser = argparse.ArgumentParser(description="Print the newest Approved model package ARN.")
    parser.add_argument("--group", default=env.get("MODEL_PACKAGE_GROUP_NAME"))
    parser.add_argument("--region", default=env.get("AWS_REGION"))
    return parser.parse_args(argv)


def main(argv=None, env=None, sagemaker=None):
    args = parse_args(argv, os.environ if env is None else env)
    if not args.group:
        print("error: MODEL_PACKAGE_GROUP_NAME is not set (or pass --group)", file=sys.stderr)
        return 2
    sagemaker = sagemaker or stage_session.client("sagemaker", args.region)
    try:
        print(latest_approved_package_arn(sagemaker, args.group))
    except NoApprovedPackage as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
