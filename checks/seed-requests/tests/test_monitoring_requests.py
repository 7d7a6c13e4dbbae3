"""The hosting stacks' data-quality monitoring as the SageMaker requests the provider sends, against botocore's model."""
import copy

import pytest

from seed_requests import monitoring
from seed_requests.shapes import shapes_of


@pytest.fixture(scope="session")
def monitoring_requests(plans):
    found = monitoring.requests(plans)
    operations = {operation for _, operation, _ in found}
    assert operations == {"CreateDataQualityJobDefinition", "CreateMonitoringSchedule"}, \
        "the shipped hosting stacks monitor their endpoints"
    return found


def test_every_monitoring_request_is_one_sagemaker_accepts(monitoring_requests):
    for where, operation, request in monitoring_requests:
        assert shapes_of("sagemaker").problems(operation, request) == [], where


def test_each_schedule_runs_a_job_definition_of_its_stack(plans):
    for stack in plans:
        definitions = {r["inputs"]["name"] for r in stack["resources"] if r["type"] == monitoring.JOB_DEFINITION}
        for resource in stack["resources"]:
            if resource["type"] == monitoring.SCHEDULE:
                config = resource["inputs"]["monitoringScheduleConfig"]
                assert config["monitoringJobDefinitionName"] in definitions, stack["stack"]
                assert config["monitoringType"] == "DataQuality"


def _job(monitoring_requests):
    return next(request for _, operation, request in monitoring_requests
                if operation == "CreateDataQualityJobDefinition")


@pytest.mark.parametrize("change, expected", [
    (lambda r: r["JobResources"]["ClusterConfig"].update(InstanceType="ml.m5d.large"),
     "VolumeKmsKeyId: not allowed with ml.m5d.large"),
    (lambda r: r["JobResources"]["ClusterConfig"].update(InstanceType="ml.m5.huge"), "is not one of"),
    (lambda r: r.update(JobDefinitionName="dq_job"), "does not match the pattern"),
    (lambda r: r["DataQualityJobOutputConfig"].update(MonitoringOutputs=[]), "valid min length: 1"),
    (lambda r: r["StoppingCondition"].update(MaxRuntimeInSeconds=86401), "above the maximum 86400"),
    (lambda r: r.pop("RoleArn"), "Missing required parameter"),
])
def test_a_planted_mistake_in_the_job_definition_is_refused(monitoring_requests, change, expected):
    request = copy.deepcopy(_job(monitoring_requests))
    change(request)
    assert any(expected in problem for problem in
               shapes_of("sagemaker").problems("CreateDataQualityJobDefinition", request))
