"""run_pipeline against stubbed S3 and SageMaker clients (botocore Stubber, no AWS call)."""
import gzip
import io
import json
import tarfile

import boto3
import pytest
from botocore.exceptions import ClientError
from botocore.stub import ANY, Stubber

import run_pipeline
from definition import build_definition
from settings import Settings

EXECUTION_ARN = "arn:aws:sagemaker:us-west-2:111122223333:pipeline/acme-dev-fraud-build/execution/abc123"
PIPELINE_ARN = "arn:aws:sagemaker:us-west-2:111122223333:pipeline/acme-dev-fraud-build"


def client(service):
    return boto3.client(
        service, region_name="us-west-2", aws_access_key_id="testing", aws_secret_access_key="testing"
    )


def stubbed(service):
    """Yield (client, stubber); every expected call must have been made at teardown."""
    c = client(service)
    with Stubber(c) as stub:
        yield c, stub
        stub.assert_no_pending_responses()


@pytest.fixture
def s3():
    yield from stubbed("s3")


@pytest.fixture
def sm():
    yield from stubbed("sagemaker")


@pytest.fixture
def settings(env):
    return Settings.from_env(env)


def expect_uploads(stub, settings):
    uploads, _ = run_pipeline.plan_uploads(settings)
    for key in uploads:
        stub.add_response(
            "put_object",
            {},
            {
                "Bucket": settings.bucket,
                "Key": key,
                "Body": ANY,
                "ServerSideEncryption": "aws:kms",
                "SSEKMSKeyId": settings.kms_key_arn,
            },
        )


def expect_create(stub, settings, definition=ANY):
    request = {
        "PipelineName": settings.pipeline_name,
        "PipelineDefinition": definition,
        "PipelineDescription": ANY,
        "RoleArn": settings.role_arn,
    }
    if settings.product_name:
        request["Tags"] = [{"Key": "Product", "Value": settings.product_name}]
    stub.add_response("create_pipeline", {"PipelineArn": PIPELINE_ARN}, request)


def expect_start(stub, settings):
    stub.add_response(
        "start_pipeline_execution",
        {"PipelineExecutionArn": EXECUTION_ARN},
        {"PipelineName": settings.pipeline_name, "PipelineExecutionDescription": ANY},
    )


def expect_run_started(s3_stub, sm_stub, settings):
    """The calls main makes before it polls: uploads, create_pipeline (with the definition of the uploaded
    artifacts), start_pipeline_execution."""
    expect_uploads(s3_stub, settings)
    _, artifacts = run_pipeline.plan_uploads(settings)
    expect_create(sm_stub, settings, json.dumps(build_definition(settings, artifacts)))
    expect_start(sm_stub, settings)


def expect_status(stub, status, **extra):
    stub.add_response(
        "describe_pipeline_execution",
        {"PipelineExecutionArn": EXECUTION_ARN, "PipelineExecutionStatus": status, **extra},
        {"PipelineExecutionArn": EXECUTION_ARN},
    )


def test_uploads_are_kms_encrypted_under_the_pipeline_prefix(s3, settings):
    s3_client, stub = s3
    expect_uploads(stub, settings)
    uploads, artifacts = run_pipeline.plan_uploads(settings)
    run_pipeline.upload(s3_client, settings, uploads)
    prefix = f"pipelines/{settings.pipeline_name}/"
    uris = {f"s3://{settings.bucket}/{key}": key for key in uploads}
    # Each artifact names the object uploaded for it; the data parameter is that object's folder.
    data_key = uris[artifacts.input_data_uri + "credit_risk.csv"]
    assert data_key.startswith(prefix + "data/")
    assert uploads[data_key] == run_pipeline.DATA_FILE.read_bytes()
    scripts = [(artifacts.preprocess_script_uri, "preprocess.py"), (artifacts.evaluate_script_uri, "evaluate.py")]
    for uri, script in scripts:
        assert uris[uri].startswith(prefix + "code/") and uris[uri].endswith("/" + script)
        assert uploads[uris[uri]] == (run_pipeline.PIPELINES_DIR / script).read_bytes()
    source_key = uris[artifacts.train_source_uri]
    assert source_key.startswith(prefix + "code/") and source_key.endswith("/sourcedir.tar.gz")
    assert uploads[source_key] == run_pipeline.source_archive(run_pipeline.PIPELINES_DIR / "train.py")
    assert len(uploads) == 4


def test_source_archive_is_reproducible_and_holds_train_py():
    script = run_pipeline.PIPELINES_DIR / "train.py"
    archive = run_pipeline.source_archive(script)
    assert archive == run_pipeline.source_archive(script)
    with tarfile.open(fileobj=io.BytesIO(gzip.decompress(archive))) as tar:
        assert tar.getnames() == ["train.py"]


def test_upsert_creates_a_new_pipeline(sm, settings):
    sm_client, stub = sm
    expect_create(stub, settings)
    assert run_pipeline.upsert_pipeline(sm_client, settings, {"Version": "2020-12-01"}) == "created"


