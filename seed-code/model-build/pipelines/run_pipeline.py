"""Upsert the SageMaker Pipeline, start an execution and wait for it to finish.

Run by the training CodeBuild project (see buildspec.yml) with the environment variables listed in
settings.py. Steps:
  1. upload the data and the job scripts under s3://$MODEL_BUCKET/pipelines/$SAGEMAKER_PIPELINE_NAME/
     (SSE-KMS with $KMS_KEY_ARN, content-addressed keys);
  2. create the pipeline, or update it when it already exists;
  3. start an execution and poll it until it ends or --timeout-seconds pass.
Exit code 0 when the execution succeeded, 1 when it failed, stopped or timed out, 2 on bad settings.

    python3 pipelines/run_pipeline.py [--timeout-seconds 7200] [--poll-seconds 30]
    python3 pipelines/run_pipeline.py --dry-run   # print the definition, no AWS call
"""
import argparse
import gzip
import hashlib
import io
import json
import sys
import tarfile
import time
from pathlib import Path

from botocore.exceptions import ClientError

from definition import TRAINING_ENTRY_POINT, Artifacts, build_definition
from settings import Settings

PIPELINES_DIR = Path(__file__).resolve().parent
DATA_FILE = PIPELINES_DIR.parent / "data" / "credit_risk.csv"
TERMINAL_STATUSES = ("Succeeded", "Failed", "Stopped")


class ExecutionTimeout(RuntimeError):
    pass


def digest(body):
    return hashlib.sha256(body).hexdigest()[:16]


def source_archive(script_path):
    """sourcedir.tar.gz with the training script at its root; same bytes for the same script."""
    data = Path(script_path).read_bytes()
    info = tarfile.TarInfo(Path(script_path).name)
    info.size, info.mode = len(data), 0o644
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w") as tar:
        tar.addfile(info, io.BytesIO(data))
    return gzip.compress(raw.getvalue(), mtime=0)


def plan_uploads(settings):
    """Return (uploads, artifacts): the S3 objects to write as {key: body} and their URIs."""
    uploads = {}

    def add(folder, name, body):
        key = f"{settings.key_prefix}/{folder}/{digest(body)}/{name}"
        uploads[key] = body
        return settings.s3_uri(key)

    data_uri = add("data", DATA_FILE.name, DATA_FILE.read_bytes())
    artifacts = Artifacts(
        input_data_uri=data_uri.rsplit("/", 1)[0] + "/",
        preprocess_script_uri=add("code", "preprocess.py", (PIPELINES_DIR / "preprocess.py").read_bytes()),
        evaluate_script_uri=add("code", "evaluate.py", (PIPELINES_DIR / "evaluate.py").read_bytes()),
        train_source_uri=add("code", "sourcedir.tar.gz", source_archive(PIPELINES_DIR / TRAINING_ENTRY_POINT)),
    )
    return uploads, artifacts


def upload(s3, settings, uploads):
    for key, body in uploads.items():
        s3.put_object(
            Bucket=settings.bucket,
            Key=key,
            Body=body,
            ServerSideEncryption="aws:kms",
            SSEKMSKeyId=settings.kms_key_arn,
        )


def _already_exists(error):
    code = error.response["Error"]["Code"]
    message = error.response["Error"].get("Message", "")
    return code == "ResourceInUse" or (code == "ValidationException" and "already exists" in message)


def upsert_pipeline(sm, settings, definition):
    """Create the pipeline, or update it if it exists. Returns "created" or "updated"."""
    request = {
        "PipelineName": settings.pipeline_name,
        "PipelineDefinition": json.dumps(definition),
        "PipelineDescription": f"Model build for {settings.product_name or settings.pipeline_name}",
        "RoleArn": settings.role_arn,
    }
    tags = {"Tags": [{"Key": "Product", "Value": settings.product_name}]} if settings.product_name else {}
    try:
        sm.create_pipeline(**request, **tags)
        return "created"
    except ClientError as error:
        if not _already_exists(error):
            raise
    sm.update_pipeline(**request)
    return "updated"


def start_execution(sm, settings):
    response = sm.start_pipeline_execution(
        PipelineName=settings.pipeline_name,
        PipelineExecutionDescription=f"Build of commit {settings.git_commit}",
    )
    return response["PipelineExecutionArn"]


def wait_for_execution(sm, execution_arn, timeout_seconds, poll_seconds, sleep=time.sleep, clock=time.monotonic):
    """Poll until the execution ends; return its last description. Raise ExecutionTimeout."""
    deadline = clock() + timeout_seconds
    while True:
        description = sm.describe_pipeline_execution(PipelineExecutionArn=execution_arn)
        status = description["PipelineExecutionStatus"]
        if status in TERMINAL_STATUSES:
            return description
        if clock() >= deadline:
            raise ExecutionTimeout(
                f"{execution_arn} still {status} after {timeout_seconds}s; it keeps running in SageMaker"
            )
        print(f"execution status: {status}", flush=True)
        sleep(poll_seconds)


def failed_steps(sm, execution_arn):
    """[(step name, failure reason)] of the execution's failed steps."""
    steps = sm.list_pipeline_execution_steps(PipelineExecutionArn=execution_arn)["PipelineExecutionSteps"]
    return [
        (step["StepName"], step.get("FailureReason", "no reason given"))
        for step in steps
        if step.get("StepStatus") == "Failed"
    ]


def report_failure(sm, description):
    arn = description["PipelineExecutionArn"]
    print(f"pipeline execution {description['PipelineExecutionStatus']}: {arn}", file=sys.stderr)
    if description.get("FailureReason"):
        print(f"  reason: {description['FailureReason']}", file=sys.stderr)
    for name, reason in failed_steps(sm, arn):
        print(f"  step {name} failed: {reason}", file=sys.stderr)


def parse_args(argv):
    parser = argparse.ArgumentParser(description="Upsert and run the model-build SageMaker Pipeline.")
    parser.add_argument("--timeout-seconds", type=int, default=7200)
    parser.add_argument("--poll-seconds", type=int, default=30)
    parser.add_argument("--dry-run", action="store_true", help="print the pipeline definition and exit")
    return parser.parse_args(argv)


def make_clients(settings):
    import boto3

    session = boto3.Session(region_name=settings.region)
    return session.client("s3"), session.client("sagemaker")


def main(argv=None, env=None, clients=None, sleep=time.sleep):
    args = parse_args(argv)
    try:
        settings = Settings.from_env(env)
        uploads, artifacts = plan_uploads(settings)
        definition = build_definition(settings, artifacts)
    except ValueError as error:  # SettingsError, or a region without known framework images
        print(f"error: {error}", file=sys.stderr)
        return 2
    if args.dry_run:
        print(json.dumps(definition, indent=2))
        return 0

    s3, sm = clients or make_clients(settings)
    upload(s3, settings, uploads)
    print(f"pipeline {settings.pipeline_name} {upsert_pipeline(sm, settings, definition)}", flush=True)
    execution_arn = start_execution(sm, settings)
    print(f"started {execution_arn}", flush=True)
    try:
        description = wait_for_execution(sm, execution_arn, args.timeout_seconds, args.poll_seconds, sleep)
    except ExecutionTimeout as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    if description["PipelineExecutionStatus"] != "Succeeded":
        report_failure(sm, description)
        return 1
    print(f"pipeline execution succeeded: {execution_arn}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
