"""Invoke the freshly deployed endpoint with one record and check it answers a probability.

    python3 scripts/smoke_test.py --endpoint-name NAME [--region REGION] [--record CSV]
                                  [--role-arn ARN --external-id ID] [--records N --capture-uri S3_URI]

The model takes the 8 features in the scaled layout produced by the model-build Preprocess step;
the default record (all zeros) is the average applicant of the training data. When the endpoint
lives in another account, pass the role to assume there (or set SMOKE_TEST_ROLE_ARN and
SMOKE_TEST_EXTERNAL_ID). With --capture-uri (the hosting stack's dataCaptureUri), it sends --records records and
waits until the endpoint's capture of them lands under that prefix, as data-quality monitoring reads it
(<capture uri><endpoint>/<variant>/yyyy/mm/dd/hh/, https://docs.aws.amazon.com/sagemaker/latest/dg/model-monitor-data-capture.html),
listing it with the build's own credentials (the capture is in the tooling bucket). Exit code 0 when every answer
is one probability in [0, 1] (and the capture arrived), 1 otherwise.
"""
import argparse
import os
import sys
import time
from datetime import datetime, timezone

DEFAULT_RECORD = ",".join(["0"] * 8)
ATTEMPTS = 3
RETRY_SECONDS = 20
VARIANT = "AllTraffic"
# SageMaker writes capture files in batches; give it ten minutes, looking every thirty seconds.
CAPTURE_POLL_SECONDS = 30
CAPTURE_POLLS = 20


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


def capture_location(capture_uri, endpoint_name):
    """(bucket, key prefix) of the endpoint's capture under capture_uri (s3://bucket/prefix/)."""
    if not capture_uri.startswith("s3://"):
        raise SmokeTestFailure(f"capture URI {capture_uri!r} is not an s3:// URI")
    bucket, _, prefix = capture_uri[len("s3://"):].partition("/")
    if prefix and not prefix.endswith("/"):
        prefix += "/"
    return bucket, f"{prefix}{endpoint_name}/{VARIANT}/"


def wait_for_capture(s3, capture_uri, endpoint_name, since, sleep=time.sleep):
    """The key of a capture file written at or after since, waiting for SageMaker to deliver it."""
    bucket, prefix = capture_location(capture_uri, endpoint_name)
    for poll in range(CAPTURE_POLLS):
        pages = s3.get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix=prefix)
        for page in pages:
            for item in page.get("Contents", []):
                if item["LastModified"] >= since:
                    return item["Key"]
        if poll < CAPTURE_POLLS - 1:
            sleep(CAPTURE_POLL_SECONDS)
    raise SmokeTestFailure(f"no capture of the smoke test's records under s3://{bucket}/{prefix} after "
                           f"{CAPTURE_POLLS * CAPTURE_POLL_SECONDS} seconds: data capture does not reach the "
                           "prefix monitoring reads")


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
    parser.add_argument("--records", type=int, default=1)
    parser.add_argument("--capture-uri", default=env.get("CAPTURE_URI") or None)
    return parser.parse_args(argv)


def main(argv=None, env=None, runtime=None, sleep=time.sleep, s3=None, now=None):
    args = parse_args(argv, os.environ if env is None else env)
    if not args.endpoint_name:
        print("error: no endpoint name (pass --endpoint-name or set ENDPOINT_NAME)", file=sys.stderr)
        return 2
    if args.records < 1:
        print("error: --records must be at least 1", file=sys.stderr)
        return 2
    runtime = runtime or runtime_client(args.region, args.role_arn, args.external_id)
    started = (now or (lambda: datetime.now(timezone.utc)))()
    try:
        answers = [parse_probability(invoke_with_retries(runtime, args.endpoint_name, args.record, sleep))
                   for _ in range(args.records)]
        if args.capture_uri:
            if s3 is None:
                import boto3

                s3 = boto3.client("s3", region_name=args.region)
            key = wait_for_capture(s3, args.capture_uri, args.endpoint_name, started, sleep)
            print(f"captured: {key}")
    except SmokeTestFailure as error:
        print(f"smoke test failed: {error}", file=sys.stderr)
        return 1
    print(f"smoke test passed: {args.endpoint_name} answered {answers[-1]:.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
