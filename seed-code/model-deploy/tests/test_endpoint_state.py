import pytest
from botocore.exceptions import ClientError

import endpoint_state as es
from endpoint_answers import ENDPOINT, endpoint


def show(sagemaker, what, *extra):
    return es.main(["--endpoint-name", ENDPOINT, "--show", what, *extra], {}, sagemaker=sagemaker)


def test_prints_the_larger_of_the_running_and_the_desired_count(stubbed, capsys):
    sagemaker, stub = stubbed("sagemaker")
    stub.add_response("describe_endpoint", endpoint("c-1", current=3, desired=5), {"EndpointName": ENDPOINT})
    assert show(sagemaker, "instance-count") == 0
    assert capsys.readouterr().out == "5\n"


def test_prints_the_configuration_the_endpoint_serves(stubbed, capsys):
    sagemaker, stub = stubbed("sagemaker")
    stub.add_response("describe_endpoint", endpoint("served-config"), {"EndpointName": ENDPOINT})
    assert show(sagemaker, "endpoint-config-name") == 0
    assert capsys.readouterr().out == "served-config\n"


@pytest.mark.parametrize("what", es.SHOWN)
def test_prints_nothing_before_the_first_deploy(stubbed, capsys, what):
    sagemaker, stub = stubbed("sagemaker")
    stub.add_client_error("describe_endpoint", "ValidationException", f'Could not find endpoint "{ENDPOINT}".')
    assert show(sagemaker, what) == 0
    assert capsys.readouterr().out == ""


def test_other_errors_are_not_taken_for_a_missing_endpoint(stubbed):
    sagemaker, stub = stubbed("sagemaker")
    stub.add_client_error("describe_endpoint", "AccessDeniedException", "not authorized")
    with pytest.raises(ClientError) as raised:
        show(sagemaker, "instance-count")
    assert raised.value.response["Error"]["Code"] == "AccessDeniedException"


def test_an_endpoint_without_the_variant_fails(stubbed, capsys):
    sagemaker, stub = stubbed("sagemaker")
    stub.add_response("describe_endpoint", endpoint("c-1"), {"EndpointName": ENDPOINT})
    assert show(sagemaker, "instance-count", "--variant", "Shadow") == 1
    assert "no variant 'Shadow'" in capsys.readouterr().err
