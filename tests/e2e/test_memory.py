"""Running out of memory: coach finishes as it would have, or says that memory ran out in
words, exit status 2. It never crashes, aborts or says something else (a folder it could not
read, a concept it does not know)."""
import concurrent.futures
import os
import resource
import subprocess
import tempfile
import unittest
from pathlib import Path

from coachtest import BUNDLED, COACH, DATA_HOME, FIXTURES, CoachTestCase, sanitizer_build

OUT_OF_MEMORY = "coach: 内存不足,没有做完(可用内存太少,或 ulimit -v 限制太小)"
# tests/fault/failing_malloc.cpp, built beside coach (not in a sanitizer build).
FAILING_MALLOC = os.environ.get("FAILING_MALLOC", "")
ANSWERS_FILE = "../a.yaml"  # from the folder each run has to itself

# Replies that reach RE2 in the scorer too: an address, a correction, a refusal.
ANSWERS = """\
trainee: 学员
attempts:
  - scenario: fee
    responses:
      vent: 王先生,您的心情我很理解,您慢慢说。这个我不能随便答应您。
      apologize: 真对不起,张师傅,他明天上门,原因是系统故障。
  - scenario: hurry
    responses:
      vent: 李女士您好,哦不,先生您好,我理解您的心情。
      apologize: 你弄错了吧。
"""


def coach_env(updates=None):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG", "COACH_"))}
    env.update({"LANG": "C.UTF-8", "NO_COLOR": "1", "XDG_DATA_HOME": DATA_HOME})
    env.update(updates or {})
    return env


def messages(stderr):
    # Kept whole: RE2 logs a line of its own (./re2/walker-inl.h) when an allocation fails
    # inside it, which the memory reserve is there to prevent.
    return stderr.splitlines()


def starts_under(limit):
    """Whether coach starts at all under an address-space limit: below it, the dynamic loader or
    a shared library's static initialiser (yaml-cpp's) runs out before main, where nothing of
    coach's can say so in words ("terminate called without an active exception")."""
    result = subprocess.run([COACH, "--version"], capture_output=True, env=coach_env(),
                            preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_AS, (limit, limit)),
                            timeout=60)
    return result.returncode == 0


class AddressSpaceLimits(CoachTestCase):
    def setUp(self):
        super().setUp()
        if sanitizer_build():
            self.skipTest("a sanitizer build reserves more address space than any limit here")

    def test_running_out_of_memory_is_said_in_words(self):
        # Outside pass 25, finding 05: "coach: std::bad_alloc". At about 17 MB a pattern ran out
        # of memory while compiling, inside std::call_once: glibc could not load libgcc_s to
        # unwind through it, and aborted (util/run_once). Where memory runs out moves with the
        # build, so the limits are walked in half megabytes.
        said = []
        for megabytes in [12 + step / 2 for step in range(56)] + [48, 64]:
            limit = int(megabytes * (1 << 20))
            if not starts_under(limit):
                continue
            result = subprocess.run(
                [COACH, "--no-history", "check", str(BUNDLED)], capture_output=True, text=True,
                env=coach_env(),
                preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_AS, (limit, limit)), timeout=60)
            with self.subTest(megabytes=megabytes):
                self.assertIn(result.returncode, (0, 2))
                if result.returncode == 2:
                    self.assertEqual(messages(result.stderr), [OUT_OF_MEMORY])
                    said.append(megabytes)
        self.assertTrue(said, "no limit tried ran out of memory")


    def test_a_reply_scored_as_memory_runs_out_is_kept(self):
        # Outside pass 30, finding 02: under a limit that let the session start but not score
        # its first reply (the patterns it wakes are compiled then), the reply was nowhere: no
        # recording, no sessions copy, not on the screen.
        reply = "先生您好,钱无缘无故少了,换了谁都会着急。请问您贵姓?我一定帮您弄清楚。"
        cut_short = []
        for megabytes in range(20, 49):
            limit = megabytes << 20
            folder = self.tmp / f"limit-{megabytes}"
            folder.mkdir()
            result = subprocess.run(
                [COACH, "--scenarios", str(BUNDLED), "practice", "missing-balance", "--record",
                 "r.yaml", "--db", "h.sqlite3"], input=reply + "\n", capture_output=True, text=True,
                env=coach_env({"XDG_DATA_HOME": str(folder)}), cwd=folder,
                preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_AS, (limit, limit)), timeout=60)
            started = "你>" in result.stdout
            if result.returncode != 2 or not started:
                continue
            with self.subTest(megabytes=megabytes):
                cut_short.append(megabytes)
                self.assertEqual(messages(result.stderr)[-1:], [OUT_OF_MEMORY])
                self.assertIn(f"内存不足,这句回答没能评分:{reply}", result.stderr)
                record = folder / "r.yaml"
                self.assertTrue(record.exists() and reply in record.read_text(encoding="utf-8"))
        self.assertTrue(cut_short, "no limit let the session start and then ran out")

    def test_a_line_of_a_hundred_megabytes_is_refused_without_holding_it(self):
        # Outside pass 48, finding 02: a 100 MB line was held whole, and normalised before it was
        # counted (1.5 GB, 40 s), to be refused as too long; under a memory limit it was out of
        # memory instead. Past 1 MiB a line is cut and the rest dropped as it comes.
        limit = 256 << 20
        if not starts_under(limit):
            self.skipTest("coach does not start under this limit here")
        typed = self.tmp / "typed.txt"
        with open(typed, "w", encoding="utf-8") as out:
            out.write("好" * (33 << 20) + "\n王先生,您的心情我很理解。\n")
        with open(typed, "rb") as replies:
            result = subprocess.run(
                [COACH, "--no-history", "--scenarios", str(FIXTURES), "practice", "fee", "--record",
                 str(self.tmp / "r.yaml")], stdin=replies, capture_output=True, text=True,
                env=coach_env(), timeout=60,
                preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_AS, (limit, limit)))
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("回答太长(上限 10,000 字)", result.stdout)
        self.assertIn('vent: "王先生,您的心情我很理解。"', (self.tmp / "r.yaml").read_text(encoding="utf-8"))


