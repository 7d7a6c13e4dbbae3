"""The seed code's requests with the values of the shipped stacks (the plan JSON of checks/shipped-plans)."""
import json
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path[:0] = [
    str(HERE),
    str(ROOT / "seed-code" / "model-build" / "pipelines"),
    str(ROOT / "seed-code" / "model-deploy" / "scripts"),
]

pytest_plugins = ["seed_requests.plugin"]

# What CodeBuild adds to a project's variables: the commit it built and its region (the region of the project's
# key, which the project lives beside).
COMMIT = "9f8e7d6c5b4a39281706f5e4d3c2b1a098765432"


def pytest_addoption(parser):
    parser.addoption("--plans", default=str(ROOT / "target" / "plans" / "shipped.json"),
                     help="plan JSON of every shipped stack (checks/shipped-plans)")


@pytest.fixture(scope="session")
def plans(request):
    path = Path(request.config.getoption("--plans"))
    if not path.exists():
        pytest.fail(f"{path} is missing: run checks/shipped-plans first (mvn -Pfull verify does)")
    return json.loads(path.read_text())["stacks"]


def build_environments(plans, marker):
    """[(stack, environment)] of every CodeBuild project whose variables include marker, as the build sees them."""
    found = []
    for stack in plans:
        for resource in stack["resources"]:
            if resource["type"] != "aws:codebuild/project:Project":
                continue
            variables = {v["name"]: v["value"] for v in resource["inputs"]["environment"].get("environmentVariables", [])}
            if marker in variables:
                region = resource["inputs"]["encryptionKey"].split(":")[3]
                found.append((f"{stack['stack']}/{resource['name']}",
                              {**variables, "AWS_REGION": region, "CODEBUILD_RESOLVED_SOURCE_VERSION": COMMIT}))
    return found


@pytest.fixture(scope="session")
def training_builds(plans):
    builds = build_environments(plans, "SAGEMAKER_PIPELINE_NAME")
    assert builds, "no shipped stack has a training build"
    return builds


@pytest.fixture(scope="session")
def deploy_builds(plans):
    builds = build_environments(plans, "PULUMI_STACK")
    assert builds, "no shipped stack has a deploy build"
    return builds
