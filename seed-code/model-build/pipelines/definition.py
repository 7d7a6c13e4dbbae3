"""Build the SageMaker Pipeline definition (schema version 2020-12-01) as a plain dict.

Preprocess (Processing, scikit-learn) -> Train (Training, XGBoost script mode)
-> Evaluate (Processing, XGBoost: evaluation.json and the baseline dataset)
-> Baseline (Processing, Model Monitor analyzer: data-quality statistics and constraints)
-> CheckAuc (Condition on evaluation.json)
-> RegisterModel (PendingManualApproval, with its evaluation and its baseline) or AucTooLow (Fail).

Pure functions only: no AWS call happens here, so the structure is unit-tested offline.
"""
import json
from dataclasses import dataclass

from images import model_monitor_image_uri, sklearn_image_uri, xgboost_image_uri

SCHEMA_VERSION = "2020-12-01"
APPROVAL_STATUS = "PendingManualApproval"
EVALUATION_FILE = "evaluation.json"
PROPERTY_FILE = "EvaluationReport"
AUC_PATH = "binary_classification_metrics.auc.value"

PROCESSING_CODE_DIR = "/opt/ml/processing/input/code"
# Script mode with the source in a "code" input channel works with and without network isolation
# (the container never fetches code from S3 itself).
TRAINING_SOURCE_ARCHIVE = "/opt/ml/input/data/code/sourcedir.tar.gz"
TRAINING_ENTRY_POINT = "train.py"
MODEL_ARTIFACTS = "Steps.Train.ModelArtifacts.S3ModelArtifacts"

# Every job: its volume size and how long it may run.
VOLUME_SIZE_GB = 30
MAX_RUNTIME_SECONDS = 3600

HYPERPARAMETERS = {"max_depth": 4, "eta": 0.1, "subsample": 0.8, "num_round": 200, "early_stopping_rounds": 20}
REALTIME_INSTANCE_TYPES = ["ml.t2.medium", "ml.m5.large", "ml.m5.xlarge"]
TRANSFORM_INSTANCE_TYPES = ["ml.m5.large", "ml.m5.xlarge"]

# Every job encrypts its volume with the product key (VolumeKmsKeyId), which SageMaker refuses on instance types
# with local NVMe storage (ml.g4dn, ml.g5, ml.p3dn, ml.p4d, ml.m5d, ml.r5d, ml.trn1...: their instance store is
# encrypted by the instance itself). So the instance types are pipeline parameters restricted to EBS-only types
# (EnumValues: an execution started with another value is refused).
PROCESSING_INSTANCE_TYPES = [
    "ml.m5.large", "ml.m5.xlarge", "ml.m5.2xlarge", "ml.m5.4xlarge", "ml.m5.12xlarge", "ml.m5.24xlarge",
    "ml.c5.xlarge", "ml.c5.2xlarge", "ml.c5.4xlarge", "ml.c5.9xlarge", "ml.c5.18xlarge",
    "ml.r5.large", "ml.r5.xlarge", "ml.r5.2xlarge", "ml.r5.4xlarge", "ml.r5.8xlarge",
]
TRAINING_INSTANCE_TYPES = [
    "ml.m5.large", "ml.m5.xlarge", "ml.m5.2xlarge", "ml.m5.4xlarge", "ml.m5.12xlarge", "ml.m5.24xlarge",
    "ml.c5.xlarge", "ml.c5.2xlarge", "ml.c5.4xlarge", "ml.c5.9xlarge", "ml.c5.18xlarge",
    "ml.m4.xlarge", "ml.m4.2xlarge", "ml.m4.4xlarge", "ml.m4.10xlarge", "ml.m4.16xlarge",
]

PARAMETERS = [
    {
        "Name": "ProcessingInstanceType",
        "Type": "String",
        "DefaultValue": "ml.m5.large",
        "EnumValues": PROCESSING_INSTANCE_TYPES,
    },
    {
        "Name": "TrainingInstanceType",
        "Type": "String",
        "DefaultValue": "ml.m5.large",
        "EnumValues": TRAINING_INSTANCE_TYPES,
    },
    {"Name": "MinimumAuc", "Type": "Float", "DefaultValue": 0.7},
]

