import io
from datetime import datetime, timezone

import pytest
from botocore.response import StreamingBody

import smoke_test

ENDPOINT = "acme-prod-fraud-endpoint"


def expect_answer(stub, body, record=smoke_test.DEFAULT_RECORD):
    stub.add_response(
        "invoke_endpoint",
        {"Body": StreamingBody(io.BytesIO(body.encode()), len(body)), "ContentType": "text/csv"},
        {"EndpointName": ENDPOINT, "ContentType": "text/csv", "Accept": "text/csv", "Body": record.encode()},
    )


@pytest.mark.parametrize("body, expected", [("0.1234", 0.1234), ("0.9\n", 0.9), ("[0.5]", 0.5), ("0", 0.0)])
def test_parse_probability_accepts_one_value_in_range(body, expected):
    assert smoke_test.parse_probability(body) == pytest.approx(expected)


@pytest.mark.parametrize("body", ["", "1.7", "-0.1", "abc", "0.1,0.2", '{"error": "x"}'])
def test_parse_probability_rejects_anything_else(body):
    with pytest.raises(smoke_test.SmokeTestFailure):
        smoke_test.parse_probability(body)


def test_default_record_matches_the_model_features():
    assert len(smoke_test.DEFAULT_RECORD.split(",")) == 8


def test_passes_when_the_endpoint_answers_a_probability(stubbed, capsys):
    runtime, stub = stubbed("sagemaker-runtime")
    expect_answer(stub, "0.27")
    assert smoke_test.main(["--endpoint-name", ENDPOINT], {}, runtime=runtime) == 0
    assert "smoke test passed" in capsys.readouterr().out


def test_sends_the_record_given_in_the_environment(stubbed):
    runtime, stub = stubbed("sagemaker-runtime")
    record = "0.1,-1.2,0.3,0.4,0.5,0.6,0.7,0.8"
    expect_answer(stub, "0.5", record=record)
    env = {"ENDPOINT_NAME": ENDPOINT, "SMOKE_TEST_RECORD": record}
    assert smoke_test.main([], env, runtime=runtime) == 0


def test_fails_when_the_answer_is_not_a_probability(stubbed, capsys):
    runtime, stub = stubbed("sagemaker-runtime")
    expect_answer(stub, "42")
    assert smoke_test.main(["--endpoint-name", ENDPOINT], {}, runtime=runtime) == 1
    assert "not a probability" in capsys.readouterr().err


def test_retries_then_fails_when_the_endpoint_keeps_erroring(stubbed, capsys):
    runtime, stub = stubbed("sagemaker-runtime")
    for _ in range(smoke_test.ATTEMPTS):
        stub.add_client_error("invoke_endpoint", "ModelError", "Received server error (500)")
    sleeps = []
    assert smoke_test.main(["--endpoint-name", ENDPOINT], {}, runtime=runtime, sleep=sleeps.append) == 1
    assert sleeps == [smoke_test.RETRY_SECONDS] * (smoke_test.ATTEMPTS - 1)
    assert "invoking acme-prod-fraud-endpoint failed" in capsys.readouterr().err


def test_recovers_after_a_transient_error(stubbed):
    runtime, stub = stubbed("sagemaker-runtime")
    stub.add_client_error("invoke_endpoint", "ServiceUnavailable", "busy")
    expect_answer(stub, "0.61")
    assert smoke_test.main(["--endpoint-name", ENDPOINT], {}, runtime=runtime, sleep=lambda _: None) == 0


def test_assumes_the_stage_role_when_given(stubbed, monkeypatch):
    sts, stub = stubbed("sts")
    stub.add_response(
        "assume_role",
        {
            "Credentials": {
                "AccessKeyId": "ASIAEXAMPLE0000000000",
                "SecretAccessKey": "secret",
                "SessionToken": "token",
                "Expiration": "2030-01-01T00:00:00Z",
            }
        },
        {"RoleArn": "arn:aws:iam::444455556666:role/deploy", "RoleSessionName": "endpoint-smoke-test", "ExternalId": "ext-1"},
    )
    import boto3

    real_client = boto3.client
    monkeypatch.setattr(boto3, "client", lambda service, **kw: sts if service == "sts" else real_client(service, **kw))
    runtime = smoke_test.runtime_client("eu-west-1", "arn:aws:iam::444455556666:role/deploy", "ext-1")
    assert runtime.meta.service_model.service_name == "sagemaker-runtime"
    assert runtime.meta.region_name == "eu-west-1"
    credentials = runtime._request_signer._credentials.get_frozen_credentials()
    assert (credentials.access_key, credentials.secret_key, credentials.token) == (
        "ASIAEXAMPLE0000000000", "secret", "token"
    )


