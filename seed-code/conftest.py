"""Only in this repository (not in the seed repositories): the seed tests' AWS requests are checked against
botocore's service model by the plugin of checks/seed-requests."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "checks" / "seed-requests"))

pytest_plugins = ["seed_requests.plugin"]
