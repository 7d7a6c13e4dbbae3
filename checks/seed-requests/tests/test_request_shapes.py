"""The request validator fails on each kind of mistake AWS refuses, beyond what botocore's own validator sees."""
import copy

import botocore.session
import pytest

from seed_requests import instance_storage
from seed_requests.java_regex import UnsupportedPattern, full_match
from seed_requests.shapes import shapes_of

KEY = "arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
PROCESSING_JOB = {
    "ProcessingJobName": "pipelines-q3n8x4v2k7a1-Baseline-Xy1Z2aBcDe",
    "ProcessingResources": {
        "ClusterConfig": {"InstanceType": "ml.m5.large", "InstanceCount": 1, "VolumeSizeInGB": 30, "VolumeKmsKeyId": KEY}
    },
    "AppSpecification": {"ImageUri": "159807026194.dkr.ecr.us-west-2.amazonaws.com/sagemaker-model-monitor-analyzer"},
    "Environment": {"dataset_source": "/opt/ml/processing/input/baseline_dataset_input"},
    "ProcessingInputs": [
        {
            "InputName": "baseline_dataset_input",
            "S3Input": {
                "S3Uri": "s3://acme-dev-models/pipelines/acme/q3n8x4v2k7a1/baseline-dataset",
                "LocalPath": "/opt/ml/processing/input/baseline_dataset_input",
                "S3DataType": "S3Prefix",
                "S3InputMode": "File",
            },
        }
    ],
    "ProcessingOutputConfig": {
        "Outputs": [
            {
                "OutputName": "baseline",
                "S3Output": {
                    "S3Uri": "s3://acme-dev-models/pipelines/acme/q3n8x4v2k7a1/baseline",
                    "LocalPath": "/opt/ml/processing/output",
                    "S3UploadMode": "EndOfJob",
                },
            }
        ],
        "KmsKeyId": KEY,
    },
    "StoppingCondition": {"MaxRuntimeInSeconds": 3600},
    "RoleArn": "arn:aws:iam::111122223333:role/acme-sagemaker-execution",
}


def problems(operation, params, service="sagemaker"):
    return shapes_of(service).problems(operation, params)


def changed(path, value, request=PROCESSING_JOB):
    """A copy of request with the member at path (keys and list indexes) set to value."""
    result = copy.deepcopy(request)
    target = result
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = value
    return result


def test_a_valid_request_has_no_problem():
    assert problems("CreateProcessingJob", PROCESSING_JOB) == []


@pytest.mark.parametrize(
    "path, value, expected",
    [
        # botocore's own validator: unknown and missing members, types
        (("ProcessingResources", "ClusterConfig", "VolumeKmsKeyID"), KEY, 'Unknown parameter in ProcessingResources.ClusterConfig: "VolumeKmsKeyID"'),
        (("StoppingCondition",), {}, 'Missing required parameter in StoppingCondition: "MaxRuntimeInSeconds"'),
        (("ProcessingResources", "ClusterConfig", "InstanceCount"), "1", "Invalid type for parameter ProcessingResources.ClusterConfig.InstanceCount"),
        # what it skips
        (("ProcessingResources", "ClusterConfig", "InstanceType"), "ml.m5.huge", "'ml.m5.huge' is not one of"),
        (("ProcessingResources", "ClusterConfig", "InstanceCount"), 101, "InstanceCount: 101 above the maximum 100"),
        (("ProcessingResources", "ClusterConfig", "VolumeSizeInGB"), 16385, "VolumeSizeInGB: 16385 above the maximum 16384"),
        (("ProcessingResources", "ClusterConfig", "InstanceCount"), True, "InstanceCount: boolean True where a number is expected"),
        (("StoppingCondition", "MaxRuntimeInSeconds"), 604801, "MaxRuntimeInSeconds: 604801 above the maximum 604800"),
        (("ProcessingJobName",), "pipelines_baseline", "ProcessingJobName: 'pipelines_baseline' does not match the pattern"),
        (("ProcessingJobName",), "p" * 64, "ProcessingJobName: length 64 above the maximum 63"),
        (("ProcessingInputs", 0, "S3Input", "S3Uri"), "acme-dev-models/baseline", "does not match the pattern"),
        (("ProcessingInputs", 0, "S3Input", "S3DataType"), "Prefix", "'Prefix' is not one of ManifestFile, S3Prefix"),
        (("Environment",), {f"VARIABLE_{i}": "x" for i in range(101)}, "Environment: map size 101 above the maximum 100"),
        (("Environment",), {"1st": "x"}, "Environment (key '1st'): '1st' does not match the pattern"),
        (("Environment",), {"dataset_format": "x" * 257}, "Environment.dataset_format: length 257 above the maximum 256"),
        (("ProcessingInputs",), PROCESSING_JOB["ProcessingInputs"] * 11, "ProcessingInputs: list size 11 above the maximum 10"),
        (("ProcessingResources", "ClusterConfig", "InstanceType"), "ml.g4dn.xlarge", "VolumeKmsKeyId: not allowed with ml.g4dn.xlarge"),
    ],
)
def test_each_mistake_is_a_problem(path, value, expected):
    found = problems("CreateProcessingJob", changed(path, value))
    assert any(expected in problem for problem in found), found


