"""Invoke the freshly deployed endpoint with one record and check it answers a probability.

    python3 scripts/smoke_test.py --endpoint-name NAME [--region REGION] [--record CSV]
                                  [--role-arn ARN --external-id ID]

The model takes the 8 features in the scaled layout produced by the model-build Preprocess step;
the default record (all zeros) is the average applicant of the training data. When the endpoint
lives in another account, pass the role to assume there (or set SMOKE_TEST_ROLE_ARN and
SMOKE_TEST_EXTERNAL_ID). Exit code 0 when the answer is one probability in [0, 1], 1 otherwise.
"""
import argparse
import os
import sys
import time

DEFAULT_RECORD = ",".join(["0"] * 8)
ATTEMPTS = 3
RETRY_SECONDS = 20


class SmokeTestFailure(RuntimeError):
    pass


def parse_probability(body):
    """The single probability of a text/csv XGBoost answer ("0.42", "0.42\\n" or "[0.42]")."""
    values = [v for v in body.replace("\n", ",").strip(" ,[]").split(",") if v.strip()]
    if len(values) != 1:
        raise SmokeTestFailure(f"expected one prediction, got {body!r}")
    try:
        probability = float(values[0].strip(" []"))
    except ValueError:
        raise SmokeTestFailure(f"prediction is not a number: {body!r}") from None
    if not 0.0 <= probability <= 1.0:
        raise SmokeTestFailure(f"prediction {probability} is not a probability")
    return probability


def invoke(runtime, endpoint_name, record):
    response = runtime.invoke_endpoint(
        EndpointName=endpoint_name, ContentType="text/csv", Accept="text/csv", Body=record.encode()
    )
    return response["Body"].read().decode()


def invoke_with_retries(runtime, endpoint_name, record, sleep=time.sleep):
    """Retry briefly: a just-updated endpoint can answer 5xx for a moment."""
    from botocore.exceptions import ClientError

    for attempt in range(1, ATTEMPTS + 1):
        try:
            return invoke(runtime, endpoint_name, record)
        except ClientError as error:
            if attempt == ATTEMPTS:
                raise SmokeTestFailure(f"invoking {endpoint_name} failed: {error}") from None
            print(f"attempt {attempt} failed ({error}); retrying", file=sys.stderr)
            sleep(RETRY_SECONDS)


def runtime_client(region, role_arn=None, external_id=None):
    """The sagemaker-runtime client, with the credentials of role_arn when one is given."""
    import stage_session  # beside this script; imported here so that collecting this file needs nothing

    return stage_session.client("sagemaker-runtime", region, role_arn, external_id, "endpoint-smoke-test")


def parse_args(argv, env):
    parser = argparse.ArgumentParser(description="Smoke-test a SageMaker endpoint.")
    parser.add_argument("--endpoint-name", default=env.get("ENDPOINT_NAME"))
    parser.add_argument("--region", default=env.get("ENDPOINT_REGION") or env.get("AWS_REGION"))
    parser.add_argument("--record", default=env.get("SMOKE_TEST_RECORD") or DEFAULT_RECORD)
    parser.add_argument("--role-arn", default=env.get("SMOKE_TEST_ROLE_ARN"))
    parser.add_argument("--external-id", default=env.get("SMOKE_TEST_EXTERNAL_ID"))
    return parser.parse_args(argv)


def main(argv=None, env=None, runtime=None, sleep=time.sleep):
    args = parse_args(argv, os.environ if env is None else env)
    if not args.endpoint_name:
        print("error: no endpoint name (pass --endpoint-name or set ENDPOINT_NAME)", file=sys.stderr)
        return 2
    runtime = runtime or runtime_client(args.region, args.role_arn, args.external_id)
    try:
        probability = parse_probability(invoke_with_retries(runtime, args.endpoint_name, args.record, sleep))
    except SmokeTestFailure as error:
        print(f"smoke test failed: {error}", file=sys.stderr)
        return 1
    print(f"smoke test passed: {args.endpoint_name} answered {probability:.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
