import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "pipelines"))

ENV = {
    "MODEL_PACKAGE_GROUP_NAME": "acme-dev-c001-fraud-ml-models",
    "MODEL_BUCKET": "acme-dev-models",
    "SAGEMAKER_ROLE_ARN": "arn:aws:iam::111122223333:role/acme-sagemaker-execution",
    "KMS_KEY_ARN": "arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
    "SAGEMAKER_PIPELINE_NAME": "acme-dev-fraud-build",
    "ENABLE_NETWORK_ISOLATION": "true",
    "ENABLE_INTER_CONTAINER_ENCRYPTION": "true",
    "SUBNET_IDS": "",
    "SECURITY_GROUP_IDS": "",
    "PRODUCT_NAME": "acme-dev-c001-us-west-2-fraud-ml",
    "AWS_REGION": "us-west-2",
    "CODEBUILD_RESOLVED_SOURCE_VERSION": "0123456789abcdef0123456789abcdef01234567",
}


@pytest.fixture
def env():
    return dict(ENV)


@pytest.fixture(scope="session")
def repo():
    return REPO
