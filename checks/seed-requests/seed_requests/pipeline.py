"""A SageMaker Pipelines definition checked as SageMaker runs it: each step as the request it stands for.

SageMaker Pipelines sends a Processing step's Arguments as CreateProcessingJob, a Training step's as
CreateTrainingJob and a RegisterModel step's as CreateModelPackage, after substituting the pipeline's expressions;
it names the jobs itself (pipelines-<execution id>-<step>-<suffix>). `check` does the same with realistic values
and validates every request against botocore's model (shapes). The step envelope (the keys around Arguments,
RetryPolicies, CacheConfig, PropertyFiles, parameters, conditions) is checked against the pipeline definition
JSON schema (aws-sagemaker-mlops/sagemaker-model-building-pipeline-definition-JSON-schema,
schema/pipeline-definition.schema.json) and, where that schema is older than the service, the SageMaker Python SDK
that writes definitions (PropertyFiles on Processing steps: sagemaker/workflow/steps.py; EnumValues on String
parameters: sagemaker/workflow/parameters.py; a RetryPolicy's ExceptionType list and bounds:
sagemaker/workflow/retry.py) and the developer guide ("Retry Policy for Pipeline Steps",
https://docs.aws.amazon.com/sagemaker/latest/dg/pipelines-retry-policy.html; "Turn on step caching",
https://docs.aws.amazon.com/sagemaker/latest/dg/pipelines-caching-enabling.html).
An expression or step type not handled here is a problem, so a new one is modelled on purpose, never skipped.
"""
import re
from dataclasses import dataclass, field

from seed_requests.shapes import shapes_of

SCHEMA_VERSION = "2020-12-01"
NAME = re.compile(r"[A-Za-z0-9\-_]{1,64}")
COMMON_STEP_KEYS = {"Name", "Type", "Arguments", "DependsOn", "DisplayName", "Description"}
STEP_KEYS = {
    "Processing": COMMON_STEP_KEYS | {"RetryPolicies", "CacheConfig", "PropertyFiles"},
    "Training": COMMON_STEP_KEYS | {"RetryPolicies", "CacheConfig"},
    "RegisterModel": COMMON_STEP_KEYS | {"RetryPolicies"},
    "Condition": COMMON_STEP_KEYS,
    "Fail": COMMON_STEP_KEYS,
}
# Step type -> (operation, the name member SageMaker Pipelines fills in)
STEP_REQUESTS = {
    "Processing": ("CreateProcessingJob", "ProcessingJobName"),
    "Training": ("CreateTrainingJob", "TrainingJobName"),
    "RegisterModel": ("CreateModelPackage", None),
}
STEP_EXCEPTIONS = {"Step.SERVICE_FAULT", "Step.THROTTLING"}
JOB_EXCEPTIONS = {"SageMaker.JOB_INTERNAL_ERROR", "SageMaker.CAPACITY_ERROR", "SageMaker.RESOURCE_LIMIT"}
RETRY_EXCEPTIONS = {"Processing": STEP_EXCEPTIONS | JOB_EXCEPTIONS, "Training": STEP_EXCEPTIONS | JOB_EXCEPTIONS,
                    "RegisterModel": STEP_EXCEPTIONS}
# IntervalSeconds: "The maximum value of IntervalSeconds is 43200 seconds" (developer guide); MaxAttempts and
# ExpireAfterMin: MAX_ATTEMPTS_CAP and MAX_EXPIRE_AFTER_MIN of the SDK's retry.py, one of the two per policy.
RETRY_BOUNDS = {"IntervalSeconds": (0, 43200), "MaxAttempts": (1, 20), "ExpireAfterMin": (0, 14400)}
ISO_8601_DURATION = re.compile(r"P(?=\d|T\d)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?")
PARAMETER_TYPES = {"String": (str,), "Integer": (int,), "Float": (int, float), "Boolean": (bool,)}
# "a maximum of 16 elements" of a parameter's enum (aws/sagemaker-python-sdk#2314).
MAX_ENUM_VALUES = 16
CONDITION_TYPES = {"GreaterThan", "LessThan", "LessThanOrEqualTo", "GreaterThanOrEqualTo", "Equals", "NotEquals"}
OUTPUT_URI = re.compile(r"Steps\.([A-Za-z0-9\-_]+)\.ProcessingOutputConfig\.Outputs\['([^']+)'\]\.S3Output\.S3Uri")
MODEL_ARTIFACTS = re.compile(r"Steps\.([A-Za-z0-9\-_]+)\.ModelArtifacts\.S3ModelArtifacts")
PROPERTY_FILE = re.compile(r"Steps\.([A-Za-z0-9\-_]+)\.PropertyFiles\.([A-Za-z0-9\-_]+)")
EXECUTION_ID = "q3n8x4v2k7a1"
JOB_SUFFIX = "Xy1Z2aBcDe"


