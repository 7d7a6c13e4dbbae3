"""The build buildspec keeps its contract with the training CodeBuild project."""
import yaml


def test_tests_run_before_the_pipeline(repo):
    spec = yaml.safe_load((repo / "buildspec.yml").read_text())
    assert spec["version"] == 0.2
    assert spec["phases"]["install"]["runtime-versions"] == {"python": 3.11}
    # Each phase starts in this folder: the source root, or model-build/ of a CodeStar repository.
    enter = 'cd "$CODEBUILD_SRC_DIR/${SOURCE_FOLDER:-.}"'
    assert spec["phases"]["install"]["commands"] == [enter, "python3 -m pip install --quiet -r requirements.txt"]
    assert spec["phases"]["pre_build"]["commands"] == [enter, "python3 -m pytest tests -q"]
    assert spec["phases"]["build"]["commands"] == [
        enter, 'python3 pipelines/run_pipeline.py --timeout-seconds "$PIPELINE_TIMEOUT_SECONDS"'
    ]
    assert spec["env"]["variables"] == {"PIPELINE_TIMEOUT_SECONDS": "7200"}
