"""Coach among other users of one machine: a shared training PC, a cohort's folder, a CI account.
Outside pass 50 ran everything as ordinary users, where the system says no. Most of these tests
need root, to run coach as two other users (numbers with no name: root may take any)."""
import json
import os
import pwd
import signal
import sqlite3
import stat
import subprocess
import time
import unittest

from coachtest import COACH, FIXTURES, CoachTestCase, run

OWNER, READER = 54321, 65534  # a trainer who owns the cohort's files, a trainee who reads them
REPLIES = {"vent": "王先生,您的心情我很理解。", "apologize": "对不起,原因是系统故障。"}


def coach_as(uid, *args, umask=0o022, env=None):
    """coach on the test scenarios as user `uid` (its group alike), in English, with `umask`."""
    full_env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG", "COACH_"))}
    full_env.update({"LANG": "en_US.UTF-8", "NO_COLOR": "1", "HOME": "/nonexistent"})
    full_env.update(env or {})

    def become():
        os.umask(umask)
        if uid != os.geteuid():
            os.setgroups([])
            os.setgid(uid)
            os.setuid(uid)

    return subprocess.run([COACH, "--scenarios", str(FIXTURES), *args], capture_output=True, text=True,
                          env=full_env, preexec_fn=become, timeout=60)


def wait_until_open(pid, path, timeout=30):
    """Whether process `pid` comes to hold `path` open."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            if any(os.readlink(f"/proc/{pid}/fd/{fd}") == str(path) for fd in os.listdir(f"/proc/{pid}/fd")):
                return True
        except OSError:
            pass  # a descriptor closed while it was looked at
        time.sleep(0.002)
    return False


def attempts_in(db):
    # Immutable: a read-only connection would make side files beside it, root's.
    with sqlite3.connect(f"file:{db}?immutable=1", uri=True) as connection:
        return connection.execute("SELECT count(*) FROM attempts").fetchone()[0]


class UsersTestCase(CoachTestCase):
    def setUp(self):
        super().setUp()
        os.chmod(self.tmp, 0o755)  # the users below must reach their folders

    def folder(self, name, mode):
        path = self.tmp / name
        path.mkdir()
        os.chmod(path, mode)
        return path

    def answers(self, name="a.yaml", trainee="Ann"):
        lines = [f"trainee: {trainee}", "scenario: fee", "responses:"]
        lines += [f"  {step}: {json.dumps(reply, ensure_ascii=False)}" for step, reply in REPLIES.items()]
        path = self.write(name, "\n".join(lines) + "\n")
        os.chmod(path, 0o644)
        return path


def other_users_can_run_coach():
    """Whether root can run coach and read the test scenarios as another user: not where the
    checkout or the build sits in a folder only root may enter."""
    if os.geteuid() != 0:
        return False
    try:
        return coach_as(READER, "--no-history", "list").returncode == 0
    except OSError:
        return False


@unittest.skipUnless(other_users_can_run_coach(), "runs coach as other users: root, with a checkout they can read")
class AnotherUsersFiles(UsersTestCase):
    def test_a_reader_who_cannot_write_the_database_leaves_nothing_that_locks_its_owner_out(self):
        # Finding 1: the reader's read-only connection made -wal and -shm, owned by the reader with
        # the database's mode 644; from then on the owner could neither write nor read it.
        shared = self.folder("cohort", 0o777)
        db = shared / "cohort.sqlite3"
        answers = self.answers()
        self.assertEqual(coach_as(OWNER, "--db", str(db), "grade", str(answers)).returncode, 0)
        shown = coach_as(READER, "--db", str(db), "history", "--all-trainees")
        self.assertEqual(shown.returncode, 0, shown.stderr)
        self.assertIn("Ann", shown.stdout)
        self.assertEqual(sorted(p.name for p in shared.iterdir()), ["cohort.sqlite3"])
        again = coach_as(OWNER, "--db", str(db), "grade", str(self.answers("b.yaml", "Bob")))
        self.assertEqual(again.returncode, 0)
        self.assertNotIn("warning", again.stderr)
        self.assertEqual(attempts_in(db), 2)
        # The reader's own grading is not recorded there, and is told so, naming the file's
        # protection rather than something SQLite found while it read on unasked.
        graded = coach_as(READER, "--db", str(db), "grade", str(answers))
        self.assertEqual(graded.returncode, 0)
        # Said as it is (outside pass 51, finding 7), not as a read-only file or folder.
        try:
            owner = pwd.getpwuid(OWNER).pw_name
        except KeyError:
            owner = str(OWNER)
        self.assertIn(f"the history database {db} cannot be used (you may not write the database (it is "
                      f"{owner}'s, mode 644))", graded.stderr)
        self.assertEqual(sorted(p.name for p in shared.iterdir()), ["cohort.sqlite3"])
        self.assertEqual(coach_as(OWNER, "--db", str(db), "history", "--all-trainees").returncode, 0)

    def test_a_reader_makes_nothing_beside_a_database_with_a_log_and_says_what_it_cannot_see(self):
        # Outside pass 51, finding 1: a -wal without its -shm (a killed session, tidied up), or a
        # grader finishing as the reader opened it, and the reader's read-only connection made a
        # -shm of its own again, which locked the owner out.
        shared = self.folder("cohort", 0o777)
        db = shared / "cohort.sqlite3"
        self.assertEqual(coach_as(OWNER, "--db", str(db), "grade", str(self.answers())).returncode, 0)
        writer = ("import os, sqlite3, sys\n"
                  "c = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
                  "c.execute('PRAGMA wal_autocheckpoint = 0')\n"
                  "c.execute('UPDATE attempts SET score = score + 1')\n"
                  "os._exit(0)  # killed: the log stays\n")
        subprocess.run(["python3", "-c", writer, str(db)], check=True, preexec_fn=lambda: (os.setgid(OWNER), os.setuid(OWNER)))
        (shared / "cohort.sqlite3-shm").unlink()
        self.assertEqual(sorted(p.name for p in shared.iterdir()), ["cohort.sqlite3", "cohort.sqlite3-wal"])
        shown = coach_as(READER, "--db", str(db), "history", "--all-trainees")
        self.assertEqual(shown.returncode, 0, shown.stderr)
        self.assertIn("Ann", shown.stdout)
        self.assertIn(f"note: {db}-wal holds records not yet in the database", shown.stderr)
        self.assertEqual(sorted(p.name for p in shared.iterdir()), ["cohort.sqlite3", "cohort.sqlite3-wal"])
        again = coach_as(OWNER, "--db", str(db), "grade", str(self.answers("b.yaml", "Bob")))
        self.assertEqual(again.returncode, 0)
        self.assertNotIn("warning", again.stderr)

    def test_another_users_report_written_in_place_is_kept_whole_until_written(self):
        # Outside pass 51, finding 5: it was emptied when the run started, so a run killed
        # outright left it empty, and a SIGTERM left it empty without a word.
        group = self.folder("group", 0o777)
        lines = "".join(f"  - scenario: fee\n    responses: {{vent: \"王先生,您的心情我很理解 {i}。\"}}\n"
                        for i in range(20000))
        cohort = self.write("cohort.yaml", "trainee: 张三\nattempts:\n" + lines)
        os.chmod(cohort, 0o644)
        env = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG", "COACH_"))}
        env.update({"LANG": "en_US.UTF-8", "NO_COLOR": "1", "HOME": "/nonexistent"})
        for ending in (signal.SIGKILL, signal.SIGTERM):
            with self.subTest(signal=ending.name):
                report = group / "cohort.txt"
                report.write_text("the trainer's report\n", encoding="utf-8")
                os.chown(report, OWNER, OWNER)
                os.chmod(report, 0o666)
                grading = subprocess.Popen([COACH, "--scenarios", str(FIXTURES), "--no-history", "grade",
                                            str(cohort), "-o", str(report)], stdout=subprocess.DEVNULL,
                                           stderr=subprocess.PIPE, text=True, env=env,
                                           preexec_fn=lambda: (os.setgid(READER), os.setuid(READER)))
                self.assertTrue(wait_until_open(grading.pid, report), "the report was never opened")
                grading.send_signal(ending)
                _, stderr = grading.communicate(timeout=60)
                self.assertEqual(grading.returncode, -ending)
                if ending == signal.SIGKILL:
                    self.assertEqual(report.read_text(encoding="utf-8"), "the trainer's report\n")
                else:
                    self.assertIn("interrupted: the unfinished reports are removed", stderr)
                    self.assertEqual(list(group.iterdir()), [])

    def test_another_users_report_keeps_its_owner_and_is_written_in_place(self):
        # Finding 2: in a shared folder the trainer's report became the trainee's, and in a
        # sticky folder replacing it was refused, although the file was the trainee's to write.
        answers = self.answers()
        for name, mode in (("group", 0o777), ("sticky", 0o1777)):
            with self.subTest(folder=name):
                report = self.folder(name, mode) / "cohort.txt"
                report.write_text("the trainer's report\n", encoding="utf-8")
                os.chown(report, OWNER, OWNER)
                os.chmod(report, 0o666)
                inode = report.stat().st_ino
                graded = coach_as(READER, "--no-history", "grade", str(answers), "-o", str(report))
                self.assertEqual(graded.returncode, 0, graded.stderr)
                after = report.stat()
                self.assertEqual((after.st_uid, after.st_gid, after.st_ino), (OWNER, OWNER, inode))
                self.assertEqual(stat.S_IMODE(after.st_mode), 0o666)
                self.assertIn("Ann", report.read_text(encoding="utf-8"))
                self.assertEqual(sorted(p.name for p in report.parent.iterdir()), ["cohort.txt"])


    def test_a_folder_one_may_list_but_not_enter_is_one_problem(self):
        # Finding 7: a folder of mode 744 (no x for others) gave a "permission denied" line for
        # every file in it.
        answers = self.folder("answers", 0o755)
        for i in range(5):
            (answers / f"a{i}.yaml").write_text("trainee: Ann\nscenario: fee\nresponses: {vent: 您好}\n",
                                                encoding="utf-8")
        os.chmod(answers, 0o744)
        graded = coach_as(READER, "--no-history", "grade", str(answers))
        self.assertEqual(graded.returncode, 2)
        self.assertEqual(graded.stderr.count("Permission denied"), 1, graded.stderr)
        self.assertIn(f"{answers}: cannot read the directory: Permission denied", graded.stderr)


class WhatCoachLeavesForOthers(UsersTestCase):
    def test_the_data_folder_it_makes_is_private(self):
        # Finding 3: under umask 022 every trainee's transcripts and history were readable by the
        # next trainee on the machine. XDG asks for 0700.
        data = self.tmp / "home" / "data"
        practised = coach_as(os.geteuid(), "practice", "fee", "--trainee", "Ann",
                             env={"XDG_DATA_HOME": str(data)}, umask=0o022)
        self.assertEqual(practised.returncode, 0, practised.stderr)
        for folder in (self.tmp / "home", data, data / "complaint-coach", data / "complaint-coach" / "sessions"):
            with self.subTest(folder=folder.name):
                self.assertEqual(stat.S_IMODE(folder.stat().st_mode), 0o700)

    def test_the_data_folder_is_private_whichever_command_makes_it(self):
        # Outside pass 51, finding 3: only `practice` made it 0700; `history`, `grade` or
        # `practice --record` first left it, and the history database in it, readable by all.
        for first in (("history",), ("grade", str(self.answers()))):
            with self.subTest(first=first[0]):
                data = self.tmp / f"home-{first[0]}" / "data"
                ran = coach_as(os.geteuid(), *first, env={"XDG_DATA_HOME": str(data)}, umask=0o022)
                self.assertIn(ran.returncode, (0, 1), ran.stderr)
                for folder in (data.parent, data, data / "complaint-coach"):
                    self.assertEqual(stat.S_IMODE(folder.stat().st_mode), 0o700, folder)

    def test_a_data_home_prepared_for_a_group_stays_the_groups(self):
        # Outside pass 51, finding 8: in a setgid folder a group had prepared, the first user's
        # 0700 sessions/ kept everyone else's transcripts out.
        shared = self.folder("shared", 0o2775)
        practised = coach_as(os.geteuid(), "practice", "fee", "--trainee", "Ann",
                             env={"XDG_DATA_HOME": str(shared)}, umask=0o002)
        self.assertEqual(practised.returncode, 0, practised.stderr)
        for folder in (shared / "complaint-coach", shared / "complaint-coach" / "sessions"):
            self.assertEqual(stat.S_IMODE(folder.stat().st_mode), 0o2775, folder)

    def test_a_new_database_gets_the_mode_the_umask_allows(self):
        # Finding 4: SQLite made it 0644 whatever the umask; under a group's umask 002 the other
        # graders sharing it with --db were not recorded.
        answers = self.answers()
        for umask, mode in ((0o002, 0o664), (0o077, 0o600)):
            with self.subTest(umask=oct(umask)):
                db = self.tmp / f"cohort-{umask:o}.sqlite3"
                graded = coach_as(os.geteuid(), "--db", str(db), "grade", str(answers), umask=umask)
                self.assertEqual(graded.returncode, 0, graded.stderr)
                self.assertEqual(stat.S_IMODE(db.stat().st_mode), mode)
                self.assertEqual(attempts_in(db), 1)


if __name__ == "__main__":
    unittest.main()