def test_calls_the_endpoint_with_the_build_credentials_without_a_role(monkeypatch):
    import boto3

    calls = []
    monkeypatch.setattr(boto3, "client", lambda service, **kw: calls.append((service, kw)))
    smoke_test.runtime_client("eu-west-1")
    assert calls == [("sagemaker-runtime", {"region_name": "eu-west-1"})]


def test_takes_the_stage_role_and_region_from_the_deploy_project(stubbed, monkeypatch):
    runtime, stub = stubbed("sagemaker-runtime")
    expect_answer(stub, "0.3")
    clients = []
    monkeypatch.setattr(smoke_test, "runtime_client", lambda *args: clients.append(args) or runtime)
    env = {
        "ENDPOINT_NAME": ENDPOINT,
        "AWS_REGION": "us-west-2",
        "ENDPOINT_REGION": "eu-west-1",
        "SMOKE_TEST_ROLE_ARN": "arn:aws:iam::444455556666:role/deploy",
        "SMOKE_TEST_EXTERNAL_ID": "ext-1",
    }
    assert smoke_test.main([], env) == 0
    assert clients == [("eu-west-1", "arn:aws:iam::444455556666:role/deploy", "ext-1")]


def test_endpoint_name_is_required(capsys):
    assert smoke_test.main([], {}, runtime="unused") == 2
    assert "no endpoint name" in capsys.readouterr().err


CAPTURE_URI = "s3://acme-models/data-capture/prod/"
STARTED = datetime(2024, 5, 1, 12, 0, tzinfo=timezone.utc)


def listing(stub, keys_and_times):
    contents = [{"Key": key, "LastModified": when, "Size": 100} for key, when in keys_and_times]
    stub.add_response("list_objects_v2", {"Contents": contents, "IsTruncated": False} if contents
                      else {"IsTruncated": False},
                      {"Bucket": "acme-models", "Prefix": f"data-capture/prod/{ENDPOINT}/AllTraffic/"})


def test_sends_the_records_and_finds_their_capture_under_the_prefix(stubbed, capsys):
    runtime, stub = stubbed("sagemaker-runtime")
    for _ in range(3):
        expect_answer(stub, "0.3")
    s3, s3_stub = stubbed("s3")
    listing(s3_stub, [])
    fresh = f"data-capture/prod/{ENDPOINT}/AllTraffic/2024/05/01/12/00-05-123-abc.jsonl"
    listing(s3_stub, [(f"data-capture/prod/{ENDPOINT}/AllTraffic/2024/04/30/09/old.jsonl",
                       datetime(2024, 4, 30, 9, tzinfo=timezone.utc)), (fresh, datetime(2024, 5, 1, 12, 1, tzinfo=timezone.utc))])
    sleeps = []
    assert smoke_test.main(["--endpoint-name", ENDPOINT, "--records", "3", "--capture-uri", CAPTURE_URI], {},
                           runtime=runtime, sleep=sleeps.append, s3=s3, now=lambda: STARTED) == 0
    assert sleeps == [smoke_test.CAPTURE_POLL_SECONDS]
    assert f"captured: {fresh}" in capsys.readouterr().out


def test_fails_when_no_capture_arrives(stubbed, capsys):
    runtime, stub = stubbed("sagemaker-runtime")
    expect_answer(stub, "0.3")
    s3, s3_stub = stubbed("s3")
    for _ in range(smoke_test.CAPTURE_POLLS):
        listing(s3_stub, [(f"data-capture/prod/{ENDPOINT}/AllTraffic/2024/04/30/09/old.jsonl",
                           datetime(2024, 4, 30, 9, tzinfo=timezone.utc))])
    assert smoke_test.main(["--endpoint-name", ENDPOINT, "--capture-uri", CAPTURE_URI], {}, runtime=runtime,
                           sleep=lambda _: None, s3=s3, now=lambda: STARTED) == 1
    assert "data capture does not reach the prefix monitoring reads" in capsys.readouterr().err


def test_the_capture_prefix_is_the_endpoints_variant_under_the_uri():
    assert smoke_test.capture_location("s3://b/data-capture/preprod", "ep") == ("b", "data-capture/preprod/ep/AllTraffic/")
    with pytest.raises(smoke_test.SmokeTestFailure):
        smoke_test.capture_location("b/data-capture/", "ep")
