"""The deploy buildspec keeps its contract with the deploy CodeBuild projects."""
import re

import yaml


def load(repo):
    return yaml.safe_load((repo / "buildspec.yml").read_text())


def commands(spec):
    return "\n".join(c for phase in spec["phases"].values() for c in phase.get("commands", []))


def test_runtimes_and_pinned_pulumi(repo):
    spec = load(repo)
    assert spec["version"] == 0.2
    assert spec["phases"]["install"]["runtime-versions"]["java"] == "corretto17"
    assert 'get.pulumi.com | sh -s -- --version "$PULUMI_VERSION"' in commands(spec)


def test_deploys_the_latest_approved_package_through_the_policy_pack(repo):
    text = commands(load(repo))
    steps = [
        "mvn -q -DskipTests package",
        'MODEL_PACKAGE_ARN="$(python3 scripts/latest_approved_package.py)"',
        'pulumi login "$PULUMI_BACKEND_URL"',
        'pulumi stack select "$PULUMI_STACK" --create --secrets-provider "$PULUMI_SECRETS_PROVIDER"',
        "pulumi config set --path 'sagemaker-mlops:hosting.modelPackageArn' \"$MODEL_PACKAGE_ARN\"",
        'PREVIOUS_ENDPOINT="$(pulumi stack output endpointName 2>/dev/null || true)"',
        'python3 ../scripts/endpoint_state.py --endpoint-name "$PREVIOUS_ENDPOINT" --show instance-count',
        "pulumi config set --path 'sagemaker-mlops:hosting.currentInstanceCount' \"$RUNNING\"",
        'python3 ../scripts/endpoint_state.py --endpoint-name "$PREVIOUS_ENDPOINT" --show endpoint-config-name',
        'RECORDED="$(pulumi stack output endpointConfigName 2>/dev/null || true)"',
        'if [ -n "$SERVED" ] && [ "$SERVED" != "$RECORDED" ]; then',
        "pulumi config set --path 'sagemaker-mlops:hosting.servedEndpointConfigName' \"$SERVED\"",
        "pulumi preview --non-interactive --policy-pack policy",
        "pulumi up --yes --non-interactive --policy-pack policy",
        'ENDPOINT_NAME="$(pulumi stack output endpointName)"',
        'ENDPOINT_CONFIG_NAME="$(pulumi stack output endpointConfigName)"',
        'python3 scripts/verify_deployment.py --endpoint-name "$ENDPOINT_NAME" '
        '--endpoint-config-name "$ENDPOINT_CONFIG_NAME"',
        'python3 scripts/smoke_test.py --endpoint-name "$ENDPOINT_NAME"',
        'python3 scripts/clean_up_versions.py --endpoint-name "$ENDPOINT_NAME" --name-prefix "$NAME_PREFIX"',
    ]
    positions = [text.index(step) for step in steps]
    assert positions == sorted(positions)
    assert "set -euo pipefail" in text


def test_the_policy_analyzer_is_an_executable_on_path_before_any_preview(repo):
    text = commands(load(repo))
    assert text.index("chmod +x program/mlops program/policy/pulumi-analyzer-policy-mlops-java") < text.index(
        "mvn -q -DskipTests package")
    assert text.index('export PATH="$PWD/policy:$PATH"') < text.index("pulumi preview")


def test_reads_only_the_variables_the_deploy_project_provides(repo):
    spec = load(repo)
    used = set(re.findall(r"\$\{?([A-Z_][A-Z0-9_]*)", commands(spec)))
    # MODEL_PACKAGE_GROUP_NAME, DEPLOY_ROLE_ARN / EXTERNAL_ID / TARGET_REGION and the SMOKE_TEST_* / ENDPOINT_REGION
    # variables are read by the scripts.
    provided = {"STAGE", "PULUMI_STACK", "PULUMI_BACKEND_URL", "PULUMI_SECRETS_PROVIDER", "PULUMI_VERSION",
                "SOURCE_FOLDER", "SOURCE_BUNDLE_BUCKET", "SOURCE_BUNDLE_KEY", "SOURCE_BUNDLE_VERSION"}
    set_here = {"MODEL_PACKAGE_ARN", "PREVIOUS_ENDPOINT", "RUNNING", "SERVED", "RECORDED", "ENDPOINT_NAME",
                "ENDPOINT_CONFIG_NAME", "NAME_PREFIX"}
    shell = {"HOME", "PATH", "PWD", "CODEBUILD_SRC_DIR"}
    assert used == provided | set_here | shell
    assert spec["env"]["variables"] == {"PULUMI_SKIP_UPDATE_CHECK": "true"}


def test_the_stage_is_cleaned_up_only_after_the_endpoint_is_verified(repo):
    text = commands(load(repo))
    verify = text.index("scripts/verify_deployment.py")
    assert verify > text.index("pulumi up --yes")
    assert text.index("scripts/clean_up_versions.py") > max(verify, text.index("scripts/smoke_test.py"))


def test_every_script_the_buildspec_runs_is_shipped(repo):
    scripts = set(re.findall(r"scripts/([a-z_]+\.py)", commands(load(repo))))
    assert scripts == {"latest_approved_package.py", "endpoint_state.py", "verify_deployment.py",
                       "smoke_test.py", "clean_up_versions.py"}
    assert all((repo / "scripts" / script).is_file() for script in scripts)
