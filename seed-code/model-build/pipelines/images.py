"""SageMaker framework container images used by the pipeline.

AWS publishes the sagemaker-xgboost and sagemaker-scikit-learn framework images from one ECR
account per region (the same account for both). The table below lists the commercial regions;
add a row when a new region is needed (the account is in the SageMaker documentation, "Docker
Registry Paths and Example Code", or in the SageMaker Python SDK's image_uri_config).
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


class UnknownRegionError(ValueError):
    pass


def _registry(region):
    account = FRAMEWORK_IMAGE_ACCOUNTS.get(region)
    if account is None:
        known = ", ".join(sorted(FRAMEWORK_IMAGE_ACCOUNTS))
        raise UnknownRegionError(
            f"no SageMaker framework image account known for region {region!r}; "
            f"known regions: {known}. Add the region to FRAMEWORK_IMAGE_ACCOUNTS in pipelines/images.py."
        )
    return f"{account}.dkr.ecr.{region}.amazonaws.com"


def xgboost_image_uri(region):
    """Training, evaluation and inference image (script mode and built-in serving)."""
    return f"{_registry(region)}/sagemaker-xgboost:{XGBOOST_VERSION}"


def sklearn_image_uri(region):
    """Processing image for preprocess.py."""
    return f"{_registry(region)}/sagemaker-scikit-learn:{SKLEARN_VERSION}-cpu-py3"
