"""Shared helpers for the end-to-end tests: run build/coach as a user would."""
import json
import os
import subprocess
import tempfile
import textwrap
import unittest
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
COACH = str(Path(os.environ.get("COACH_BIN", ROOT / "build" / "coach")).resolve())
FIXTURES = ROOT / "tests" / "data" / "scenarios"
# Sessions are kept in the data directory: never the real one of whoever runs the tests.
DATA_HOME = tempfile.mkdtemp(prefix="coach-test-data-")
BUNDLED = ROOT / "scenarios"


def run(*args, input=None, env=None, lang="zh", cwd=None, timeout=60):
    """Runs coach with a pinned language and no colour; returns the CompletedProcess."""
    full_env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG", "COACH_"))}
    full_env.update({"LANG": "C.UTF-8" if lang == "zh" else "en_US.UTF-8", "NO_COLOR": "1", "XDG_DATA_HOME": DATA_HOME})
    full_env.update(env or {})
    return subprocess.run([COACH, *args], input=input, capture_output=True, text=True, env=full_env,
                          cwd=cwd, timeout=timeout)


class CoachTestCase(unittest.TestCase):
    def setUp(self):
        self._tmp = tempfile.TemporaryDirectory()
        self.tmp = Path(self._tmp.name)

    def tearDown(self):
        self._tmp.cleanup()

    def write(self, name, text, mode="text"):
        path = self.tmp / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if mode == "bytes":
            path.write_bytes(text)
        else:
            path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        return path

    def assertExit(self, result, status):
        self.assertEqual(result.returncode, status,
                         f"exit {result.returncode}\nstdout:\n{result.stdout}\nstderr:\n{result.stderr}")

    def model_answers(self, scenario_id, scenarios=None):
        args = ["show", scenario_id, "--format", "json"]
        if scenarios:
            args = ["--scenarios", str(scenarios), *args]
        shown = run(*args)
        self.assertExit(shown, 0)
        return {step["id"]: step["model_answers"][0] for step in json.loads(shown.stdout)["steps"]}