# Retries of the processing and training steps: SageMaker's throttling and transient faults quickly, EC2 capacity
# and account quotas (other jobs still running) with a longer wait: 60 s, 2 min, 4 min.
RETRY_POLICIES = [
    {"ExceptionType": ["Step.SERVICE_FAULT", "Step.THROTTLING"], "IntervalSeconds": 5, "BackoffRate": 2.0,
     "MaxAttempts": 5},
    {"ExceptionType": ["SageMaker.CAPACITY_ERROR", "SageMaker.RESOURCE_LIMIT"], "IntervalSeconds": 60,
     "BackoffRate": 2.0, "MaxAttempts": 4},
]
# Steps whose every input is content-addressed (the uploaded data and code), a version-pinned image, or the output
# of a step that is itself cached reuse a successful run with the same inputs from the last 30 days. The analyzer
# image carries no version, so the Baseline step always runs.
CACHE_CONFIG = {"Enabled": True, "ExpireAfter": "P30D"}

# The Model Monitor analyzer's contract (Amazon SageMaker Model Monitor, "Create a baseline" and "Container contract
# inputs/outputs"): a directory of CSV files with a header row, the model's output column(s) first; it writes
# statistics.json and constraints.json into output_path.
BASELINE_INPUT_DIR = "/opt/ml/processing/input/baseline_dataset_input"
BASELINE_OUTPUT_DIR = "/opt/ml/processing/output"
BASELINE_DATASET_FORMAT = {"csv": {"header": True, "output_columns_position": "START"}}
BASELINE_STATISTICS = "statistics.json"
BASELINE_CONSTRAINTS = "constraints.json"


@dataclass(frozen=True)
class Artifacts:
    """S3 URIs of what the build uploads before upserting the pipeline."""

    input_data_uri: str
    preprocess_script_uri: str
    evaluate_script_uri: str
    train_source_uri: str


def get(path):
    return {"Get": path}


def join(*values, on="/"):
    return {"Std:Join": {"On": on, "Values": list(values)}}


def execution_uri(settings, *parts):
    """s3://<bucket>/pipelines/<pipeline>/<execution id>/<parts...>"""
    return join(settings.s3_prefix, get("Execution.PipelineExecutionId"), *parts)


def output_uri(step, output):
    return get(f"Steps.{step}.ProcessingOutputConfig.Outputs['{output}'].S3Output.S3Uri")


def processing_input(name, s3_uri, local_path):
    return {
        "InputName": name,
        "AppManaged": False,
        "S3Input": {
            "S3Uri": s3_uri,
            "LocalPath": local_path,
            "S3DataType": "S3Prefix",
            "S3InputMode": "File",
            "S3DataDistributionType": "FullyReplicated",
            "S3CompressionType": "None",
        },
    }


def processing_output(name, local_path, s3_uri):
    return {
        "OutputName": name,
        "AppManaged": False,
        "S3Output": {"S3Uri": s3_uri, "LocalPath": local_path, "S3UploadMode": "EndOfJob"},
    }


def network_config(settings):
    """Isolation, encryption and VPC of a job: a processing job's NetworkConfig, a training job's top-level keys."""
    config = {
        "EnableNetworkIsolation": settings.enable_network_isolation,
        "EnableInterContainerTrafficEncryption": settings.enable_inter_container_encryption,
    }
    if settings.vpc_config:
        config["VpcConfig"] = settings.vpc_config
    return config


def processing_step(settings, name, app_specification, inputs, outputs, environment=None):
    """A Processing step: the arguments of CreateProcessingJob, with the retries of every job."""
    arguments = {
        "ProcessingResources": {
            "ClusterConfig": {
                "InstanceType": get("Parameters.ProcessingInstanceType"),
                "InstanceCount": 1,
                "VolumeSizeInGB": VOLUME_SIZE_GB,
                "VolumeKmsKeyId": settings.kms_key_arn,
            }
        },
        "AppSpecification": app_specification,
        "RoleArn": settings.role_arn,
        "ProcessingInputs": inputs,
        "ProcessingOutputConfig": {"Outputs": outputs, "KmsKeyId": settings.kms_key_arn},
        "NetworkConfig": network_config(settings),
        "StoppingCondition": {"MaxRuntimeInSeconds": MAX_RUNTIME_SECONDS},
    }
    if environment:
        arguments["Environment"] = environment
    return {"Name": name, "Type": "Processing", "Arguments": arguments, "RetryPolicies": RETRY_POLICIES}


def script_step(settings, name, image, script_uri, inputs, outputs, arguments):
    """A cached Processing step running one uploaded python script."""
    script = script_uri.rsplit("/", 1)[-1]
    step = processing_step(
        settings,
        name,
        {
            "ImageUri": image,
            "ContainerEntrypoint": ["python3", f"{PROCESSING_CODE_DIR}/{script}"],
            "ContainerArguments": arguments,
        },
        [*inputs, processing_input("code", script_uri, PROCESSING_CODE_DIR)],
        outputs,
    )
    step["CacheConfig"] = CACHE_CONFIG
    return step


