"""The shipped stacks' EventBridge rules match fields and values the events AWS sends really carry."""
import copy

import pytest

from seed_requests import event_patterns


@pytest.fixture(scope="session")
def sagemaker_rules(plans):
    found = [(where, pattern) for where, pattern in event_patterns.rules(plans)
             if "aws.sagemaker" in pattern.get("source", [])]
    detail_types = {detail_type for _, pattern in found for detail_type in pattern["detail-type"]}
    assert detail_types == {"SageMaker Model Package State Change", "SageMaker Processing Job State Change"}, \
        "the shipped stacks start deploys on approval and alert on monitoring executions"
    return found


def test_every_sagemaker_rule_matches_what_its_events_carry(sagemaker_rules):
    for where, pattern in sagemaker_rules:
        assert event_patterns.problems(pattern) == [], where


def _first(rules, detail_type):
    return copy.deepcopy(next(p for _, p in rules if detail_type in p["detail-type"]))


@pytest.mark.parametrize("detail_type, change, expected", [
    ("SageMaker Model Package State Change", lambda d: d.update(ModelApprovalStatus=["Approve"]),
     "'Approve' is none of"),
    ("SageMaker Model Package State Change", lambda d: d.update(ModelPackageGroup=d.pop("ModelPackageGroupName")),
     "ModelPackageGroup is no member"),
    ("SageMaker Processing Job State Change", lambda d: d.update(ProcessingJobStatus=["Succeeded"]),
     "'Succeeded' is none of"),
    ("SageMaker Processing Job State Change", lambda d: d.update(ProcessingJobStatus=[{"prefix": "Complete-"}]),
     "starts with 'Complete-'"),
    ("SageMaker Processing Job State Change", lambda d: d.update(MonitoringSchedule=d.pop("MonitoringScheduleArn")),
     "MonitoringSchedule is no member"),
    ("SageMaker Processing Job State Change", lambda d: d.update(ProcessingJobStatus={"value": ["Failed"]}),
     "matched as a structure"),
])
def test_a_planted_mistake_in_a_pattern_is_found(sagemaker_rules, detail_type, change, expected):
    pattern = _first(sagemaker_rules, detail_type)
    change(pattern["detail"])
    assert any(expected in problem for problem in event_patterns.problems(pattern))


def test_a_detail_type_not_classified_is_a_problem(sagemaker_rules):
    pattern = _first(sagemaker_rules, "SageMaker Processing Job State Change")
    pattern["detail-type"] = ["SageMaker Monitoring Schedule State Change"]
    assert event_patterns.problems(pattern) == [
        "detail-type 'SageMaker Monitoring Schedule State Change': no Describe response classified for it"]