class Unresolved(ValueError):
    pass


@dataclass
class StepRequest:
    step: str
    operation: str
    params: dict


@dataclass
class Check:
    """The problems of a definition and the requests its steps stand for (SageMaker's service model)."""

    problems: list = field(default_factory=list)
    requests: list = field(default_factory=list)


def all_steps(steps):
    for step in steps:
        yield step
        if isinstance(step, dict) and step.get("Type") == "Condition":
            arguments = step.get("Arguments", {})
            yield from all_steps(arguments.get("IfSteps", []))
            yield from all_steps(arguments.get("ElseSteps", []))


def job_name(step_name):
    return f"pipelines-{EXECUTION_ID}-{step_name[:29]}-{JOB_SUFFIX}"


def is_expression(value):
    return isinstance(value, dict) and len(value) == 1 and ("Get" in value or next(iter(value)).startswith("Std:"))


class Resolver:
    """Substitutes a definition's expressions with the values SageMaker would give them in one execution."""

    def __init__(self, definition, parameter_values):
        self.parameters = parameter_values
        self.steps = {s["Name"]: s for s in all_steps(definition.get("Steps", [])) if isinstance(s, dict) and "Name" in s}
        self.resolved = {}
        self.resolving = set()

    def arguments(self, name):
        """The step's Arguments with every expression substituted, plus the job name SageMaker gives it."""
        if name in self.resolved:
            return self.resolved[name]
        if name not in self.steps:
            raise Unresolved(f"refers to step {name!r}, which the definition lacks")
        if name in self.resolving:
            raise Unresolved(f"step {name!r} depends on itself")
        self.resolving.add(name)
        step = self.steps[name]
        arguments = self.value(step.get("Arguments", {}))
        request = STEP_REQUESTS.get(step.get("Type"))
        if request and request[1]:
            arguments = {request[1]: job_name(name), **arguments}
        self.resolving.discard(name)
        self.resolved[name] = arguments
        return arguments

    def condition_sides(self, step):
        """A condition's values resolve (a Std:JsonGet reads a property file when the step runs)."""
        for condition in step.get("Arguments", {}).get("Conditions", []):
            for side in ("LeftValue", "RightValue"):
                value = condition.get(side)
                if not (isinstance(value, dict) and "Std:JsonGet" in value):
                    self.value(value)

    def value(self, value):
        if is_expression(value):
            return self.expression(value)
        if isinstance(value, dict):
            return {key: self.value(item) for key, item in value.items()}
        if isinstance(value, list):
            return [self.value(item) for item in value]
        return value

    def expression(self, value):
        (function, argument), = value.items()
        if function == "Get":
            return self.get(argument)
        if function == "Std:Join":
            if set(argument) != {"On", "Values"} or not isinstance(argument["Values"], list):
                raise Unresolved(f"Std:Join takes On and Values, got {argument!r}")
            return argument["On"].join(self.text(self.value(item)) for item in argument["Values"])
        raise Unresolved(f"{function} cannot be substituted in a request")

    @staticmethod
    def text(value):
        if isinstance(value, (dict, list)):
            raise Unresolved(f"Std:Join of a non-scalar value {value!r}")
        return str(value).lower() if isinstance(value, bool) else str(value)

    def get(self, path):
        if path.startswith("Parameters."):
            name = path.removeprefix("Parameters.")
            if name not in self.parameters:
                raise Unresolved(f"refers to parameter {name!r}, which the definition lacks")
            return self.parameters[name]
        if path == "Execution.PipelineExecutionId":
            return EXECUTION_ID
        if match := OUTPUT_URI.fullmatch(path):
            outputs = self.arguments(match[1]).get("ProcessingOutputConfig", {}).get("Outputs", [])
            uris = [o["S3Output"]["S3Uri"] for o in outputs if o.get("OutputName") == match[2]]
            if not uris:
                raise Unresolved(f"refers to output {match[2]!r} of step {match[1]!r}, which it lacks")
            return uris[0]
        if match := MODEL_ARTIFACTS.fullmatch(path):
            arguments = self.arguments(match[1])
            # Where SageMaker writes a training job's model: <S3OutputPath>/<job name>/output/model.tar.gz
            return f"{arguments['OutputDataConfig']['S3OutputPath']}/{arguments['TrainingJobName']}/output/model.tar.gz"
        raise Unresolved(f"Get {path!r} cannot be substituted in a request")


