import clean_up_versions as cuv
from endpoint_answers import ENDPOINT, PREFIX, WHEN, arn, endpoint, endpoint_config

SERVED = f"{PREFIX}-prod-config-bbbb2222"
SERVED_MODEL = f"{PREFIX}-prod-model-bbbb2222"
OLD = f"{PREFIX}-prod-config-aaaa1111"
OLD_MODEL = f"{PREFIX}-prod-model-aaaa1111"
OTHER_STAGE = f"{PREFIX}-preprod-config-cccc3333"
OTHER_PRODUCT = f"x-{PREFIX}-prod-config-dddd4444"


def tags(stage):
    return {"Tags": [{"Key": "stage", "Value": stage}, {"Key": "managed-by", "Value": "pulumi"}]}


def expect_inventory(stub):
    stub.add_response("describe_endpoint", endpoint(SERVED), {"EndpointName": ENDPOINT})
    stub.add_response("describe_endpoint_config", endpoint_config(SERVED, SERVED_MODEL),
                      {"EndpointConfigName": SERVED})
    stub.add_response("list_endpoint_configs", {"EndpointConfigs": [
        {"EndpointConfigName": n, "EndpointConfigArn": arn("endpoint-config", n), "CreationTime": WHEN}
        for n in (SERVED, OLD, OTHER_STAGE, OTHER_PRODUCT)]}, {"NameContains": PREFIX})
    stub.add_response("list_models", {"Models": [
        {"ModelName": n, "ModelArn": arn("model", n), "CreationTime": WHEN} for n in (SERVED_MODEL, OLD_MODEL)]},
        {"NameContains": PREFIX})
    # the served configuration and model, and another product's, are never looked at
    stub.add_response("list_tags", tags("prod"), {"ResourceArn": arn("endpoint-config", OLD)})
    stub.add_response("list_tags", tags("preprod"), {"ResourceArn": arn("endpoint-config", OTHER_STAGE)})
    stub.add_response("list_tags", tags("prod"), {"ResourceArn": arn("model", OLD_MODEL)})


def args(*extra):
    return ["--endpoint-name", ENDPOINT, "--name-prefix", PREFIX, "--stage", "prod", *extra]


def test_deletes_only_this_stages_versions_the_endpoint_no_longer_uses(stubbed, capsys):
    sagemaker, stub = stubbed("sagemaker")
    expect_inventory(stub)
    stub.add_response("delete_endpoint_config", {}, {"EndpointConfigName": OLD})
    stub.add_response("delete_model", {}, {"ModelName": OLD_MODEL})
    assert cuv.main(args(), {}, sagemaker=sagemaker) == 0
    assert capsys.readouterr().out.splitlines() == [f"deleting config {OLD}", f"deleting model {OLD_MODEL}"]


def test_a_dry_run_deletes_nothing(stubbed, capsys):
    sagemaker, stub = stubbed("sagemaker")
    expect_inventory(stub)
    assert cuv.main(args("--dry-run"), {}, sagemaker=sagemaker) == 0
    assert capsys.readouterr().out.splitlines() == [f"would delete config {OLD}", f"would delete model {OLD_MODEL}"]


def test_the_stage_is_required(capsys):
    assert cuv.main(["--endpoint-name", ENDPOINT, "--name-prefix", PREFIX], {}) == 2
    assert "no stage" in capsys.readouterr().err
