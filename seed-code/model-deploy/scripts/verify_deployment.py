"""Check, after pulumi up, that the endpoint serves the configuration the deploy put it on.

    python3 scripts/verify_deployment.py --endpoint-name NAME --endpoint-config-name CONFIG

When a rollback alarm fires during a blue/green deployment, SageMaker returns the endpoint to the old configuration
and to InService, and the provider, which only waits for InService, reports success. So the stage passes only when
the endpoint is InService on the new configuration with every variant running instances; otherwise it fails with
what the endpoint serves and why SageMaker says so. Exit code 0 when verified, 1 when not.
"""
import argparse
import os
import sys
import time

import stage_session

SETTLING = {"Creating", "Updating", "SystemUpdating", "RollingBack"}
ATTEMPTS = 20
POLL_SECONDS = 30


class NotServing(RuntimeError):
    pass


def served_configuration(sagemaker, endpoint_name, sleep=time.sleep):
    """The endpoint once it settled (InService or Failed), waiting a while for an update still under way."""
    for attempt in range(1, ATTEMPTS + 1):
        endpoint = sagemaker.describe_endpoint(EndpointName=endpoint_name)
        if endpoint["EndpointStatus"] not in SETTLING or attempt == ATTEMPTS:
            return endpoint
        print(f"{endpoint_name} is {endpoint['EndpointStatus']}; waiting", file=sys.stderr)
        sleep(POLL_SECONDS)
    raise AssertionError("unreachable")


def verify(sagemaker, endpoint_name, expected_config, sleep=time.sleep):
    endpoint = served_configuration(sagemaker, endpoint_name, sleep)
    status = endpoint["EndpointStatus"]
    served = endpoint.get("EndpointConfigName")
    reason = endpoint.get("FailureReason")
    if served != expected_config:
        raise NotServing(
            f"{endpoint_name} serves {served}, not {expected_config}: the deployment was rolled back"
            + (f" ({reason})" if reason else "")
            + "; the previous model and configuration are kept, and the stage fails"
        )
    if status != "InService":
        raise NotServing(f"{endpoint_name} is {status} on {served}" + (f": {reason}" if reason else ""))
    idle = [v["VariantName"] for v in endpoint.get("ProductionVariants", []) if v.get("CurrentInstanceCount", 0) < 1]
    if idle or not endpoint.get("ProductionVariants"):
        raise NotServing(f"{endpoint_name} has no running instances in {idle or 'any variant'}")
    return endpoint


def parse_args(argv, env):
    parser = argparse.ArgumentParser(description="Verify the endpoint serves the deployed configuration.")
    parser.add_argument("--endpoint-name", required=True)
    parser.add_argument("--endpoint-config-name", required=True)
    stage_session.add_stage_arguments(parser, env)
    return parser.parse_args(argv)


def main(argv=None, env=None, sagemaker=None, sleep=time.sleep):
    args = parse_args(argv, os.environ if env is None else env)
    sagemaker = sagemaker or stage_session.client("sagemaker", args.region, args.role_arn, args.external_id)
    try:
        verify(sagemaker, args.endpoint_name, args.endpoint_config_name, sleep)
    except NotServing as error:
        print(f"deployment not verified: {error}", file=sys.stderr)
        return 1
    print(f"deployment verified: {args.endpoint_name} is InService on {args.endpoint_config_name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
