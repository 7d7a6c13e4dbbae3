"""DescribeEndpoint and DescribeEndpointConfig answers as SageMaker gives them, for the stubbed tests."""
from datetime import datetime, timezone

REGION = "eu-west-1"
ACCOUNT = "222233334444"
ENDPOINT = "acme-prod-c001-eu-west-1-fraud-ml-prod-endpoint"
PREFIX = "acme-prod-c001-eu-west-1-fraud-ml"
WHEN = datetime(2024, 5, 1, tzinfo=timezone.utc)


def arn(kind, name):
    return f"arn:aws:sagemaker:{REGION}:{ACCOUNT}:{kind}/{name}"


def endpoint(config, status="InService", current=2, desired=2, reason=None):
    answer = {
        "EndpointName": ENDPOINT,
        "EndpointArn": arn("endpoint", ENDPOINT),
        "EndpointConfigName": config,
        "ProductionVariants": [{"VariantName": "AllTraffic", "CurrentInstanceCount": current,
                                "DesiredInstanceCount": desired}],
        "EndpointStatus": status,
        "CreationTime": WHEN,
        "LastModifiedTime": WHEN,
    }
    if reason:
        answer["FailureReason"] = reason
    return answer


def endpoint_config(name, *models):
    return {
        "EndpointConfigName": name,
        "EndpointConfigArn": arn("endpoint-config", name),
        "ProductionVariants": [{"VariantName": f"v{i}", "ModelName": m, "InitialInstanceCount": 1,
                                "InstanceType": "ml.m5.large"} for i, m in enumerate(models)],
        "CreationTime": WHEN,
    }
