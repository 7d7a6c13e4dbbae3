"""SageMaker container images used by the pipeline.

AWS publishes the sagemaker-xgboost and sagemaker-scikit-learn framework images from one ECR
account per region (the same account for both), and the Model Monitor analyzer
(sagemaker-model-monitor-analyzer) from another account per region. The tables below list the
commercial regions; add a row when a new region is needed. The accounts are in the SageMaker
documentation, "Docker Registry Paths and Example Code" (one page per region, sections
"XGBoost (algorithm)" and "Model Monitor (algorithm)":
https://docs.aws.amazon.com/sagemaker/latest/dg-ecr-paths/sagemaker-algo-docker-registry-paths.html),
and in the SageMaker Python SDK's image_uri_config (xgboost.json, sklearn.json, model-monitor.json).
"""

XGBOOST_VERSION = "1.7-1"
SKLEARN_VERSION = "1.2-1"

FRAMEWORK_IMAGE_ACCOUNTS = {
    "af-south-1": "510948584623",
    "ap-east-1": "651117190479",
    "ap-northeast-1": "354813040037",
    "ap-northeast-2": "366743142698",
    "ap-northeast-3": "867004704886",
    "ap-south-1": "720646828776",
    "ap-south-2": "628508329040",
    "ap-southeast-1": "121021644041",
    "ap-southeast-2": "783357654285",
    "ap-southeast-3": "951798379941",
    "ap-southeast-4": "106583098589",
    "ca-central-1": "341280168497",
    "eu-central-1": "492215442770",
    "eu-central-2": "680994064768",
    "eu-north-1": "662702820516",
    "eu-south-1": "978288397137",
    "eu-south-2": "104374241257",
    "eu-west-1": "141502667606",
    "eu-west-2": "764974769150",
    "eu-west-3": "659782779980",
    "me-central-1": "272398656194",
    "me-south-1": "801668240914",
    "sa-east-1": "737474898029",
    "us-east-1": "683313688378",
    "us-east-2": "257758044811",
    "us-west-1": "746614075791",
    "us-west-2": "246618743249",
}


# The analyzer image is published without a version tag (Amazon SageMaker Model Monitor prebuilt container:
# https://docs.aws.amazon.com/sagemaker/latest/dg/model-monitor-pre-built-container.html). AWS lists no
# analyzer for ap-south-2 and ap-southeast-4, so the pipeline, which baselines every model version, is not
# available there.
MODEL_MONITOR_REPOSITORY = "sagemaker-model-monitor-analyzer"
MODEL_MONITOR_IMAGE_ACCOUNTS = {
    "af-south-1": "875698925577",
    "ap-east-1": "001633400207",
    "ap-northeast-1": "574779866223",
    "ap-northeast-2": "709848358524",
    "ap-northeast-3": "990339680094",
    "ap-south-1": "126357580389",
    "ap-southeast-1": "245545462676",
    "ap-southeast-2": "563025443158",
    "ap-southeast-3": "669540362728",
    "ca-central-1": "536280801234",
    "eu-central-1": "048819808253",
    "eu-central-2": "590183933784",
    "eu-north-1": "895015795356",
    "eu-south-1": "933208885752",
    "eu-south-2": "437450045455",
    "eu-west-1": "468650794304",
    "eu-west-2": "749857270468",
    "eu-west-3": "680080141114",
    "me-central-1": "588750061953",
    "me-south-1": "607024016150",
    "sa-east-1": "539772159869",
    "us-east-1": "156813124566",
    "us-east-2": "777275614652",
    "us-west-1": "890145073186",
    "us-west-2": "159807026194",
}


class UnknownRegionError(ValueError):
    pass


def _registry(region, accounts, table, images):
    account = accounts.get(region)
    if account is None:
        known = ", ".join(sorted(accounts))
        raise UnknownRegionError(
            f"no {images} image account known for region {region!r}; "
            f"known regions: {known}. Add the region to {table} in pipelines/images.py."
        )
    return f"{account}.dkr.ecr.{region}.amazonaws.com"


def _framework_registry(region):
    return _registry(region, FRAMEWORK_IMAGE_ACCOUNTS, "FRAMEWORK_IMAGE_ACCOUNTS", "SageMaker framework")


def xgboost_image_uri(region):
    """Training, evaluation and inference image (script mode and built-in serving)."""
    return f"{_framework_registry(region)}/sagemaker-xgboost:{XGBOOST_VERSION}"


def sklearn_image_uri(region):
    """Processing image for preprocess.py."""
    return f"{_framework_registry(region)}/sagemaker-scikit-learn:{SKLEARN_VERSION}-cpu-py3"


def model_monitor_image_uri(region):
    """Model Monitor analyzer: computes the data-quality baseline (statistics and constraints)."""
    registry = _registry(region, MODEL_MONITOR_IMAGE_ACCOUNTS, "MODEL_MONITOR_IMAGE_ACCOUNTS", "Model Monitor analyzer")
    return f"{registry}/{MODEL_MONITOR_REPOSITORY}"
