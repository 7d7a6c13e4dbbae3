"""Structure of the generated SageMaker Pipeline definition."""
import json

import pytest

import images
import train
from definition import (
    APPROVAL_STATUS,
    AUC_PATH,
    BASELINE_DATASET_FORMAT,
    CACHE_CONFIG,
    HYPERPARAMETERS,
    RETRY_POLICIES,
    Artifacts,
    build_definition,
)
from settings import Settings, SettingsError

ARTIFACTS = Artifacts(
    input_data_uri="s3://acme-dev-models/pipelines/acme-dev-fraud-build/data/abc/",
    preprocess_script_uri="s3://acme-dev-models/pipelines/acme-dev-fraud-build/code/1/preprocess.py",
    evaluate_script_uri="s3://acme-dev-models/pipelines/acme-dev-fraud-build/code/2/evaluate.py",
    train_source_uri="s3://acme-dev-models/pipelines/acme-dev-fraud-build/code/3/sourcedir.tar.gz",
)


def definition_for(env, **overrides):
    return build_definition(Settings.from_env({**env, **overrides}), ARTIFACTS)


def all_steps(definition):
    for step in definition["Steps"]:
        yield step
        if step["Type"] == "Condition":
            yield from step["Arguments"]["IfSteps"]
            yield from step["Arguments"]["ElseSteps"]


def steps_of(definition, kind):
    return [s for s in all_steps(definition) if s["Type"] == kind]


def step(definition, name):
    return next(s for s in all_steps(definition) if s["Name"] == name)


