"""The build's settings, read from the environment the training CodeBuild project provides."""
import os
from dataclasses import dataclass

REQUIRED = (
    "MODEL_PACKAGE_GROUP_NAME",
    "MODEL_BUCKET",
    "SAGEMAKER_ROLE_ARN",
    "KMS_KEY_ARN",
    "SAGEMAKER_PIPELINE_NAME",
    "AWS_REGION",
)


class SettingsError(ValueError):
    pass


def _flag(env, name, default):
    raw = env.get(name, "").strip().lower()
    if not raw:
        return default
    if raw not in ("true", "false"):
        raise SettingsError(f"{name}: expected true or false, got {env[name]!r}")
    return raw == "true"


def _ids(env, name):
    return tuple(part.strip() for part in env.get(name, "").split(",") if part.strip())


@dataclass(frozen=True)
class Settings:
    pipeline_name: str
    model_package_group_name: str
    bucket: str
    role_arn: str
    kms_key_arn: str
    region: str
    product_name: str = ""
    enable_network_isolation: bool = True
    enable_inter_container_encryption: bool = True
    subnet_ids: tuple = ()
    security_group_ids: tuple = ()
    git_commit: str = "unknown"

    @property
    def key_prefix(self):
        """Every object the build or the pipeline writes has a key under this prefix."""
        return f"pipelines/{self.pipeline_name}"

    @property
    def s3_prefix(self):
        return self.s3_uri(self.key_prefix)

    def s3_uri(self, key):
        return f"s3://{self.bucket}/{key}"

    @property
    def vpc_config(self):
        if not self.subnet_ids:
            return None
        return {"SecurityGroupIds": list(self.security_group_ids), "Subnets": list(self.subnet_ids)}

    @classmethod
    def from_env(cls, env=None):
        env = os.environ if env is None else env
        problems = [f"{name}: required environment variable is not set" for name in REQUIRED if not env.get(name)]
        if problems:
            raise SettingsError("\n".join(problems))
        subnets, groups = _ids(env, "SUBNET_IDS"), _ids(env, "SECURITY_GROUP_IDS")
        if bool(subnets) != bool(groups):
            raise SettingsError("SUBNET_IDS and SECURITY_GROUP_IDS: set both (VPC jobs) or neither")
        return cls(
            pipeline_name=env["SAGEMAKER_PIPELINE_NAME"],
            model_package_group_name=env["MODEL_PACKAGE_GROUP_NAME"],
            bucket=env["MODEL_BUCKET"],
            role_arn=env["SAGEMAKER_ROLE_ARN"],
            kms_key_arn=env["KMS_KEY_ARN"],
            region=env["AWS_REGION"],
            product_name=env.get("PRODUCT_NAME", ""),
            enable_network_isolation=_flag(env, "ENABLE_NETWORK_ISOLATION", True),
            enable_inter_container_encryption=_flag(env, "ENABLE_INTER_CONTAINER_ENCRYPTION", True),
            subnet_ids=subnets,
            security_group_ids=groups,
            git_commit=env.get("CODEBUILD_RESOLVED_SOURCE_VERSION") or "unknown",
        )
