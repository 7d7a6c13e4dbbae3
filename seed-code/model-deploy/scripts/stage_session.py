"""Clients for the stage's account: the deploy build reaches it through the stage's deploy role.

The deploy CodeBuild project sets DEPLOY_ROLE_ARN, EXTERNAL_ID and TARGET_REGION; without a role the build's own
credentials are used (single-account mode, or a local run with the stage account's credentials).
"""


def client(service, region=None, role_arn=None, external_id=None, session_name="model-deploy"):
    """A boto3 client for service, with the credentials of role_arn when one is given."""
    import boto3

    credentials = {}
    if role_arn:
        assume = {"RoleArn": role_arn, "RoleSessionName": session_name}
        if external_id:
            assume["ExternalId"] = external_id
        issued = boto3.client("sts", region_name=region).assume_role(**assume)["Credentials"]
        credentials = {
            "aws_access_key_id": issued["AccessKeyId"],
            "aws_secret_access_key": issued["SecretAccessKey"],
            "aws_session_token": issued["SessionToken"],
        }
    return boto3.client(service, region_name=region, **credentials)


def add_stage_arguments(parser, env):
    """--region, --role-arn and --external-id, defaulting to the deploy project's variables."""
    parser.add_argument("--region", default=env.get("TARGET_REGION") or env.get("AWS_REGION"))
    parser.add_argument("--role-arn", default=env.get("DEPLOY_ROLE_ARN"))
    parser.add_argument("--external-id", default=env.get("EXTERNAL_ID"))


def is_missing_endpoint(error):
    """SageMaker answers DescribeEndpoint of an unknown endpoint with a ValidationException."""
    details = error.response.get("Error", {})
    return details.get("Code") == "ValidationException" and "Could not find endpoint" in details.get("Message", "")
