"""The EventBridge rules of the shipped stacks against the events AWS sends: what a pattern matches in `detail`.

A SageMaker state-change event carries the resource's description as its detail: the members of the Describe
response, under the same names ("Events that Amazon SageMaker AI sends to Amazon EventBridge",
https://docs.aws.amazon.com/sagemaker/latest/dg/automating-sagemaker-with-eventbridge.html, whose example events
are those responses; the detail types are listed in https://docs.aws.amazon.com/eventbridge/latest/ref/events-ref-sagemaker.html).
So a pattern field that is no member of that response, or a status value that is none of its enum, matches no event
and the rule never fires: nothing fails, the alert or the deploy just never comes.

A detail type of aws.sagemaker with no entry below is a problem until its response is classified here.
"""
import json

import botocore.session

RULE = "aws:cloudwatch/eventRule:EventRule"

# detail-type -> the Describe operation whose response the event's detail is
SAGEMAKER_DETAIL = {
    "SageMaker Model Package State Change": "DescribeModelPackage",
    "SageMaker Processing Job State Change": "DescribeProcessingJob",
    "SageMaker Training Job State Change": "DescribeTrainingJob",
    "SageMaker Endpoint State Change": "DescribeEndpoint",
}


def _model():
    return botocore.session.get_session().get_service_model("sagemaker")


def rules(plans):
    """[(where, pattern)] of every rule with an event pattern in the plans, the pattern parsed."""
    found = []
    for stack in plans:
        for resource in stack["resources"]:
            pattern = resource["type"] == RULE and resource["inputs"].get("eventPattern")
            if pattern:
                found.append((f"{stack['stack']}/{resource['name']}", json.loads(pattern)))
    return found


def problems(pattern, model=None):
    """Every field or value of a pattern's detail that no event of its detail type can carry."""
    if "aws.sagemaker" not in pattern.get("source", []):
        return []
    model = model or _model()
    found = []
    for detail_type in pattern.get("detail-type", []):
        operation = SAGEMAKER_DETAIL.get(detail_type)
        if operation is None:
            found.append(f"detail-type {detail_type!r}: no Describe response classified for it")
            continue
        found += _members(model.operation_model(operation).output_shape, pattern.get("detail", {}),
                          f"{operation} response")
    return found


def _members(shape, detail, path):
    found = []
    for name, matcher in detail.items():
        member = shape.members.get(name)
        if member is None:
            found.append(f"{path}: {name} is no member (members: {', '.join(sorted(shape.members))})")
        elif isinstance(matcher, dict):
            if member.type_name != "structure":
                found.append(f"{path}.{name}: a {member.type_name}, matched as a structure")
            else:
                found += _members(member, matcher, f"{path}.{name}")
        else:
            found += _values(member, matcher, f"{path}.{name}")
    return found


def _values(member, matchers, path):
    enum = member.enum if member.type_name == "string" else []
    found = []
    for matcher in matchers:
        if isinstance(matcher, str) and enum and matcher not in enum:
            found.append(f"{path}: {matcher!r} is none of {', '.join(enum)}")
        elif isinstance(matcher, dict) and "prefix" in matcher and enum \
                and not any(value.startswith(matcher["prefix"]) for value in enum):
            found.append(f"{path}: no value of {', '.join(enum)} starts with {matcher['prefix']!r}")
    return found