def strings(value):
    """Every literal string in a definition fragment."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)


def test_schema_version_parameters_and_step_order(env):
    definition = definition_for(env)
    assert definition["Version"] == "2020-12-01"
    assert [(s["Name"], s["Type"]) for s in definition["Steps"]] == [
        ("Preprocess", "Processing"),
        ("Train", "Training"),
        ("Evaluate", "Processing"),
        ("Baseline", "Processing"),
        ("CheckAuc", "Condition"),
    ]
    parameters = {p["Name"]: p for p in definition["Parameters"]}
    assert parameters["MinimumAuc"] == {"Name": "MinimumAuc", "Type": "Float", "DefaultValue": 0.7}
    for name in ("ProcessingInstanceType", "TrainingInstanceType"):
        assert parameters[name]["DefaultValue"] == "ml.m5.large"
        assert parameters[name]["DefaultValue"] in parameters[name]["EnumValues"]
    assert parameters["InputDataUrl"]["DefaultValue"] == ARTIFACTS.input_data_uri
    json.dumps(definition)  # serialisable as the PipelineDefinition string


def test_every_job_encrypts_output_and_volume_with_the_key(env):
    definition = definition_for(env)
    key = env["KMS_KEY_ARN"]
    for processing in steps_of(definition, "Processing"):
        arguments = processing["Arguments"]
        assert arguments["ProcessingOutputConfig"]["KmsKeyId"] == key
        assert arguments["ProcessingResources"]["ClusterConfig"]["VolumeKmsKeyId"] == key
        assert arguments["RoleArn"] == env["SAGEMAKER_ROLE_ARN"]
    training = step(definition, "Train")["Arguments"]
    assert training["OutputDataConfig"]["KmsKeyId"] == key
    assert training["ResourceConfig"]["VolumeKmsKeyId"] == key
    assert training["RoleArn"] == env["SAGEMAKER_ROLE_ARN"]


def test_every_s3_location_is_under_the_pipeline_prefix(env):
    definition = definition_for(env)
    prefix = f"s3://{env['MODEL_BUCKET']}/pipelines/{env['SAGEMAKER_PIPELINE_NAME']}"
    uris = [s for s in strings(definition) if s.startswith("s3://")]
    assert uris and all(u == prefix or u.startswith(prefix + "/") for u in uris)
    output = step(definition, "Train")["Arguments"]["OutputDataConfig"]["S3OutputPath"]
    assert output["Std:Join"]["Values"][:2] == [prefix, {"Get": "Execution.PipelineExecutionId"}]


@pytest.mark.parametrize("isolation, encryption", [("true", "true"), ("false", "false"), ("true", "false")])
def test_network_flags_reach_every_job(env, isolation, encryption):
    definition = definition_for(
        env, ENABLE_NETWORK_ISOLATION=isolation, ENABLE_INTER_CONTAINER_ENCRYPTION=encryption
    )
    expected = (isolation == "true", encryption == "true")
    for processing in steps_of(definition, "Processing"):
        network = processing["Arguments"]["NetworkConfig"]
        assert (network["EnableNetworkIsolation"], network["EnableInterContainerTrafficEncryption"]) == expected
        assert "VpcConfig" not in network
    training = step(definition, "Train")["Arguments"]
    assert (training["EnableNetworkIsolation"], training["EnableInterContainerTrafficEncryption"]) == expected
    assert "VpcConfig" not in training


def test_vpc_config_on_every_job_when_subnets_are_given(env):
    definition = definition_for(env, SUBNET_IDS="subnet-0a1, subnet-0b2", SECURITY_GROUP_IDS="sg-0c3")
    vpc = {"SecurityGroupIds": ["sg-0c3"], "Subnets": ["subnet-0a1", "subnet-0b2"]}
    for processing in steps_of(definition, "Processing"):
        assert processing["Arguments"]["NetworkConfig"]["VpcConfig"] == vpc
    assert step(definition, "Train")["Arguments"]["VpcConfig"] == vpc


def test_training_runs_train_py_in_script_mode_from_the_code_channel(env):
    training = step(definition_for(env), "Train")["Arguments"]
    assert training["AlgorithmSpecification"]["TrainingImage"] == images.xgboost_image_uri("us-west-2")
    assert training["HyperParameters"] == {
        "max_depth": "4",
        "eta": "0.1",
        "subsample": "0.8",
        "num_round": "200",
        "early_stopping_rounds": "20",
        "sagemaker_program": '"train.py"',
        "sagemaker_submit_directory": '"/opt/ml/input/data/code/sourcedir.tar.gz"',
        "sagemaker_container_log_level": "20",
        "sagemaker_region": '"us-west-2"',
    }
    channels = {c["ChannelName"]: c["DataSource"]["S3DataSource"]["S3Uri"] for c in training["InputDataConfig"]}
    assert channels["code"] == ARTIFACTS.train_source_uri
    assert channels["train"] == {
        "Get": "Steps.Preprocess.ProcessingOutputConfig.Outputs['train'].S3Output.S3Uri"
    }


def test_the_pipeline_trains_with_the_defaults_of_a_local_train_py_run():
    defaults = vars(train.parse_args(["--train", "t", "--validation", "v", "--model-dir", "m"]))
    assert {name: defaults[name] for name in HYPERPARAMETERS} == HYPERPARAMETERS


@pytest.mark.parametrize(
    "name, image, script, arguments",
    [
        (
            "Preprocess",
            "246618743249.dkr.ecr.us-west-2.amazonaws.com/sagemaker-scikit-learn:1.2-1-cpu-py3",
            ARTIFACTS.preprocess_script_uri,
            ["--input-dir", "/opt/ml/processing/input/data", "--output-dir", "/opt/ml/processing"],
        ),
        (
            "Evaluate",
            "246618743249.dkr.ecr.us-west-2.amazonaws.com/sagemaker-xgboost:1.7-1",
            ARTIFACTS.evaluate_script_uri,
            [
                "--model-dir", "/opt/ml/processing/model",
                "--test-dir", "/opt/ml/processing/test",
                "--output-dir", "/opt/ml/processing/evaluation",
                "--train-dir", "/opt/ml/processing/train",
                "--scaler-dir", "/opt/ml/processing/scaler",
                "--baseline-dir", "/opt/ml/processing/baseline",
            ],
        ),
    ],
)
def test_processing_steps_run_their_uploaded_script(env, name, image, script, arguments):
    arguments_of = step(definition_for(env), name)["Arguments"]
    script_name = script.rsplit("/", 1)[-1]
    assert arguments_of["AppSpecification"] == {
        "ImageUri": image,
        "ContainerEntrypoint": ["python3", f"/opt/ml/processing/input/code/{script_name}"],
        "ContainerArguments": arguments,
    }
    code = arguments_of["ProcessingInputs"][-1]
    assert (code["InputName"], code["S3Input"]["S3Uri"], code["S3Input"]["LocalPath"]) == (
        "code", script, "/opt/ml/processing/input/code"
    )


def test_condition_reads_auc_from_the_evaluation_property_file(env):
    definition = definition_for(env)
    evaluate = step(definition, "Evaluate")
    assert evaluate["PropertyFiles"] == [
        {"PropertyFileName": "EvaluationReport", "OutputName": "evaluation", "FilePath": "evaluation.json"}
    ]
    outputs = [o["OutputName"] for o in evaluate["Arguments"]["ProcessingOutputConfig"]["Outputs"]]
    assert outputs == ["evaluation", "baseline_dataset"]
    assert step(definition, "CheckAuc")["DependsOn"] == ["Baseline"]
    condition = step(definition, "CheckAuc")["Arguments"]
    [check] = condition["Conditions"]
    assert check["Type"] == "GreaterThanOrEqualTo"
    assert check["LeftValue"] == {
        "Std:JsonGet": {"PropertyFile": {"Get": "Steps.Evaluate.PropertyFiles.EvaluationReport"}, "Path": AUC_PATH}
    }
    assert check["RightValue"] == {"Get": "Parameters.MinimumAuc"}
    assert [s["Type"] for s in condition["IfSteps"]] == ["RegisterModel"]
    [fail] = condition["ElseSteps"]
    assert fail["Type"] == "Fail"
    assert fail["Arguments"]["ErrorMessage"] == {
        "Std:Join": {"On": " ", "Values": ["Model AUC is below MinimumAuc", {"Get": "Parameters.MinimumAuc"}]}
    }


def test_register_step_creates_a_pending_package_with_metrics_and_commit(env):
    arguments = step(definition_for(env), "RegisterModel")["Arguments"]
    assert arguments["ModelApprovalStatus"] == APPROVAL_STATUS == "PendingManualApproval"
    assert arguments["ModelPackageGroupName"] == env["MODEL_PACKAGE_GROUP_NAME"]
    [container] = arguments["InferenceSpecification"]["Containers"]
    assert container == {
        "Image": "246618743249.dkr.ecr.us-west-2.amazonaws.com/sagemaker-xgboost:1.7-1",
        "ModelDataUrl": {"Get": "Steps.Train.ModelArtifacts.S3ModelArtifacts"},
    }
    statistics = arguments["ModelMetrics"]["ModelQuality"]["Statistics"]
    assert statistics["ContentType"] == "application/json"
    assert statistics["S3Uri"] == {
        "Std:Join": {
            "On": "/",
            "Values": [
                {"Get": "Steps.Evaluate.ProcessingOutputConfig.Outputs['evaluation'].S3Output.S3Uri"},
                "evaluation.json",
            ],
        }
    }
    assert arguments["CustomerMetadataProperties"]["GitCommit"] == env["CODEBUILD_RESOLVED_SOURCE_VERSION"]


def test_evaluate_writes_the_baseline_dataset_from_the_training_split(env):
    inputs = {
        i["InputName"]: (i["S3Input"]["S3Uri"], i["S3Input"]["LocalPath"])
        for i in step(definition_for(env), "Evaluate")["Arguments"]["ProcessingInputs"]
    }
    preprocess_output = "Steps.Preprocess.ProcessingOutputConfig.Outputs['{}'].S3Output.S3Uri"
    assert inputs["train"] == ({"Get": preprocess_output.format("train")}, "/opt/ml/processing/train")
    assert inputs["scaler"] == ({"Get": preprocess_output.format("scaler")}, "/opt/ml/processing/scaler")


def test_baseline_step_runs_the_model_monitor_analyzer_on_the_baseline_dataset(env):
    baseline = step(definition_for(env), "Baseline")
    arguments = baseline["Arguments"]
    assert arguments["AppSpecification"] == {
        "ImageUri": "159807026194.dkr.ecr.us-west-2.amazonaws.com/sagemaker-model-monitor-analyzer"
    }
    [dataset] = arguments["ProcessingInputs"]
    assert dataset["S3Input"]["S3Uri"] == {
        "Get": "Steps.Evaluate.ProcessingOutputConfig.Outputs['baseline_dataset'].S3Output.S3Uri"
    }
    [output] = arguments["ProcessingOutputConfig"]["Outputs"]
    assert arguments["Environment"] == {
        "dataset_format": json.dumps(BASELINE_DATASET_FORMAT),
        "dataset_source": dataset["S3Input"]["LocalPath"],
        "output_path": output["S3Output"]["LocalPath"],
        "publish_cloudwatch_metrics": "Disabled",
    }
    assert output["S3Output"]["S3Uri"]["Std:Join"]["Values"][-1] == "baseline"
    assert "CacheConfig" not in baseline


def test_register_step_carries_the_data_quality_baseline(env):
    arguments = step(definition_for(env), "RegisterModel")["Arguments"]
    baseline_output = {"Get": "Steps.Baseline.ProcessingOutputConfig.Outputs['baseline'].S3Output.S3Uri"}
    expected = {
        part: {
            "ContentType": "application/json",
            "S3Uri": {"Std:Join": {"On": "/", "Values": [baseline_output, f"{part.lower()}.json"]}},
        }
        for part in ("Statistics", "Constraints")
    }
    assert arguments["ModelMetrics"]["ModelDataQuality"] == expected
    assert arguments["DriftCheckBaselines"] == {"ModelDataQuality": expected}


def test_jobs_retry_capacity_and_throttling_errors(env):
    definition = definition_for(env)
    jobs = [*steps_of(definition, "Processing"), *steps_of(definition, "Training")]
    assert len(jobs) == 4
    for job in jobs:
        assert job["RetryPolicies"] == RETRY_POLICIES
    retried = {kind for policy in RETRY_POLICIES for kind in policy["ExceptionType"]}
    assert {"Step.THROTTLING", "SageMaker.CAPACITY_ERROR", "SageMaker.RESOURCE_LIMIT"} <= retried


def test_steps_with_content_addressed_inputs_are_cached(env):
    definition = definition_for(env)
    cached = [s["Name"] for s in all_steps(definition) if "CacheConfig" in s]
    assert cached == ["Preprocess", "Train", "Evaluate"]
    assert CACHE_CONFIG == {"Enabled": True, "ExpireAfter": "P30D"}


def test_images_come_from_the_regional_framework_account():
    assert images.sklearn_image_uri("eu-central-1") == (
        "492215442770.dkr.ecr.eu-central-1.amazonaws.com/sagemaker-scikit-learn:1.2-1-cpu-py3"
    )
    assert images.xgboost_image_uri("us-east-1") == "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1"


def test_the_analyzer_comes_from_the_regional_model_monitor_account():
    assert images.model_monitor_image_uri("eu-west-1") == (
        "468650794304.dkr.ecr.eu-west-1.amazonaws.com/sagemaker-model-monitor-analyzer"
    )
    assert images.MODEL_MONITOR_IMAGE_ACCOUNTS.keys() <= images.FRAMEWORK_IMAGE_ACCOUNTS.keys()


def test_unknown_region_fails_clearly(env):
    with pytest.raises(images.UnknownRegionError, match="mars-east-1.*FRAMEWORK_IMAGE_ACCOUNTS"):
        definition_for(env, AWS_REGION="mars-east-1")


def test_a_region_without_the_analyzer_fails_clearly(env):
    with pytest.raises(images.UnknownRegionError, match="Model Monitor analyzer.*'ap-south-2'.*MODEL_MONITOR_IMAGE"):
        definition_for(env, AWS_REGION="ap-south-2")


@pytest.mark.parametrize(
    "overrides, message",
    [
        ({"KMS_KEY_ARN": ""}, "KMS_KEY_ARN: required"),
        ({"ENABLE_NETWORK_ISOLATION": "yes"}, "ENABLE_NETWORK_ISOLATION: expected true or false"),
        ({"SUBNET_IDS": "subnet-1"}, "set both"),
    ],
)
def test_bad_settings_are_reported_by_variable_name(env, overrides, message):
    with pytest.raises(SettingsError, match=message):
        Settings.from_env({**env, **overrides})


def test_flags_default_to_secure_when_unset(env):
    del env["ENABLE_NETWORK_ISOLATION"], env["ENABLE_INTER_CONTAINER_ENCRYPTION"]
    settings = Settings.from_env(env)
    assert settings.enable_network_isolation and settings.enable_inter_container_encryption