# The recording written before the first line, when the write ran short: said, and nothing typed
# yet to lose (an allocation of that write failed the test whenever the count fell on it).
NOT_STARTED = ["coach: 内存不足", "coach: 作答记录无法写入(原因见上方),练习没有开始。"]

SHORT_OF_THREADS = ("coach: 系统资源不足,没有做完:资源暂时不可用(可用内存太少或 ulimit -v 限制太小,"
                    "或进程数达到 ulimit -u 上限)")


def counts_of(stderr):
    """What failing_malloc counted ({"allocations": …, "failed": …, "peak": …}), and stderr
    without its line."""
    lines = stderr.splitlines()
    counted = [line for line in lines if line.startswith("allocations: ")]
    counts = {}
    if counted:
        for part in counted[0].split(", "):
            name, value = part.split(": ")
            counts[name] = int(value)
    return counts, "\n".join(line for line in lines if not line.startswith("allocations: "))


def each_in_turn(tried, problem):
    """{problem: [what was tried]} for every try that has one."""
    wrong = {}
    with concurrent.futures.ThreadPoolExecutor(os.cpu_count() or 2) as pool:
        for one, found in zip(tried, pool.map(problem, tried)):
            if found:
                wrong.setdefault(found, []).append(one)
    return wrong


class AllocationsThatFail(CoachTestCase):
    """Allocations made to fail by tests/fault/failing_malloc.cpp.

    CI at 48cab96 crashed under a 27.5 MB limit where the walk above, on this machine, runs out
    cleanly: RE2 leaves its parser's state half built when an allocation throws inside it.
    coach now keeps a memory reserve for such code (util/memory_reserve.hpp)."""

    def setUp(self):
        super().setUp()
        if not FAILING_MALLOC or sanitizer_build():
            self.skipTest("needs tests/fault/failing_malloc.cpp, which a sanitizer build has not")
        (self.tmp / "a.yaml").write_text(ANSWERS, encoding="utf-8")

    def coach(self, args, failing, earlier=None):
        """Runs coach in a folder of its own with failing_malloc set by `failing`, and the files
        of `earlier` (name: bytes) there before it; returns the result (stderr without the
        count), the counts and what it left in the folder."""
        folder = Path(tempfile.mkdtemp(dir=self.tmp))
        for name, content in (earlier or {}).items():
            (folder / name).write_bytes(content)
        env = {"LD_PRELOAD": FAILING_MALLOC, "COACH_COUNT_ALLOCATIONS": "1", **failing}
        library = [] if "--scenarios" in args else ["--scenarios", str(FIXTURES)]
        result = subprocess.run([COACH, "--no-history", *library, *args], capture_output=True,
                                text=True, env=coach_env(env), cwd=folder, timeout=60)
        counts, result.stderr = counts_of(result.stderr)
        left = {path.name: path.read_bytes() for path in folder.iterdir()}
        return result, counts, left

    def met(self, result, left, normal, normal_left):
        """Why `result` is neither what coach does with memory enough nor running out said."""
        if result.returncode == 2 and messages(result.stderr) == [OUT_OF_MEMORY]:
            return None if left == {} else f"left {sorted(left)}"
        if (result.returncode, result.stdout, result.stderr, left) == (
                normal.returncode, normal.stdout, normal.stderr, normal_left):
            return None
        return f"exit {result.returncode}: {messages(result.stderr)[-2:]}"

    def normal_run(self, args):
        normal, counts, left = self.coach(args, {"COACH_FAIL_ALLOCATION": "0"})
        self.assertIn(normal.returncode, (0, 1), normal.stderr)
        self.assertEqual(counts.get("failed"), 0, "failing_malloc did not count: " + normal.stderr)
        self.assertGreater(counts["allocations"], 100)
        return normal, counts, left

    def assert_every_failure_met(self, args, where="", step=1):
        normal, counts, normal_left = self.normal_run(args)
        if where:
            counts = self.coach(args, {"COACH_FAIL_ALLOCATION": "0", "COACH_FAIL_IN": where})[1]
        total = counts["allocations"]

        def problem(fail):
            result, counts, left = self.coach(
                args, {"COACH_FAIL_ALLOCATION": str(fail), "COACH_FAIL_IN": where})
            if counts and counts["failed"] != 1:
                return "no allocation failed"
            return self.met(result, left, normal, normal_left)

        wrong = each_in_turn(range(1, total + 1, step), problem)
        self.assertEqual(wrong, {}, f"of {total} allocations of `coach {' '.join(args)}`")

    def assert_every_limit_met(self, args, steps, span=1 << 20):
        # Limits within `span` below the most coach has in use at once: the 4 MB reserve is
        # among it, so it is drawn on, and wanted back before RE2 runs again.
        normal, counts, normal_left = self.normal_run(args)
        peak = counts["peak"]
        limits = [peak - span + span * i // steps for i in range(steps)]

        def problem(limit):
            result, _, left = self.coach(args, {"COACH_FAIL_ABOVE_BYTES": str(limit)})
            return self.met(result, left, normal, normal_left)

        wrong = each_in_turn(limits, problem)
        self.assertEqual(wrong, {}, f"of limits up to {peak} bytes, `coach {' '.join(args)}`")

    def test_every_allocation_of_re2_in_check(self):
        # The operator-new calls made from libre2 itself. Before the reserve, 27 of these 1,835
        # crashed (SIGSEGV inside RE2's parser).
        self.assert_every_failure_met(["check"], where="re2")

    def test_every_allocation_of_re2_in_grade(self):
        self.assert_every_failure_met(["grade", ANSWERS_FILE, "--format", "json"], where="re2",
                                      step=2)

    def test_allocations_anywhere_in_check(self):
        # Before: a lexicon folder that realpath or opendir ran out of memory in was said to be
        # missing or unreadable, its concepts then unknown; a thread_local first used then ended
        # the program in glibc ("failed to register TLS destructor").
        self.assert_every_failure_met(["check"], step=3)

    def test_allocations_anywhere_in_grade(self):
        # Before: the report's spool file that could not be made was "无法在 /tmp 创建…", and an
        # input whose file could not be read again for its digest had an empty sha256.
        self.assert_every_failure_met(["grade", ANSWERS_FILE, "-o", "r.json", "--format", "json"],
                                      step=5)

    def test_memory_that_runs_out_before_the_reports_are_opened_removes_the_earlier_ones(self):
        # Outside pass 38, finding 03: memory that ran out while the library was read, before the
        # reports were opened, left the earlier run's reports in place (a little later, they
        # were removed), to be published as this run's. From a quarter of the peak up: below
        # that, it runs out before the command line naming the reports is read.
        args = ["grade", ANSWERS_FILE, "-o", "r.json", "--format", "json", "--report", "markdown=r.md"]
        earlier = {"r.json": b"earlier run\n", "r.md": b"earlier run\n"}
        normal, counts, normal_left = self.coach(args, {"COACH_FAIL_ALLOCATION": "0"}, earlier)
        self.assertIn(normal.returncode, (0, 1), normal.stderr)
        self.assertNotIn(b"earlier run", normal_left["r.md"])
        peak = counts["peak"]

        def problem(limit):
            result, _, left = self.coach(args, {"COACH_FAIL_ABOVE_BYTES": str(limit)}, earlier)
            return self.met(result, left, normal, normal_left)

        wrong = each_in_turn([peak * i // 40 for i in range(10, 40)], problem)
        self.assertEqual(wrong, {}, f"of limits up to {peak} bytes")

    def test_memory_that_stays_short_in_check_and_grade(self):
        # Memory runs out as under a limit, and stays short: what was freed can be had again.
        self.assert_every_limit_met(["check"], steps=300)
        self.assert_every_limit_met(["grade", ANSWERS_FILE, "--format", "json"], steps=300)
        # Loading the bundled library goes on well past the reserve's 4 MB once it is drawn on:
        # with a make_room_for_unsafe_code() left out before each RE2 call, RE2 met a failure
        # at 3 of these 60 limits.
        self.assert_every_limit_met(["--scenarios", str(BUNDLED), "check"], steps=60,
                                    span=12 << 20)

    def test_a_session_keeps_every_reply_whatever_runs_out(self):
        # With the history on: it is written as the session goes, and may fail on its own.
        replies = ["王先生,您的心情我很理解。", "原因是系统故障,对不起。"]
        args = ["practice", "fee", "--record", "r.yaml"]

        def session(fail):
            folder = self.tmp / f"session-{fail}"
            folder.mkdir()
            env = coach_env({"LD_PRELOAD": FAILING_MALLOC, "COACH_COUNT_ALLOCATIONS": "1",
                             "COACH_FAIL_ALLOCATION": str(fail), "XDG_DATA_HOME": str(folder)})
            result = subprocess.run([COACH, "--scenarios", str(FIXTURES), *args],
                                    input="".join(reply + "\n" for reply in replies),
                                    capture_output=True, text=True, env=env, cwd=folder,
                                    timeout=60)
            counts, result.stderr = counts_of(result.stderr)
            record = folder / "r.yaml"
            return result, counts, record.read_text(encoding="utf-8") if record.exists() else ""

        normal, counts, record = session(0)
        self.assertEqual(normal.returncode, 0, normal.stderr)
        self.assertTrue(all(reply in record for reply in replies), record)

        def problem(fail):
            result, _, record = session(fail)
            if result.returncode == 0:
                kept = all(reply in record for reply in replies)
                return None if kept else "a reply missing from the recording"
            started = "你们凭什么扣我钱" in result.stdout
            # A thread it could not start (to watch for Ctrl-C) is a shortage said as such.
            said = (messages(result.stderr)[-1:] in ([OUT_OF_MEMORY], [SHORT_OF_THREADS])
                    or messages(result.stderr)[-2:] == NOT_STARTED)
            if result.returncode == 2 and said and not started:
                return None
            return f"exit {result.returncode}, started {started}: {messages(result.stderr)[-2:]}"

        total = counts["allocations"]
        wrong = each_in_turn(range(1, total + 1, 11), problem)
        self.assertEqual(wrong, {}, f"of {total} allocations of `coach {' '.join(args)}`")

class SmallStack(CoachTestCase):
    """Outside pass 45, finding 3: under `ulimit -s 80` every command that read a file crashed
    (SIGSEGV, no word): each read took a 64 KiB buffer on the stack."""

    def test_every_command_works_in_a_64_kib_stack(self):
        if sanitizer_build():
            self.skipTest("AddressSanitizer's own frames need a larger stack")
        reply = "王先生您好,您的心情我很理解。" * 600
        answers = self.write("a.yaml", f"scenario: missing-balance\nresponses:\n  vent: \"{reply}\"\n")
        limit = 64 * 1024
        for args, status in ((["list"], 0), (["check", str(BUNDLED)], 0), (["grade", str(answers)], 1),
                             (["practice", "missing-balance", "--record", str(self.tmp / "r.yaml")], 0)):
            with self.subTest(args=args):
                result = subprocess.run(
                    [COACH, "--no-history", "--scenarios", str(BUNDLED), *args], input="先生您好\n",
                    capture_output=True, text=True, env=coach_env(), timeout=60,
                    preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_STACK, (limit, limit)))
                self.assertEqual(result.returncode, status, result.stderr)


if __name__ == "__main__":
    unittest.main()
