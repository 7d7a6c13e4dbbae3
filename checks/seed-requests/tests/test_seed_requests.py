"""The seed code's requests, with the values of every shipped stack, as AWS would receive them."""
import io
import json

import boto3
import pytest
from botocore.response import StreamingBody
from botocore.stub import Stubber

import definition
import latest_approved_package
import run_pipeline
import smoke_test
from seed_requests import instance_storage, pipeline
from seed_requests.plugin import RequestShapeError
from settings import Settings


def seed_definition(environment):
    settings = Settings.from_env(environment)
    _, artifacts = run_pipeline.plan_uploads(settings)
    return definition.build_definition(settings, artifacts)


def client(service, region):
    return boto3.client(service, region_name=region, aws_access_key_id="testing", aws_secret_access_key="testing")


def test_every_step_of_every_shipped_pipeline_is_a_request_aws_accepts(training_builds):
    for stack, environment in training_builds:
        built = seed_definition(environment)
        assert pipeline.problems(built) == [], stack
        requests = [(r.step, r.operation) for r in pipeline.check(built).requests]
        assert requests == [
            ("Preprocess", "CreateProcessingJob"),
            ("Train", "CreateTrainingJob"),
            ("Evaluate", "CreateProcessingJob"),
            ("Baseline", "CreateProcessingJob"),
            ("RegisterModel", "CreateModelPackage"),
        ], stack


@pytest.mark.parametrize("isolation, subnets", [("false", ""), ("true", "subnet-0a1b2c3d4e5f60011")])
def test_the_network_variants_are_requests_aws_accepts(training_builds, isolation, subnets):
    _, environment = training_builds[0]
    variant = {**environment, "ENABLE_NETWORK_ISOLATION": isolation, "SUBNET_IDS": subnets,
               "SECURITY_GROUP_IDS": "sg-0a1b2c3d4e5f60021" if subnets else ""}
    assert pipeline.problems(seed_definition(variant)) == []


def test_the_instance_types_offered_have_no_local_storage(training_builds):
    _, environment = training_builds[0]
    parameters = {p["Name"]: p for p in seed_definition(environment)["Parameters"]}
    for name in ("ProcessingInstanceType", "TrainingInstanceType"):
        offered = parameters[name]["EnumValues"]
        assert [t for t in offered if instance_storage.has_local_storage(t)] == [], name


def test_the_registered_version_points_at_its_own_baseline(training_builds):
    _, environment = training_builds[0]
    requests = {r.step: r.params for r in pipeline.check(seed_definition(environment)).requests}
    baseline_output = requests["Baseline"]["ProcessingOutputConfig"]["Outputs"][0]["S3Output"]["S3Uri"]
    register = requests["RegisterModel"]
    for metrics in (register["ModelMetrics"]["ModelDataQuality"], register["DriftCheckBaselines"]["ModelDataQuality"]):
        assert metrics["Statistics"]["S3Uri"] == f"{baseline_output}/statistics.json"
        assert metrics["Constraints"]["S3Uri"] == f"{baseline_output}/constraints.json"
    assert pipeline.EXECUTION_ID in baseline_output


def test_run_pipeline_sends_requests_aws_accepts(training_builds):
    """Uploads, create_pipeline (the definition as sent), start and follow the execution: each request is checked by
    the seed_requests plugin as the stubbed clients receive it."""
    for stack, environment in training_builds:
        s3, sm = client("s3", environment["AWS_REGION"]), client("sagemaker", environment["AWS_REGION"])
        settings = Settings.from_env(environment)
        execution = f"arn:aws:sagemaker:{settings.region}:111122223333:pipeline/{settings.pipeline_name}/execution/q3n8x4v2k7a1"
        sent = {}
        with Stubber(s3) as s3_stub, Stubber(sm) as sm_stub:
            for _ in run_pipeline.plan_uploads(settings)[0]:
                s3_stub.add_response("put_object", {})
            sm_stub.add_response("create_pipeline", {"PipelineArn": execution.rsplit("/execution", 1)[0]})
            sm_stub.add_response("start_pipeline_execution", {"PipelineExecutionArn": execution})
            sm_stub.add_response("describe_pipeline_execution",
                                 {"PipelineExecutionArn": execution, "PipelineExecutionStatus": "Failed"})
            sm_stub.add_response("list_pipeline_execution_steps", {"PipelineExecutionSteps": []})
            sm.meta.events.register("before-parameter-build.sagemaker.CreatePipeline",
                                    lambda params, **_: sent.update(params))
            assert run_pipeline.main([], environment, clients=(s3, sm), sleep=lambda _: None) == 1, stack
            s3_stub.assert_no_pending_responses()
            sm_stub.assert_no_pending_responses()
        assert pipeline.problems(json.loads(sent["PipelineDefinition"])) == [], stack


