import pytest

import drift_baseline

ARN = "arn:aws:sagemaker:eu-west-1:111122223333:model-package/acme-prod-c001-fraud-ml-models/7"
BASELINE = "s3://acme-models/pipelines/acme-model-build/q3n8x4v2k7a1/baseline"


def described(drift_check_baselines):
    answer = {
        "ModelPackageName": "acme-prod-c001-fraud-ml-models",
        "ModelPackageArn": ARN,
        "CreationTime": "2024-05-01T00:00:00Z",
        "ModelPackageStatus": "Completed",
        "ModelPackageStatusDetails": {"ValidationStatuses": [], "ImageScanStatuses": []},
    }
    if drift_check_baselines is not None:
        answer["DriftCheckBaselines"] = drift_check_baselines
    return answer


def quality(statistics=f"{BASELINE}/statistics.json", constraints=f"{BASELINE}/constraints.json"):
    return {"ModelDataQuality": {
        "Statistics": {"ContentType": "application/json", "S3Uri": statistics},
        "Constraints": {"ContentType": "application/json", "S3Uri": constraints},
    }}


@pytest.mark.parametrize("show, expected", [("statistics", f"{BASELINE}/statistics.json"),
                                            ("constraints", f"{BASELINE}/constraints.json")])
def test_prints_the_versions_registered_baseline(stubbed, capsys, show, expected):
    client, stub = stubbed("sagemaker")
    stub.add_response("describe_model_package", described(quality()), {"ModelPackageName": ARN})
    assert drift_baseline.main(["--model-package-arn", ARN, "--show", show], {}, sagemaker=client) == 0
    assert capsys.readouterr().out == expected + "\n"


def test_prints_nothing_for_a_version_without_a_baseline(stubbed, capsys):
    client, stub = stubbed("sagemaker")
    stub.add_response("describe_model_package", described(None), {"ModelPackageName": ARN})
    assert drift_baseline.main(["--show", "statistics"], {"MODEL_PACKAGE_ARN": ARN}, sagemaker=client) == 0
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "has no DriftCheckBaselines.ModelDataQuality" in captured.err


def test_a_baseline_with_one_file_is_no_baseline(stubbed):
    client, stub = stubbed("sagemaker")
    drift = {"ModelDataQuality": {"Statistics": {"ContentType": "application/json",
                                                 "S3Uri": f"{BASELINE}/statistics.json"}}}
    stub.add_response("describe_model_package", described(drift), {"ModelPackageName": ARN})
    assert drift_baseline.drift_baseline(client, ARN) is None


def test_needs_a_model_package(capsys):
    assert drift_baseline.main(["--show", "constraints"], {}, sagemaker=object()) == 2
    assert "no model package" in capsys.readouterr().err
