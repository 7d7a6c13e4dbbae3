from datetime import datetime, timezone

import pytest
from botocore.exceptions import ClientError

import latest_approved_package as lap

GROUP = "acme-prod-c001-fraud-ml-models"
ARN = f"arn:aws:sagemaker:eu-west-1:111122223333:model-package/{GROUP}/7"
REQUEST = {
    "ModelPackageGroupName": GROUP,
    "ModelApprovalStatus": "Approved",
    "SortBy": "CreationTime",
    "SortOrder": "Descending",
    "MaxResults": 1,
}


def summary(arn, version):
    return {
        "ModelPackageName": GROUP,
        "ModelPackageGroupName": GROUP,
        "ModelPackageVersion": version,
        "ModelPackageArn": arn,
        "CreationTime": datetime(2024, 5, 1, tzinfo=timezone.utc),
        "ModelPackageStatus": "Completed",
        "ModelApprovalStatus": "Approved",
    }


def test_prints_the_newest_approved_package(stubbed, capsys):
    client, stub = stubbed("sagemaker")
    stub.add_response("list_model_packages", {"ModelPackageSummaryList": [summary(ARN, 7)]}, REQUEST)
    assert lap.main([], {"MODEL_PACKAGE_GROUP_NAME": GROUP}, sagemaker=client) == 0
    out = capsys.readouterr().out
    assert out == ARN + "\n"


def test_fails_clearly_when_nothing_is_approved(stubbed, capsys):
    client, stub = stubbed("sagemaker")
    stub.add_response("list_model_packages", {"ModelPackageSummaryList": []}, REQUEST)
    assert lap.main([], {"MODEL_PACKAGE_GROUP_NAME": GROUP}, sagemaker=client) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert f"no Approved model package in group '{GROUP}'" in captured.err


def test_group_name_is_required(capsys):
    assert lap.main([], {}, sagemaker="unused") == 2
    assert "MODEL_PACKAGE_GROUP_NAME is not set" in capsys.readouterr().err


def test_api_errors_propagate(stubbed):
    client, stub = stubbed("sagemaker")
    stub.add_client_error("list_model_packages", "AccessDeniedException", "denied", expected_params=REQUEST)
    with pytest.raises(ClientError, match="denied"):
        lap.latest_approved_package_arn(client, GROUP)