def test_a_local_storage_type_without_a_volume_key_is_fine():
    request = changed(("ProcessingResources", "ClusterConfig", "InstanceType"), "ml.g4dn.xlarge")
    del request["ProcessingResources"]["ClusterConfig"]["VolumeKmsKeyId"]
    assert problems("CreateProcessingJob", request) == []


def test_the_volume_key_rule_holds_for_training_jobs():
    resources = {"InstanceType": "ml.p4d.24xlarge", "InstanceCount": 1, "VolumeSizeInGB": 30, "VolumeKmsKeyId": KEY}
    request = {
        "TrainingJobName": "pipelines-q3n8x4v2k7a1-Train-Xy1Z2aBcDe",
        "AlgorithmSpecification": {"TrainingImage": "246618743249.dkr.ecr.us-west-2.amazonaws.com/sagemaker-xgboost:1.7-1",
                                   "TrainingInputMode": "File"},
        "RoleArn": PROCESSING_JOB["RoleArn"],
        "OutputDataConfig": {"S3OutputPath": "s3://acme-dev-models/training"},
        "ResourceConfig": resources,
        "StoppingCondition": {"MaxRuntimeInSeconds": 3600},
    }
    assert [p for p in problems("CreateTrainingJob", request) if "VolumeKmsKeyId" in p] == [
        "CreateTrainingJob.ResourceConfig.VolumeKmsKeyId: not allowed with ml.p4d.24xlarge, an instance type with "
        "local NVMe storage (encrypted by the instance; SageMaker refuses a volume key there)"
    ]


def test_blobs_have_their_maximum():
    request = {"EndpointName": "acme-prod-endpoint", "Body": b"0" * 6291457, "ContentType": "text/csv"}
    assert problems("InvokeEndpoint", request, "sagemaker-runtime") == [
        "InvokeEndpoint.Body: length 6291457 above the maximum 6291456"
    ]


def test_tags_are_matched_with_unicode_categories():
    tags = [{"Key": "Product", "Value": "crédit-risk ml"}]
    request = {"PipelineName": "acme-build", "RoleArn": PROCESSING_JOB["RoleArn"], "ClientRequestToken": "t" * 32,
               "PipelineDefinition": "{}", "Tags": tags}
    assert problems("CreatePipeline", request) == []
    tags[0]["Value"] = "credit#risk"
    assert any("Tags[0].Value: 'credit#risk' does not match" in p for p in problems("CreatePipeline", request))


@pytest.mark.parametrize(
    "pattern, value, matches",
    [
        (r"[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}", "model-build", True),
        (r"[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}", "model-build-", False),  # a full match, as AWS checks it
        (r"[\p{L}\p{Z}\p{N}_.:/=+\-@]*", "Ünïcode 42", True),
        (r"\A\S[\p{Print}]*\z", "café", False),  # Java's \p{Print} is ASCII
        (r"\p{ASCII}*", "naïve", False),
        (r"[\u0020-\uD7FF\uE000-\uFFFD\uD800\uDC00-\uDBFF\uDFFF\t]*", "emoji \U0001F600", True),
        (r"[\u0020-\uD7FF\uE000-\uFFFD\uD800\uDC00-\uDBFF\uDFFF\t]*", "bell \x07", False),
        (r"^([\p{L}\p{Z}\p{N}_.:\/=+\-@]*)${1,128}", "team:ml", True),
    ],
)
def test_java_patterns_match_as_aws_matches_them(pattern, value, matches):
    assert full_match(pattern, value) is matches


def test_an_unknown_java_class_is_refused_not_skipped():
    with pytest.raises(UnsupportedPattern, match="IsAlphabetic"):
        full_match(r"\p{IsAlphabetic}+", "x")


def test_every_pattern_of_the_sagemaker_model_translates():
    model = botocore.session.get_session().get_service_model("sagemaker")
    patterns = {model.shape_for(name).metadata.get("pattern") for name in model.shape_names}
    for pattern in patterns - {None}:
        full_match(pattern, "")


def test_every_instance_family_of_the_model_is_classified():
    model = botocore.session.get_session().get_service_model("sagemaker")
    for shape in ("ProcessingInstanceType", "TrainingInstanceType"):
        for instance_type in model.shape_for(shape).enum:
            instance_storage.has_local_storage(instance_type)
    assert instance_storage.LOCAL_STORAGE_FAMILIES.isdisjoint(instance_storage.EBS_ONLY_FAMILIES)


def test_an_unclassified_family_is_refused():
    with pytest.raises(instance_storage.UnknownInstanceFamily, match="x9z.*instance store table"):
        instance_storage.has_local_storage("ml.x9z.large")