def parameter_values(definition, overrides=None):
    values = {p.get("Name"): p.get("DefaultValue") for p in definition.get("Parameters", []) if isinstance(p, dict)}
    return {**values, **(overrides or {})}


def parameter_variants(definition):
    """The defaults, then every EnumValues value of each parameter in turn."""
    yield {}
    for parameter in definition.get("Parameters", []):
        for value in parameter.get("EnumValues", []):
            if value != parameter.get("DefaultValue"):
                yield {parameter["Name"]: value}


def parameter_problems(parameters):
    names = set()
    for index, parameter in enumerate(parameters):
        where = f"Parameters[{index}]"
        name, kind = parameter.get("Name"), parameter.get("Type")
        unknown = set(parameter) - {"Name", "Type", "DefaultValue", "EnumValues"}
        if unknown:
            yield f"{where}: unknown keys {sorted(unknown)}"
        if not isinstance(name, str) or not NAME.fullmatch(name):
            yield f"{where}.Name: {name!r} does not match {NAME.pattern}"
        elif name in names:
            yield f"{where}.Name: {name!r} declared twice"
        names.add(name)
        if kind not in PARAMETER_TYPES:
            yield f"{where}.Type: {kind!r} is not one of {', '.join(PARAMETER_TYPES)}"
            continue
        default = parameter.get("DefaultValue")
        if default is not None and (not isinstance(default, PARAMETER_TYPES[kind])
                                    or (kind != "Boolean" and isinstance(default, bool))):
            yield f"{where}.DefaultValue: {default!r} is not a {kind}"
        if isinstance(default, str) and len(default) > 4096:
            yield f"{where}.DefaultValue: longer than 4096 characters"
        if "EnumValues" in parameter:
            values = parameter["EnumValues"]
            if kind != "String":
                yield f"{where}.EnumValues: only String parameters take EnumValues"
            elif not values or not all(isinstance(v, str) for v in values) or len(values) > MAX_ENUM_VALUES:
                yield f"{where}.EnumValues: expected 1 to {MAX_ENUM_VALUES} strings, got {values!r}"
            elif default is not None and default not in values:
                yield f"{where}.DefaultValue: {default!r} is not one of its EnumValues"


def retry_problems(step, where):
    policies = step.get("RetryPolicies", [])
    if not isinstance(policies, list):
        yield f"{where}.RetryPolicies: expected a list"
        return
    allowed = RETRY_EXCEPTIONS[step["Type"]]
    for index, policy in enumerate(policies):
        at = f"{where}.RetryPolicies[{index}]"
        unknown = set(policy) - {"ExceptionType", *RETRY_BOUNDS, "BackoffRate"}
        if unknown:
            yield f"{at}: unknown keys {sorted(unknown)}"
        kinds = policy.get("ExceptionType")
        if not isinstance(kinds, list) or not kinds:
            yield f"{at}.ExceptionType: expected a non-empty list of {', '.join(sorted(allowed))}"
        else:
            for kind in kinds:
                if kind not in allowed:
                    yield f"{at}.ExceptionType: {kind!r} is not one of {', '.join(sorted(allowed))}"
        for key, (low, high) in RETRY_BOUNDS.items():
            if key in policy and (type(policy[key]) is not int or not low <= policy[key] <= high):
                yield f"{at}.{key}: expected an integer from {low} to {high}, got {policy[key]!r}"
        if ("MaxAttempts" in policy) == ("ExpireAfterMin" in policy):
            yield f"{at}: give one of MaxAttempts and ExpireAfterMin"
        rate = policy.get("BackoffRate", 2.0)
        if isinstance(rate, bool) or not isinstance(rate, (int, float)) or rate < 0:
            yield f"{at}.BackoffRate: expected a non-negative number, got {rate!r}"


def cache_problems(config, where):
    if not isinstance(config, dict) or set(config) - {"Enabled", "ExpireAfter"}:
        yield f"{where}.CacheConfig: expected Enabled and ExpireAfter, got {config!r}"
        return
    if not isinstance(config.get("Enabled"), bool):
        yield f"{where}.CacheConfig.Enabled: expected true or false, got {config.get('Enabled')!r}"
    expire = config.get("ExpireAfter")
    if config.get("Enabled") and not (isinstance(expire, str) and ISO_8601_DURATION.fullmatch(expire)):
        yield f"{where}.CacheConfig.ExpireAfter: expected an ISO 8601 duration such as P30D, got {expire!r}"


