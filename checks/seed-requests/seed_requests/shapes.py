"""A request checked against its operation's input shape in botocore's service model.

botocore.validate.ParamValidator checks required members, unknown members, types and minimum lengths and values.
What it skips is checked here over the same model shapes: maximum lengths, sizes and values, enums, patterns
(full match, Java dialect: java_regex), map sizes, and booleans where a number is expected (JSON true is no
integer). Rules the model states only in its documentation are in SHAPE_RULES, by shape name.
"""
from functools import lru_cache

import botocore.session
from botocore.validate import ParamValidator

from seed_requests.instance_storage import has_local_storage
from seed_requests.java_regex import full_match

NUMBER_TYPES = ("integer", "long", "float", "double")


def no_volume_key_with_local_storage(value, path):
    """ProcessingClusterConfig / ResourceConfig VolumeKmsKeyId: "You can't request a VolumeKmsKeyId when using an
    instance type with local storage." (see instance_storage)."""
    instance_type = value.get("InstanceType")
    if "VolumeKmsKeyId" in value and isinstance(instance_type, str) and has_local_storage(instance_type):
        yield (f"{path}.VolumeKmsKeyId: not allowed with {instance_type}, an instance type with local NVMe "
               "storage (encrypted by the instance; SageMaker refuses a volume key there)")


SHAPE_RULES = {
    "ProcessingClusterConfig": [no_volume_key_with_local_storage],
    "ResourceConfig": [no_volume_key_with_local_storage],
}


def _size(size, shape, path, what, check_min=False):
    """The maximum size (botocore checks the minimum of strings and lists, not of maps and blobs)."""
    low, high = shape.metadata.get("min"), shape.metadata.get("max")
    if high is not None and size > high:
        yield f"{path}: {what} {size} above the maximum {high}"
    if check_min and low is not None and size < low:
        yield f"{path}: {what} {size} below the minimum {low}"


def constraint_problems(shape, value, path):
    """What botocore's validator skips, for a value already of the right Python type."""
    kind = shape.type_name
    if kind == "structure" and isinstance(value, dict):
        for name, member_value in value.items():
            if name in shape.members:
                yield from constraint_problems(shape.members[name], member_value, f"{path}.{name}")
        for rule in SHAPE_RULES.get(shape.name, []):
            yield from rule(value, path)
    elif kind == "list" and isinstance(value, (list, tuple)):
        yield from _size(len(value), shape, path, "list size")
        for index, item in enumerate(value):
            yield from constraint_problems(shape.member, item, f"{path}[{index}]")
    elif kind == "map" and isinstance(value, dict):
        yield from _size(len(value), shape, path, "map size", check_min=True)
        for key, item in value.items():
            yield from constraint_problems(shape.key, key, f"{path} (key {key!r})")
            yield from constraint_problems(shape.value, item, f"{path}.{key}")
    elif kind == "string" and isinstance(value, str):
        yield from _size(len(value), shape, path, "length")
        if shape.enum and value not in shape.enum:
            yield f"{path}: {value!r} is not one of {', '.join(shape.enum)}"
        pattern = shape.metadata.get("pattern")
        if pattern and not full_match(pattern, value):
            yield f"{path}: {value!r} does not match the pattern {pattern}"
    elif kind in NUMBER_TYPES:
        if isinstance(value, bool):
            yield f"{path}: boolean {value} where a number is expected"
        elif isinstance(value, (int, float)):
            high = shape.metadata.get("max")
            if high is not None and value > high:
                yield f"{path}: {value} above the maximum {high}"
    elif kind == "blob" and isinstance(value, (bytes, bytearray)):
        yield from _size(len(value), shape, path, "length", check_min=True)


class RequestShapes:
    """The input shapes of one service's operations (botocore's model of the installed botocore)."""

    def __init__(self, service_name):
        self.model = botocore.session.get_session().get_service_model(service_name)

    def problems(self, operation, params):
        """Every way params break operation's input shape, one message each; empty when AWS would accept it."""
        shape = self.model.operation_model(operation).input_shape
        report = ParamValidator().validate(params, shape)
        found = [f"{operation}: {line}" for line in report.generate_report().splitlines()] if report.has_errors() else []
        return found + list(constraint_problems(shape, params, operation))


@lru_cache(maxsize=None)
def shapes_of(service_name):
    return RequestShapes(service_name)
