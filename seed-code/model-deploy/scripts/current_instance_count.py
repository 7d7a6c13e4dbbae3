"""Print how many instances the endpoint's variant runs now, before a deploy replaces its configuration.

    python3 scripts/current_instance_count.py --endpoint-name NAME [--variant AllTraffic]

SageMaker's UpdateEndpoint starts the new fleet with the new configuration's initial instance count unless told to
retain the variant's properties, and the provider never tells it to. The deploy build passes this count to the
hosting stack (sagemaker-mlops:hosting.currentInstanceCount), which starts the new configuration with at least as
many instances as the autoscaler runs now. Prints nothing when the endpoint does not exist yet (the first deploy).
Exit code 0, or 1 when the endpoint has no such variant.
"""
import argparse
import os
import sys

import stage_session

VARIANT = "AllTraffic"


def running_instances(sagemaker, endpoint_name, variant=VARIANT):
    """The larger of the variant's current and desired count; None when the endpoint does not exist."""
    from botocore.exceptions import ClientError

    try:
        endpoint = sagemaker.describe_endpoint(EndpointName=endpoint_name)
    except ClientError as error:
        if stage_session.is_missing_endpoint(error):
            return None
        raise
    for production in endpoint.get("ProductionVariants", []):
        if production["VariantName"] == variant:
            return max(production.get("CurrentInstanceCount", 0), production.get("DesiredInstanceCount", 0))
    raise LookupError(f"endpoint {endpoint_name} has no variant {variant!r}")


def parse_args(argv, env):
    parser = argparse.ArgumentParser(description="Print the instances an endpoint's variant runs now.")
    parser.add_argument("--endpoint-name", required=True)
    parser.add_argument("--variant", default=VARIANT)
    stage_session.add_stage_arguments(parser, env)
    return parser.parse_args(argv)


def main(argv=None, env=None, sagemaker=None):
    args = parse_args(argv, os.environ if env is None else env)
    sagemaker = sagemaker or stage_session.client("sagemaker", args.region, args.role_arn, args.external_id)
    try:
        count = running_instances(sagemaker, args.endpoint_name, args.variant)
    except LookupError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    if count is not None:
        print(count)
    return 0


if __name__ == "__main__":
    sys.exit(main())