def property_file_problems(step, where):
    outputs = {o.get("OutputName") for o in step.get("Arguments", {}).get("ProcessingOutputConfig", {}).get("Outputs", [])}
    for index, entry in enumerate(step.get("PropertyFiles", [])):
        at = f"{where}.PropertyFiles[{index}]"
        if set(entry) != {"PropertyFileName", "OutputName", "FilePath"}:
            yield f"{at}: expected PropertyFileName, OutputName and FilePath, got {sorted(entry)}"
        elif entry["OutputName"] not in outputs:
            yield f"{at}.OutputName: {entry['OutputName']!r} is not an output of the step"


def condition_problems(step, where, steps):
    for index, condition in enumerate(step.get("Arguments", {}).get("Conditions", [])):
        at = f"{where}.Conditions[{index}]"
        if condition.get("Type") not in CONDITION_TYPES:
            yield f"{at}.Type: {condition.get('Type')!r} is not one of {', '.join(sorted(CONDITION_TYPES))}"
        for side in ("LeftValue", "RightValue"):
            value = condition.get(side)
            if isinstance(value, dict) and "Std:JsonGet" in value:
                reference = value["Std:JsonGet"].get("PropertyFile", {}).get("Get", "")
                match = PROPERTY_FILE.fullmatch(reference)
                declared = match and any(
                    f.get("PropertyFileName") == match[2] for f in steps.get(match[1], {}).get("PropertyFiles", []))
                if not declared:
                    yield f"{at}.{side}: Std:JsonGet of {reference!r}, which no step declares"


def envelope_problems(step, where, steps):
    kind = step.get("Type")
    if kind not in STEP_KEYS:
        yield f"{where}.Type: {kind!r} is not a step type this check models ({', '.join(STEP_KEYS)})"
        return
    unknown = set(step) - STEP_KEYS[kind]
    if unknown:
        yield f"{where}: keys {sorted(unknown)} are not allowed on a {kind} step"
    for other in step.get("DependsOn", []):
        if other not in steps:
            yield f"{where}.DependsOn: {other!r} is not a step of the definition"
    if "RetryPolicies" in step:
        yield from retry_problems(step, where)
    if "CacheConfig" in step:
        yield from cache_problems(step["CacheConfig"], where)
    yield from property_file_problems(step, where)
    if kind == "Condition":
        yield from condition_problems(step, where, steps)


def check(definition, overrides=None):
    """The definition's problems and its steps' requests, with the parameter values of one execution."""
    result = Check()
    if definition.get("Version") != SCHEMA_VERSION:
        result.problems.append(f"Version: expected {SCHEMA_VERSION}, got {definition.get('Version')!r}")
    result.problems += parameter_problems(definition.get("Parameters", []))
    steps = list(all_steps(definition.get("Steps", [])))
    names = [s.get("Name") for s in steps]
    by_name = {s.get("Name"): s for s in steps}
    resolver = Resolver(definition, parameter_values(definition, overrides))
    for step in steps:
        name = step.get("Name")
        where = f"Steps[{name}]"
        if not isinstance(name, str) or not NAME.fullmatch(name):
            result.problems.append(f"{where}.Name: does not match {NAME.pattern}")
        elif names.count(name) > 1:
            result.problems.append(f"{where}.Name: more than one step has this name")
        result.problems += envelope_problems(step, where, by_name)
        try:
            if step.get("Type") == "Condition":
                resolver.condition_sides(step)
                continue
            arguments = resolver.arguments(name)
        except (Unresolved, KeyError, TypeError) as error:
            result.problems.append(f"{where}: {error}")
            continue
        if step.get("Type") in STEP_REQUESTS:
            operation = STEP_REQUESTS[step["Type"]][0]
            result.requests.append(StepRequest(name, operation, arguments))
            result.problems += [f"{where} {problem}" for problem in shapes_of("sagemaker").problems(operation, arguments)]
        elif step.get("Type") == "Fail" and not isinstance(arguments.get("ErrorMessage"), str):
            result.problems.append(f"{where}.ErrorMessage: expected a string")
    return result


def problems(definition):
    """Every problem of the definition, over the defaults and every enumerated parameter value."""
    found = {}
    for overrides in parameter_variants(definition):
        for problem in check(definition, overrides).problems:
            found.setdefault(problem, overrides)
    return [f"{problem} (with {overrides})" if overrides else problem for problem, overrides in found.items()]
