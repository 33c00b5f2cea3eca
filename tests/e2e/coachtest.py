"""Shared helpers for the end-to-end tests: run build/coach as a user would."""
import atexit
import fcntl
import json
import os
import pty
import select
import shutil
import signal
import struct
import subprocess
import termios
import time
import tempfile
import textwrap
import unittest
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
COACH = str(Path(os.environ.get("COACH_BIN", ROOT / "build" / "coach")).resolve())
FIXTURES = ROOT / "tests" / "data" / "scenarios"
# Sessions are kept in the data directory: never the real one of whoever runs the tests.
DATA_HOME = tempfile.mkdtemp(prefix="coach-test-data-")
atexit.register(shutil.rmtree, DATA_HOME, ignore_errors=True)
BUNDLED = ROOT / "scenarios"


def one_step_scenario(rules, *, scenario_id="t", customer="{name: 陈女士}", line="你们怎么回事?",
                      model_answer="陈女士,不好意思,您的心情我很理解。"):
    """The text of a scenario of one `vent` step holding `rules` (YAML list items indented six
    spaces), for the tests of what a trainer writes."""
    return (f"id: {scenario_id}\ntitle: 测试\nsource: 000_5d6bbad32982d09a.txt 第一步 让客户发泄\n"
            f"customer: {customer}\nbriefing: 测试\nsteps:\n  - id: vent\n    stage: vent\n"
            f"    customer: {line}\n    rules:\n{rules.rstrip(chr(10))}\n"
            f"    model_answers: [\"{model_answer}\"]\n")


def run(*args, input=None, env=None, lang="zh", cwd=None, timeout=60):
    """Runs coach with a pinned language and no colour; returns the CompletedProcess."""
    full_env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG", "COACH_"))}
    full_env.update({"LANG": "C.UTF-8" if lang == "zh" else "en_US.UTF-8", "NO_COLOR": "1", "XDG_DATA_HOME": DATA_HOME})
    full_env.update(env or {})
    return subprocess.run([COACH, *args], input=input, capture_output=True, text=True, env=full_env,
                          cwd=cwd, timeout=timeout)


def wait_until_ending_signals_held(pid, timeout=30):
    """Whether coach, started as `pid`, comes to hold SIGTERM back (its start-up, before the
    command can take it): a signal sent then must wait, not end it. A fixed delay fell before
    coach's first instruction on a busy machine, where nothing can hold a signal."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            with open(f"/proc/{pid}/status", encoding="ascii") as status:
                blocked = next(line for line in status if line.startswith("SigBlk:"))
        except (OSError, StopIteration):
            return False
        if int(blocked.split()[1], 16) & (1 << (signal.SIGTERM - 1)):
            return True
        time.sleep(0.001)
    return False


def sanitizer_build():
    """Whether COACH is built with AddressSanitizer, whose runtime needs memory and descriptors of
    its own."""
    with open(COACH, "rb") as binary:
        return b"libasan" in binary.read()


def terminal_env(updates):
    """The environment of a session on a terminal: the runner's, without its language, colour
    and coach settings, then `updates`."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG", "NO_COLOR", "COACH_"))}
    env.update({"LANG": "en_US.UTF-8", "TERM": "xterm", "XDG_DATA_HOME": DATA_HOME})
    env.update(updates)
    return env


def spawn_in_terminal(args, env, columns=80, rows=30):
    """Starts coach (on the test scenarios) on a new pseudo-terminal; returns (pid, fd)."""
    pid, fd = pty.fork()
    if pid == 0:
        # Sized here, before coach starts: set by the parent, it raced coach reading it.
        fcntl.ioctl(1, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        os.execve(COACH, [COACH, "--scenarios", str(FIXTURES), *args], env)
    return pid, fd


def read_to_end(fd, quiet_seconds=10):
    """Everything the terminal shows until the program ends (or is silent that long)."""
    output = b""
    while select.select([fd], [], [], quiet_seconds)[0]:
        try:
            chunk = os.read(fd, 4096)
        except OSError:  # the program ended: Linux reports EIO on the master side
            break
        if not chunk:
            break
        output += chunk
    return output.decode("utf-8", errors="replace")


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

    def read_until(self, fd, needle, timeout=10, after=None):
        """What the terminal shows up to `needle` (one that comes after `after`, if given); fails if
        it does not come in time."""
        buffer = b""
        deadline = time.time() + timeout
        def shown():
            start = buffer.find(after.encode()) if after else 0
            return start >= 0 and needle.encode() in buffer[start:]
        while not shown():
            remaining = deadline - time.time()
            if remaining <= 0:
                self.fail(f"timed out waiting for {needle!r}; screen:\n{buffer.decode(errors='replace')}")
            ready, _, _ = select.select([fd], [], [], remaining)
            if ready:
                try:
                    chunk = os.read(fd, 4096)
                except OSError:
                    break
                if not chunk:
                    break
                buffer += chunk
        if not shown():  # the program ended first: never a silent pass
            self.fail(f"{needle!r} never came; screen:\n{buffer.decode(errors='replace')}")
        return buffer.decode(errors="replace")

    def assertExit(self, result, status):
        self.assertEqual(result.returncode, status,
                         f"exit {result.returncode}\nstdout:\n{result.stdout}\nstderr:\n{result.stderr}")

    # A scenario's model answers, shown once per test run: many tests vary one reply of them.
    _model_answers = {}

    def model_answers(self, scenario_id, scenarios=None):
        key = (scenario_id, str(scenarios))
        if key not in CoachTestCase._model_answers:
            args = ["show", scenario_id, "--format", "json"]
            if scenarios:
                args = ["--scenarios", str(scenarios), *args]
            shown = run(*args)
            self.assertExit(shown, 0)
            CoachTestCase._model_answers[key] = {
                step["id"]: step["model_answers"][0] for step in json.loads(shown.stdout)["steps"]}
        return dict(CoachTestCase._model_answers[key])