def test_upsert_without_a_product_name_sends_no_tags(sm, env):
    sm_client, stub = sm
    settings = Settings.from_env({**env, "PRODUCT_NAME": ""})
    expect_create(stub, settings)
    assert run_pipeline.upsert_pipeline(sm_client, settings, {"Version": "2020-12-01"}) == "created"


@pytest.mark.parametrize(
    "code, message",
    [("ValidationException", "Pipeline with name {} already exists."), ("ResourceInUse", "Pipeline {} is in use.")],
)
def test_upsert_updates_an_existing_pipeline(sm, settings, code, message):
    sm_client, stub = sm
    stub.add_client_error("create_pipeline", code, message.format(settings.pipeline_name))
    definition = {"Version": "2020-12-01", "Steps": []}
    stub.add_response(
        "update_pipeline",
        {"PipelineArn": PIPELINE_ARN},
        {
            "PipelineName": settings.pipeline_name,
            "PipelineDefinition": json.dumps(definition),
            "PipelineDescription": ANY,
            "RoleArn": settings.role_arn,
        },
    )
    assert run_pipeline.upsert_pipeline(sm_client, settings, definition) == "updated"


@pytest.mark.parametrize(
    "code, message", [("AccessDeniedException", "not allowed"), ("ValidationException", "RoleArn is not allowed")]
)
def test_upsert_propagates_other_errors(sm, settings, code, message):
    sm_client, stub = sm
    stub.add_client_error("create_pipeline", code, message)
    with pytest.raises(ClientError, match="not allowed"):
        run_pipeline.upsert_pipeline(sm_client, settings, {})


def test_wait_polls_until_the_execution_ends(sm):
    sm_client, stub = sm
    expect_status(stub, "Executing")
    expect_status(stub, "Executing")
    expect_status(stub, "Succeeded")
    sleeps = []
    description = run_pipeline.wait_for_execution(sm_client, EXECUTION_ARN, 600, 30, sleep=sleeps.append)
    assert description["PipelineExecutionStatus"] == "Succeeded"
    assert sleeps == [30, 30]


def test_wait_times_out(sm):
    sm_client, stub = sm
    expect_status(stub, "Executing")
    expect_status(stub, "Executing")
    ticks = iter([0, 10, 20])
    with pytest.raises(run_pipeline.ExecutionTimeout, match="still Executing after 15s"):
        run_pipeline.wait_for_execution(
            sm_client, EXECUTION_ARN, 15, 10, sleep=lambda _: None, clock=lambda: next(ticks)
        )


def test_main_succeeds_when_the_execution_succeeds(s3, sm, env, settings, capsys):
    (s3_client, s3_stub), (sm_client, sm_stub) = s3, sm
    expect_run_started(s3_stub, sm_stub, settings)
    expect_status(sm_stub, "Executing")
    expect_status(sm_stub, "Succeeded")
    code = run_pipeline.main([], env, clients=(s3_client, sm_client), sleep=lambda _: None)
    assert code == 0
    assert "pipeline execution succeeded" in capsys.readouterr().out


def test_main_fails_and_names_the_failed_step(s3, sm, env, settings, capsys):
    (s3_client, s3_stub), (sm_client, sm_stub) = s3, sm
    expect_run_started(s3_stub, sm_stub, settings)
    expect_status(sm_stub, "Failed", FailureReason="Step failure: One or multiple steps failed.")
    sm_stub.add_response(
        "list_pipeline_execution_steps",
        {
            "PipelineExecutionSteps": [
                {"StepName": "Preprocess", "StepStatus": "Succeeded"},
                {"StepName": "AucTooLow", "StepStatus": "Failed", "FailureReason": "Model AUC is below MinimumAuc 0.7"},
            ]
        },
        {"PipelineExecutionArn": EXECUTION_ARN},
    )
    code = run_pipeline.main([], env, clients=(s3_client, sm_client), sleep=lambda _: None)
    assert code == 1
    err = capsys.readouterr().err
    assert "pipeline execution Failed" in err
    assert "step AucTooLow failed: Model AUC is below MinimumAuc 0.7" in err


def test_main_reports_missing_settings_without_calling_aws(env, capsys):
    del env["MODEL_BUCKET"]
    assert run_pipeline.main([], env, clients=("no", "calls")) == 2
    assert "MODEL_BUCKET: required environment variable is not set" in capsys.readouterr().err


def test_main_reports_an_unknown_region_without_calling_aws(env, capsys):
    env["AWS_REGION"] = "mars-east-1"
    assert run_pipeline.main([], env, clients=("no", "calls")) == 2
    assert "no SageMaker framework image account known for region 'mars-east-1'" in capsys.readouterr().err


def test_dry_run_prints_the_definition_without_calling_aws(env, capsys):
    assert run_pipeline.main(["--dry-run"], env, clients=("no", "calls")) == 0
    assert json.loads(capsys.readouterr().out)["Version"] == "2020-12-01"