def preprocess_step(settings, artifacts):
    outputs = [
        processing_output(name, f"/opt/ml/processing/{name}", execution_uri(settings, "preprocess", name))
        for name in ("train", "validation", "test", "scaler")
    ]
    return script_step(
        settings,
        "Preprocess",
        sklearn_image_uri(settings.region),
        artifacts.preprocess_script_uri,
        inputs=[processing_input("raw", get("Parameters.InputDataUrl"), "/opt/ml/processing/input/data")],
        outputs=outputs,
        arguments=["--input-dir", "/opt/ml/processing/input/data", "--output-dir", "/opt/ml/processing"],
    )


def training_channel(name, s3_uri, content_type=None):
    channel = {
        "ChannelName": name,
        "DataSource": {
            "S3DataSource": {
                "S3DataType": "S3Prefix",
                "S3Uri": s3_uri,
                "S3DataDistributionType": "FullyReplicated",
            }
        },
    }
    if content_type:
        channel["ContentType"] = content_type
    return channel


def script_mode_hyperparameters(settings):
    """Hyperparameters as the SageMaker framework containers expect them: JSON-encoded strings."""
    values = {
        **HYPERPARAMETERS,
        "sagemaker_program": TRAINING_ENTRY_POINT,
        "sagemaker_submit_directory": TRAINING_SOURCE_ARCHIVE,
        "sagemaker_container_log_level": 20,
        "sagemaker_region": settings.region,
    }
    return {key: json.dumps(value) for key, value in values.items()}


def training_step(settings, artifacts):
    arguments = {
        "AlgorithmSpecification": {
            "TrainingImage": xgboost_image_uri(settings.region),
            "TrainingInputMode": "File",
            "MetricDefinitions": [
                {"Name": "validation:auc", "Regex": r"validation-auc:([0-9\.]+)"},
                {"Name": "train:auc", "Regex": r"train-auc:([0-9\.]+)"},
            ],
        },
        "RoleArn": settings.role_arn,
        "HyperParameters": script_mode_hyperparameters(settings),
        "InputDataConfig": [
            training_channel("train", output_uri("Preprocess", "train"), "text/csv"),
            training_channel("validation", output_uri("Preprocess", "validation"), "text/csv"),
            training_channel("code", artifacts.train_source_uri),
        ],
        "OutputDataConfig": {
            "S3OutputPath": execution_uri(settings, "training"),
            "KmsKeyId": settings.kms_key_arn,
        },
        "ResourceConfig": {
            "InstanceType": get("Parameters.TrainingInstanceType"),
            "InstanceCount": 1,
            "VolumeSizeInGB": VOLUME_SIZE_GB,
            "VolumeKmsKeyId": settings.kms_key_arn,
        },
        "StoppingCondition": {"MaxRuntimeInSeconds": MAX_RUNTIME_SECONDS},
        **network_config(settings),
    }
    return {
        "Name": "Train",
        "Type": "Training",
        "Arguments": arguments,
        "RetryPolicies": RETRY_POLICIES,
        "CacheConfig": CACHE_CONFIG,
    }


def evaluate_step(settings, artifacts):
    step = script_step(
        settings,
        "Evaluate",
        xgboost_image_uri(settings.region),
        artifacts.evaluate_script_uri,
        inputs=[
            processing_input("model", get(MODEL_ARTIFACTS), "/opt/ml/processing/model"),
            processing_input("test", output_uri("Preprocess", "test"), "/opt/ml/processing/test"),
            processing_input("train", output_uri("Preprocess", "train"), "/opt/ml/processing/train"),
            processing_input("scaler", output_uri("Preprocess", "scaler"), "/opt/ml/processing/scaler"),
        ],
        outputs=[
            processing_output(
                "evaluation", "/opt/ml/processing/evaluation", execution_uri(settings, "evaluation")
            ),
            processing_output(
                "baseline_dataset", "/opt/ml/processing/baseline", execution_uri(settings, "baseline-dataset")
            ),
        ],
        arguments=[
            "--model-dir", "/opt/ml/processing/model",
            "--test-dir", "/opt/ml/processing/test",
            "--output-dir", "/opt/ml/processing/evaluation",
            "--train-dir", "/opt/ml/processing/train",
            "--scaler-dir", "/opt/ml/processing/scaler",
            "--baseline-dir", "/opt/ml/processing/baseline",
        ],
    )
    step["PropertyFiles"] = [
        {"PropertyFileName": PROPERTY_FILE, "OutputName": "evaluation", "FilePath": EVALUATION_FILE}
    ]
    return step


