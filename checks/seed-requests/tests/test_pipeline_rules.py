"""The definition check fails on each mistake planted in the seed pipeline's definition."""
import copy

import pytest

from seed_requests import pipeline
from test_seed_requests import seed_definition


@pytest.fixture(scope="module")
def built(training_builds):
    return seed_definition(training_builds[0][1])


def step(definition, name):
    return next(s for s in pipeline.all_steps(definition["Steps"]) if s["Name"] == name)


def planted(definition, change):
    mistaken = copy.deepcopy(definition)
    change(mistaken)
    return pipeline.problems(mistaken)


def set_in(name, *path_and_value):
    *path, key, value = path_and_value

    def change(definition):
        target = step(definition, name)
        for part in path:
            target = target[part]
        target[key] = value
    return change


def offer(parameter, instance_type):
    def change(definition):
        entry = next(p for p in definition["Parameters"] if p["Name"] == parameter)
        entry["EnumValues"] = [*entry["EnumValues"][:15], instance_type]
    return change


@pytest.mark.parametrize(
    "change, expected",
    [
        (set_in("Preprocess", "Arguments", "ProcessingResources", "ClusterConfig", "VolumeKmsKeyID", "x"),
         'Steps[Preprocess] CreateProcessingJob: Unknown parameter in ProcessingResources.ClusterConfig: "VolumeKmsKeyID"'),
        (set_in("Train", "Arguments", "HyperParameters", "eta", "0." + "1" * 2500),
         "Steps[Train] CreateTrainingJob.HyperParameters.eta: length 2502 above the maximum 2500"),
        (set_in("Evaluate", "Arguments", "ProcessingResources", "ClusterConfig", "VolumeSizeInGB", 20000),
         "Steps[Evaluate] CreateProcessingJob.ProcessingResources.ClusterConfig.VolumeSizeInGB: 20000 above the maximum 16384"),
        (set_in("RegisterModel", "Arguments", "ModelApprovalStatus", "Approve"),
         "ModelApprovalStatus: 'Approve' is not one of"),
        (set_in("Baseline", "Arguments", "Environment", "dataset-format", "{}"),
         "Environment (key 'dataset-format'): 'dataset-format' does not match the pattern"),
        # a local NVMe type offered to an execution: its request carries a volume key SageMaker refuses
        (offer("TrainingInstanceType", "ml.g5.xlarge"),
         "Steps[Train] CreateTrainingJob.ResourceConfig.VolumeKmsKeyId: not allowed with ml.g5.xlarge"),
        (offer("ProcessingInstanceType", "ml.m5d.large"), "'ml.m5d.large' is not one of"),
        (set_in("Train", "RetryPolicies", [{"ExceptionType": ["SageMaker.CAPACITY_ERRORS"], "MaxAttempts": 3}]),
         "Steps[Train].RetryPolicies[0].ExceptionType: 'SageMaker.CAPACITY_ERRORS' is not one of"),
        (set_in("RegisterModel", "RetryPolicies", [{"ExceptionType": ["SageMaker.CAPACITY_ERROR"], "MaxAttempts": 3}]),
         "Steps[RegisterModel].RetryPolicies[0].ExceptionType: 'SageMaker.CAPACITY_ERROR' is not one of"),
        (set_in("Train", "RetryPolicies", [{"ExceptionType": ["Step.THROTTLING"], "MaxAttempts": 21}]),
         "Steps[Train].RetryPolicies[0].MaxAttempts: expected an integer from 1 to 20, got 21"),
        (set_in("Train", "RetryPolicies", [{"ExceptionType": ["Step.THROTTLING"], "MaxAttempts": 2, "ExpireAfterMin": 5}]),
         "Steps[Train].RetryPolicies[0]: give one of MaxAttempts and ExpireAfterMin"),
        (set_in("Train", "RetryPolicies", [{"ExceptionType": "Step.THROTTLING", "MaxAttempts": 2}]),
         "Steps[Train].RetryPolicies[0].ExceptionType: expected a non-empty list"),
        (set_in("Evaluate", "RetryPolicies", [{"ExceptionType": ["Step.THROTTLING"], "MaxAttempts": 2, "Interval": 5}]),
         "Steps[Evaluate].RetryPolicies[0]: unknown keys ['Interval']"),
        (set_in("Preprocess", "CacheConfig", {"Enabled": True, "ExpireAfter": "30 days"}),
         "Steps[Preprocess].CacheConfig.ExpireAfter: expected an ISO 8601 duration such as P30D, got '30 days'"),
        (set_in("RegisterModel", "CacheConfig", {"Enabled": True, "ExpireAfter": "P1D"}),
         "Steps[RegisterModel]: keys ['CacheConfig'] are not allowed on a RegisterModel step"),
        (set_in("Baseline", "Retry", []), "Steps[Baseline]: keys ['Retry'] are not allowed on a Processing step"),
        (set_in("Baseline", "Type", "QualityCheck"), "Steps[Baseline].Type: 'QualityCheck' is not a step type"),
        (set_in("CheckAuc", "DependsOn", ["Baselines"]), "Steps[CheckAuc].DependsOn: 'Baselines' is not a step"),
        (set_in("Evaluate", "PropertyFiles", [{"PropertyFileName": "EvaluationReport", "OutputName": "report",
                                               "FilePath": "evaluation.json"}]),
         "Steps[Evaluate].PropertyFiles[0].OutputName: 'report' is not an output of the step"),
        (set_in("Train", "Arguments", "ResourceConfig", "InstanceType", {"Get": "Parameters.TrainingInstance"}),
         "Steps[Train]: refers to parameter 'TrainingInstance', which the definition lacks"),
        (set_in("Baseline", "Arguments", "ProcessingInputs", 0, "S3Input", "S3Uri",
                {"Get": "Steps.Evaluate.ProcessingOutputConfig.Outputs['baseline'].S3Output.S3Uri"}),
         "Steps[Baseline]: refers to output 'baseline' of step 'Evaluate', which it lacks"),
        (set_in("Baseline", "Arguments", "ProcessingOutputConfig", "Outputs", 0, "S3Output", "S3Uri",
                {"Std:Concat": ["s3://x", "y"]}),
         "Steps[Baseline]: Std:Concat cannot be substituted in a request"),
    ],
)
def test_each_planted_mistake_is_found(built, change, expected):
    found = planted(built, change)
    assert any(expected in problem for problem in found), found


