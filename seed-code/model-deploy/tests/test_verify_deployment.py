import verify_deployment as vd
from endpoint_answers import ENDPOINT, endpoint

NEW = "acme-prod-config-bbbb2222"
OLD = "acme-prod-config-aaaa1111"


def run(sagemaker):
    sleeps = []
    code = vd.main(["--endpoint-name", ENDPOINT, "--endpoint-config-name", NEW], {}, sagemaker=sagemaker,
                   sleep=sleeps.append)
    return code, sleeps


def test_passes_when_the_endpoint_is_in_service_on_the_new_configuration(stubbed, capsys):
    sagemaker, stub = stubbed("sagemaker")
    stub.add_response("describe_endpoint", endpoint(NEW), {"EndpointName": ENDPOINT})
    assert run(sagemaker) == (0, [])
    assert f"InService on {NEW}" in capsys.readouterr().out


def test_a_rolled_back_deployment_fails_the_stage(stubbed, capsys):
    sagemaker, stub = stubbed("sagemaker")
    stub.add_response("describe_endpoint", endpoint(OLD, reason="Alarm errors in ALARM"), {"EndpointName": ENDPOINT})
    assert run(sagemaker) == (1, [])
    err = capsys.readouterr().err
    assert f"serves {OLD}, not {NEW}" in err and "rolled back (Alarm errors in ALARM)" in err


def test_waits_for_an_update_still_under_way(stubbed):
    sagemaker, stub = stubbed("sagemaker")
    stub.add_response("describe_endpoint", endpoint(NEW, status="SystemUpdating"), {"EndpointName": ENDPOINT})
    stub.add_response("describe_endpoint", endpoint(NEW), {"EndpointName": ENDPOINT})
    assert run(sagemaker) == (0, [vd.POLL_SECONDS])


def test_a_failed_endpoint_fails_even_on_the_new_configuration(stubbed, capsys):
    sagemaker, stub = stubbed("sagemaker")
    stub.add_response("describe_endpoint", endpoint(NEW, status="Failed", reason="capacity"),
                      {"EndpointName": ENDPOINT})
    assert run(sagemaker)[0] == 1
    assert "is Failed" in capsys.readouterr().err


def test_a_variant_without_instances_fails(stubbed, capsys):
    sagemaker, stub = stubbed("sagemaker")
    stub.add_response("describe_endpoint", endpoint(NEW, current=0), {"EndpointName": ENDPOINT})
    assert run(sagemaker)[0] == 1
    assert "no running instances in ['AllTraffic']" in capsys.readouterr().err


def test_an_endpoint_that_never_settles_fails_after_the_wait(stubbed):
    sagemaker, stub = stubbed("sagemaker")
    for _ in range(vd.ATTEMPTS):
        stub.add_response("describe_endpoint", endpoint(NEW, status="Updating"), {"EndpointName": ENDPOINT})
    code, sleeps = run(sagemaker)
    assert code == 1 and len(sleeps) == vd.ATTEMPTS - 1
