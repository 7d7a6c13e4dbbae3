"""Print what the endpoint runs now, before a deploy replaces its configuration.

    python3 scripts/endpoint_state.py --endpoint-name NAME --show instance-count|endpoint-config-name

instance-count: the instances of the variant (the larger of its current and desired count). SageMaker's
UpdateEndpoint starts the new fleet with the new configuration's initial instance count unless told to retain the
variant's properties, and the provider never tells it to; the deploy build passes this count to the hosting stack
(sagemaker-mlops:hosting.currentInstanceCount), which starts the new configuration with at least as many.

endpoint-config-name: the configuration the endpoint serves. When it is not the one the stack's last deploy put it
on, that deploy was rolled back; the deploy build passes it to the hosting stack
(sagemaker-mlops:hosting.servedEndpointConfigName), which names the new versions apart from the ones SageMaker keeps.

Prints nothing when the endpoint does not exist yet (the first deploy). Exit code 0, or 1 when the endpoint has no
such variant.
"""
import argparse
import os
import sys

import stage_session

VARIANT = "AllTraffic"
SHOWN = ("instance-count", "endpoint-config-name")


def describe(sagemaker, endpoint_name):
    """DescribeEndpoint's answer, or None when the endpoint does not exist."""
    from botocore.exceptions import ClientError

    try:
        return sagemaker.describe_endpoint(EndpointName=endpoint_name)
    except ClientError as error:
        if stage_session.is_missing_endpoint(error):
            return None
        raise


def running_instances(endpoint, variant=VARIANT):
    for production in endpoint.get("ProductionVariants", []):
        if production["VariantName"] == variant:
            return max(production.get("CurrentInstanceCount", 0), production.get("DesiredInstanceCount", 0))
    raise LookupError(f"endpoint {endpoint['EndpointName']} has no variant {variant!r}")


def parse_args(argv, env):
    parser = argparse.ArgumentParser(description="Print what an endpoint runs now.")
    parser.add_argument("--endpoint-name", required=True)
    parser.add_argument("--show", choices=SHOWN, required=True)
    parser.add_argument("--variant", default=VARIANT)
    stage_session.add_stage_arguments(parser, env)
    return parser.parse_args(argv)


def main(argv=None, env=None, sagemaker=None):
    args = parse_args(argv, os.environ if env is None else env)
    sagemaker = sagemaker or stage_session.client("sagemaker", args.region, args.role_arn, args.external_id)
    endpoint = describe(sagemaker, args.endpoint_name)
    if endpoint is None:
        return 0
    if args.show == "endpoint-config-name":
        print(endpoint["EndpointConfigName"])
        return 0
    try:
        print(running_instances(endpoint, args.variant))
    except LookupError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
