"""pytest plugin: every request a botocore client sends while the tests run is checked against its input shape.

Loaded by the seed code's test run in this repository (seed-code/conftest.py), so the requests that run_pipeline.py,
latest_approved_package.py, smoke_test.py and any later script send in their tests (through botocore's Stubber or
not) are held to botocore's model: a request AWS would refuse fails the test that sends it.
"""
import botocore.client

from seed_requests.shapes import shapes_of


class RequestShapeError(AssertionError):
    pass


def check_request(params, model, **_):
    """botocore's before-parameter-build handler: the request as the caller gave it."""
    problems = shapes_of(model.service_model.service_name).problems(model.name, params)
    if problems:
        raise RequestShapeError(
            f"{model.service_model.service_name} {model.name} would be refused by AWS:\n  " + "\n  ".join(problems)
        )


_create_client = botocore.client.ClientCreator.create_client


def create_checked_client(self, *args, **kwargs):
    client = _create_client(self, *args, **kwargs)
    # Registered after botocore's own handlers of the event, which fill in idempotency tokens (CreatePipeline's
    # ClientRequestToken); Stubber's expected-parameter check runs first (it registers first).
    client.meta.events.register("before-parameter-build", check_request)
    return client


def pytest_configure(config):
    botocore.client.ClientCreator.create_client = create_checked_client


def pytest_unconfigure(config):
    botocore.client.ClientCreator.create_client = _create_client