def baseline_step(settings):
    """The data-quality baseline of the training data, computed by the Model Monitor analyzer."""
    return processing_step(
        settings,
        "Baseline",
        {"ImageUri": model_monitor_image_uri(settings.region)},
        inputs=[
            processing_input(
                "baseline_dataset_input", output_uri("Evaluate", "baseline_dataset"), BASELINE_INPUT_DIR
            )
        ],
        outputs=[processing_output("baseline", BASELINE_OUTPUT_DIR, execution_uri(settings, "baseline"))],
        environment={
            "dataset_format": json.dumps(BASELINE_DATASET_FORMAT),
            "dataset_source": BASELINE_INPUT_DIR,
            "output_path": BASELINE_OUTPUT_DIR,
            # CloudWatch metrics are for monitoring schedules; a baseline job publishes none.
            "publish_cloudwatch_metrics": "Disabled",
        },
    )


def baseline_file(name):
    return {"ContentType": "application/json", "S3Uri": join(output_uri("Baseline", "baseline"), name)}


def data_quality():
    return {"Statistics": baseline_file(BASELINE_STATISTICS), "Constraints": baseline_file(BASELINE_CONSTRAINTS)}


def register_step(settings):
    """RegisterModel: the arguments of CreateModelPackage."""
    return {
        "Name": "RegisterModel",
        "Type": "RegisterModel",
        "Arguments": {
            "ModelPackageGroupName": settings.model_package_group_name,
            "ModelPackageDescription": f"XGBoost credit-risk classifier, commit {settings.git_commit}",
            "ModelApprovalStatus": APPROVAL_STATUS,
            "InferenceSpecification": {
                "Containers": [
                    {
                        "Image": xgboost_image_uri(settings.region),
                        "ModelDataUrl": get(MODEL_ARTIFACTS),
                    }
                ],
                "SupportedContentTypes": ["text/csv"],
                "SupportedResponseMIMETypes": ["text/csv"],
                "SupportedRealtimeInferenceInstanceTypes": REALTIME_INSTANCE_TYPES,
                "SupportedTransformInstanceTypes": TRANSFORM_INSTANCE_TYPES,
            },
            "ModelMetrics": {
                "ModelQuality": {
                    "Statistics": {
                        "ContentType": "application/json",
                        "S3Uri": join(output_uri("Evaluate", "evaluation"), EVALUATION_FILE),
                    }
                },
                "ModelDataQuality": data_quality(),
            },
            # What data-quality monitoring of an endpoint serving this version compares its capture with.
            "DriftCheckBaselines": {"ModelDataQuality": data_quality()},
            "CustomerMetadataProperties": {
                "GitCommit": settings.git_commit,
                "PipelineName": settings.pipeline_name,
            },
        },
    }


def fail_step():
    return {
        "Name": "AucTooLow",
        "Type": "Fail",
        "Arguments": {
            "ErrorMessage": join("Model AUC is below MinimumAuc", get("Parameters.MinimumAuc"), on=" ")
        },
    }


def condition_step(settings):
    auc = {"Std:JsonGet": {"PropertyFile": get(f"Steps.Evaluate.PropertyFiles.{PROPERTY_FILE}"), "Path": AUC_PATH}}
    return {
        "Name": "CheckAuc",
        "Type": "Condition",
        # RegisterModel reads the Baseline step's outputs: no version is registered without its baseline.
        "DependsOn": ["Baseline"],
        "Arguments": {
            "Conditions": [
                {"Type": "GreaterThanOrEqualTo", "LeftValue": auc, "RightValue": get("Parameters.MinimumAuc")}
            ],
            "IfSteps": [register_step(settings)],
            "ElseSteps": [fail_step()],
        },
    }


def build_definition(settings, artifacts):
    return {
        "Version": SCHEMA_VERSION,
        "Metadata": {},
        "Parameters": [
            *PARAMETERS,
            {"Name": "InputDataUrl", "Type": "String", "DefaultValue": artifacts.input_data_uri},
        ],
        "Steps": [
            preprocess_step(settings, artifacts),
            training_step(settings, artifacts),
            evaluate_step(settings, artifacts),
            baseline_step(settings),
            condition_step(settings),
        ],
    }