def test_the_deploy_scripts_send_requests_aws_accepts(deploy_builds, plans):
    endpoints = [r["inputs"]["name"] for s in plans for r in s["resources"] if r["type"] == "aws:sagemaker/endpoint:Endpoint"]
    assert endpoints
    for stack, environment in deploy_builds:
        sm = client("sagemaker", environment["AWS_REGION"])
        package = f"arn:aws:sagemaker:{environment['AWS_REGION']}:111122223333:model-package/{environment['MODEL_PACKAGE_GROUP_NAME']}/3"
        with Stubber(sm) as stub:
            stub.add_response("list_model_packages", {"ModelPackageSummaryList": [{
                "ModelPackageArn": package, "ModelPackageName": environment["MODEL_PACKAGE_GROUP_NAME"],
                "CreationTime": "2026-01-01T00:00:00Z", "ModelPackageStatus": "Completed"}]})
            assert latest_approved_package.main([], environment, sagemaker=sm) == 0, stack
        for endpoint in endpoints:
            runtime = client("sagemaker-runtime", environment["ENDPOINT_REGION"])
            with Stubber(runtime) as stub:
                stub.add_response("invoke_endpoint", {"Body": StreamingBody(io.BytesIO(b"0.31"), 4)})
                assert smoke_test.main(["--endpoint-name", endpoint], environment, runtime=runtime) == 0, stack


def test_the_smoke_test_assumes_the_stage_role_with_requests_aws_accepts(deploy_builds, monkeypatch):
    assumed = []
    for stack, environment in deploy_builds:
        sts = client("sts", environment["AWS_REGION"])
        stub = Stubber(sts)
        stub.add_response("assume_role", {"Credentials": {
            "AccessKeyId": "ASIAEXAMPLE0000000000", "SecretAccessKey": "secret", "SessionToken": "token",
            "Expiration": "2030-01-01T00:00:00Z"}})
        stub.activate()
        sts.meta.events.register("before-parameter-build.sts.AssumeRole", lambda params, **_: assumed.append(params))
        real_client = boto3.client
        monkeypatch.setattr(boto3, "client", lambda service, **kw: sts if service == "sts" else real_client(service, **kw))
        smoke_test.runtime_client(environment["ENDPOINT_REGION"], environment["SMOKE_TEST_ROLE_ARN"],
                                  environment.get("SMOKE_TEST_EXTERNAL_ID"))
        stub.assert_no_pending_responses()
        monkeypatch.undo()
    assert [a["RoleArn"] for a in assumed] == [e["SMOKE_TEST_ROLE_ARN"] for _, e in deploy_builds]


def test_a_request_aws_would_refuse_fails_the_test_that_sends_it():
    sm = client("sagemaker", "us-west-2")
    with Stubber(sm) as stub:
        # Stubber checks its queue first; the plugin refuses the request before any response is taken from it.
        stub.add_response("list_model_packages", {"ModelPackageSummaryList": []})
        with pytest.raises(RequestShapeError, match="MaxResults: 1000 above the maximum 100"):
            sm.list_model_packages(ModelPackageGroupName="acme-models", MaxResults=1000)
        with pytest.raises(RequestShapeError, match="'Created' is not one of"):
            sm.list_model_packages(ModelPackageGroupName="acme-models", SortBy="Created")
