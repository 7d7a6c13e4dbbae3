from botocore.exceptions import ClientError

import current_instance_count as cic
from endpoints import ENDPOINT, endpoint


def test_prints_the_larger_of_the_running_and_the_desired_count(stubbed, capsys):
    sagemaker, stub = stubbed("sagemaker")
    stub.add_response("describe_endpoint", endpoint("c-1", current=3, desired=5), {"EndpointName": ENDPOINT})
    assert cic.main(["--endpoint-name", ENDPOINT], {}, sagemaker=sagemaker) == 0
    assert capsys.readouterr().out == "5\n"


def test_prints_nothing_before_the_first_deploy(stubbed, capsys):
    sagemaker, stub = stubbed("sagemaker")
    stub.add_client_error("describe_endpoint", "ValidationException", f'Could not find endpoint "{ENDPOINT}".')
    assert cic.main(["--endpoint-name", ENDPOINT], {}, sagemaker=sagemaker) == 0
    assert capsys.readouterr().out == ""


def test_other_errors_are_not_taken_for_a_missing_endpoint(stubbed):
    sagemaker, stub = stubbed("sagemaker")
    stub.add_client_error("describe_endpoint", "AccessDeniedException", "not authorized")
    try:
        cic.main(["--endpoint-name", ENDPOINT], {}, sagemaker=sagemaker)
    except ClientError as error:
        assert error.response["Error"]["Code"] == "AccessDeniedException"
    else:
        raise AssertionError("an access error must fail the build, not pass as a first deploy")


def test_an_endpoint_without_the_variant_fails(stubbed, capsys):
    sagemaker, stub = stubbed("sagemaker")
    stub.add_response("describe_endpoint", endpoint("c-1"), {"EndpointName": ENDPOINT})
    assert cic.main(["--endpoint-name", ENDPOINT, "--variant", "Shadow"], {}, sagemaker=sagemaker) == 1
    assert "no variant 'Shadow'" in capsys.readouterr().err
