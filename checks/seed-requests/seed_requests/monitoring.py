"""The hosting stacks' monitoring resources as the SageMaker requests pulumi-aws sends for them.

pulumi-aws 6.83 creates a DataQualityJobDefinition with CreateDataQualityJobDefinition and a MonitoringSchedule with
CreateMonitoringSchedule, expanding the resource's inputs member by member (hashicorp/terraform-provider-aws
internal/service/sagemaker/data_quality_job_definition.go: expandDataQualityAppSpecification,
expandDataQualityBaselineConfig, expandDataQualityJobInput, expandMonitoringOutputConfig (monitoring_outputs, one
block, becomes the MonitoringOutputs list), expandMonitoringResources, expandMonitoringNetworkConfig,
expandMonitoringStoppingCondition; monitoring_schedule.go: expandMonitoringScheduleConfig). The inputs are read from
the plan JSON in Pulumi's names; each request is what those functions build from them.
"""

JOB_DEFINITION = "aws:sagemaker/dataQualityJobDefinition:DataQualityJobDefinition"
SCHEDULE = "aws:sagemaker/monitoringSchedule:MonitoringSchedule"


def _int(value):
    return int(value) if isinstance(value, float) and value.is_integer() else value


def _pick(source, members):
    """{ApiName: converted value} for each (pulumiName, ApiName, convert) present in source."""
    out = {}
    for pulumi_name, api_name, convert in members:
        if source.get(pulumi_name) is not None:
            out[api_name] = convert(source[pulumi_name])
    return out


def _same(value):
    return value


def _tags(tags):
    return [{"Key": key, "Value": value} for key, value in sorted(tags.items())]


def _s3_resource(value):
    return _pick(value, [("s3Uri", "S3Uri", _same)])


def _endpoint_input(value):
    return _pick(value, [("endpointName", "EndpointName", _same), ("localPath", "LocalPath", _same),
                         ("s3InputMode", "S3InputMode", _same),
                         ("s3DataDistributionType", "S3DataDistributionType", _same)])


def _s3_output(value):
    return _pick(value, [("s3Uri", "S3Uri", _same), ("localPath", "LocalPath", _same),
                         ("s3UploadMode", "S3UploadMode", _same)])


def _cluster(value):
    return _pick(value, [("instanceCount", "InstanceCount", _int), ("instanceType", "InstanceType", _same),
                         ("volumeSizeInGb", "VolumeSizeInGB", _int), ("volumeKmsKeyId", "VolumeKmsKeyId", _same)])


def _vpc(value):
    return _pick(value, [("securityGroupIds", "SecurityGroupIds", list), ("subnets", "Subnets", list)])


def create_data_quality_job_definition(inputs):
    return _pick(inputs, [
        ("name", "JobDefinitionName", _same),
        ("dataQualityAppSpecification", "DataQualityAppSpecification", lambda v: _pick(v, [
            ("imageUri", "ImageUri", _same), ("environment", "Environment", dict),
            ("recordPreprocessorSourceUri", "RecordPreprocessorSourceUri", _same),
            ("postAnalyticsProcessorSourceUri", "PostAnalyticsProcessorSourceUri", _same)])),
        ("dataQualityBaselineConfig", "DataQualityBaselineConfig", lambda v: _pick(v, [
            ("constraintsResource", "ConstraintsResource", _s3_resource),
            ("statisticsResource", "StatisticsResource", _s3_resource)])),
        ("dataQualityJobInput", "DataQualityJobInput", lambda v: _pick(v, [
            ("endpointInput", "EndpointInput", _endpoint_input)])),
        ("dataQualityJobOutputConfig", "DataQualityJobOutputConfig", lambda v: _pick(v, [
            ("kmsKeyId", "KmsKeyId", _same),
            ("monitoringOutputs", "MonitoringOutputs", lambda o: [_pick(o, [("s3Output", "S3Output", _s3_output)])])])),
        ("jobResources", "JobResources", lambda v: _pick(v, [("clusterConfig", "ClusterConfig", _cluster)])),
        ("networkConfig", "NetworkConfig", lambda v: _pick(v, [
            ("enableInterContainerTrafficEncryption", "EnableInterContainerTrafficEncryption", _same),
            ("enableNetworkIsolation", "EnableNetworkIsolation", _same), ("vpcConfig", "VpcConfig", _vpc)])),
        ("roleArn", "RoleArn", _same),
        ("stoppingCondition", "StoppingCondition", lambda v: _pick(v, [
            ("maxRuntimeInSeconds", "MaxRuntimeInSeconds", _int)])),
        ("tags", "Tags", _tags),
    ])


def create_monitoring_schedule(inputs):
    return _pick(inputs, [
        ("name", "MonitoringScheduleName", _same),
        ("monitoringScheduleConfig", "MonitoringScheduleConfig", lambda v: _pick(v, [
            ("monitoringJobDefinitionName", "MonitoringJobDefinitionName", _same),
            ("monitoringType", "MonitoringType", _same),
            ("scheduleConfig", "ScheduleConfig", lambda c: _pick(c, [
                ("scheduleExpression", "ScheduleExpression", _same)]))])),
        ("tags", "Tags", _tags),
    ])


def requests(plans):
    """[(where, operation, request)] of every monitoring resource of the plans."""
    found = []
    for stack in plans:
        for resource in stack["resources"]:
            where = f"{stack['stack']}/{resource['name']}"
            if resource["type"] == JOB_DEFINITION:
                found.append((where, "CreateDataQualityJobDefinition",
                              create_data_quality_job_definition(resource["inputs"])))
            elif resource["type"] == SCHEDULE:
                found.append((where, "CreateMonitoringSchedule", create_monitoring_schedule(resource["inputs"])))
    return found
