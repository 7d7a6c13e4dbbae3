"""Delete the models and endpoint configurations a verified deploy left behind.

    python3 scripts/clean_up_versions.py --endpoint-name NAME --name-prefix PREFIX --stage STAGE [--dry-run]

The hosting stack keeps a replaced model and endpoint configuration in SageMaker (retainOnDelete), so that an
endpoint rolled back to them never points at deleted resources. Once the deploy build verified that the endpoint
serves its new configuration, the ones it no longer uses are deleted: those whose name starts with the product's
prefix and whose stage tag is this stage, except the configuration the endpoint serves and its models. Run it only
after scripts/verify_deployment.py passed. Exit code 0.
"""
import argparse
import os
import sys

import stage_session


def in_use(sagemaker, endpoint_name):
    """The endpoint configuration the endpoint serves and the models of its variants."""
    config = sagemaker.describe_endpoint(EndpointName=endpoint_name)["EndpointConfigName"]
    variants = sagemaker.describe_endpoint_config(EndpointConfigName=config)
    models = {v["ModelName"] for v in variants["ProductionVariants"] + variants.get("ShadowProductionVariants", [])}
    return config, models


def named(sagemaker, operation, listed, name_key, arn_key, prefix):
    """(name, arn) of every resource the list operation finds whose name starts with prefix."""
    found = []
    for page in sagemaker.get_paginator(operation).paginate(NameContains=prefix):
        found += [(item[name_key], item[arn_key]) for item in page[listed] if item[name_key].startswith(prefix)]
    return found


def of_stage(sagemaker, arn, stage):
    tags = {t["Key"]: t["Value"] for t in sagemaker.list_tags(ResourceArn=arn).get("Tags", [])}
    return tags.get("stage") == stage and tags.get("managed-by") == "pulumi"


def leftovers(sagemaker, endpoint_name, prefix, stage):
    """(kind, name) of each retained configuration and model this stage's endpoint no longer uses."""
    config, models = in_use(sagemaker, endpoint_name)
    configs = named(sagemaker, "list_endpoint_configs", "EndpointConfigs", "EndpointConfigName",
                    "EndpointConfigArn", prefix)
    candidates = [("config", n, a) for n, a in configs if n != config]
    candidates += [("model", n, a) for n, a in named(sagemaker, "list_models", "Models", "ModelName", "ModelArn",
                                                     prefix) if n not in models]
    return [(kind, name) for kind, name, arn in candidates if of_stage(sagemaker, arn, stage)]


def parse_args(argv, env):
    parser = argparse.ArgumentParser(description="Delete the versions a verified deploy no longer uses.")
    parser.add_argument("--endpoint-name", required=True)
    parser.add_argument("--name-prefix", required=True)
    parser.add_argument("--stage", default=env.get("STAGE"))
    parser.add_argument("--dry-run", action="store_true")
    stage_session.add_stage_arguments(parser, env)
    return parser.parse_args(argv)


def main(argv=None, env=None, sagemaker=None):
    args = parse_args(argv, os.environ if env is None else env)
    if not args.stage:
        print("error: no stage (pass --stage or set STAGE)", file=sys.stderr)
        return 2
    sagemaker = sagemaker or stage_session.client("sagemaker", args.region, args.role_arn, args.external_id)
    # configurations first: a model may only go once no kept configuration names it
    for kind, name in sorted(leftovers(sagemaker, args.endpoint_name, args.name_prefix, args.stage)):
        print(("would delete " if args.dry_run else "deleting ") + f"{kind} {name}")
        if args.dry_run:
            continue
        if kind == "config":
            sagemaker.delete_endpoint_config(EndpointConfigName=name)
        else:
            sagemaker.delete_model(ModelName=name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
