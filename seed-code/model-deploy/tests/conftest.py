import sys
from pathlib import Path

import boto3
import pytest
from botocore.stub import Stubber

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "scripts"))
# the stubbed answers the tests share (endpoint_answers.py), importable under the root's importlib mode too
sys.path.insert(0, str(REPO / "tests"))


@pytest.fixture(scope="session")
def repo():
    return REPO


@pytest.fixture
def stubbed():
    """stubbed("sagemaker") -> (client, Stubber); every queued response must be consumed."""
    stubs = []

    def make(service):
        client = boto3.client(
            service, region_name="eu-west-1", aws_access_key_id="testing", aws_secret_access_key="testing"
        )
        stub = Stubber(client)
        stub.activate()
        stubs.append(stub)
        return client, stub

    yield make
    for stub in stubs:
        stub.assert_no_pending_responses()
        stub.deactivate()