def test_the_seed_definition_itself_has_no_problem(built):
    assert pipeline.problems(built) == []


def test_parameter_mistakes_are_found(built):
    def too_many(definition):
        definition["Parameters"][0]["EnumValues"] = [f"ml.m5.{n}xlarge" for n in range(2, 19)]

    def default_not_offered(definition):
        definition["Parameters"][1]["DefaultValue"] = "ml.c5.large"

    def enum_on_a_float(definition):
        definition["Parameters"][2]["EnumValues"] = ["0.7"]

    found = planted(built, too_many) + planted(built, default_not_offered) + planted(built, enum_on_a_float)
    assert "Parameters[0].EnumValues: expected 1 to 16 strings" in " ".join(found)
    assert "Parameters[1].DefaultValue: 'ml.c5.large' is not one of its EnumValues" in found
    assert "Parameters[2].EnumValues: only String parameters take EnumValues" in found


def test_a_condition_reading_an_undeclared_property_file_is_found(built):
    def change(definition):
        condition = step(definition, "CheckAuc")["Arguments"]["Conditions"][0]
        condition["LeftValue"]["Std:JsonGet"]["PropertyFile"] = {"Get": "Steps.Evaluate.PropertyFiles.Report"}

    assert any("Std:JsonGet of 'Steps.Evaluate.PropertyFiles.Report', which no step declares" in p
               for p in planted(built, change))


def test_every_enumerated_value_is_tried(built):
    tried = list(pipeline.parameter_variants(built))
    offered = {p["Name"]: p["EnumValues"] for p in built["Parameters"] if "EnumValues" in p}
    assert len(tried) == 1 + sum(len(values) - 1 for values in offered.values())
    assert {"TrainingInstanceType": offered["TrainingInstanceType"][-1]} in tried
