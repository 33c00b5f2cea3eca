"""`coach history --all-trainees` over a database of many trainees: every trainee's chart, in the
order of their names, each the same as `coach history --trainee NAME` shows, with the filters
applied the same way. Outside pass 36, finding 09: it read the whole database once per trainee
(16,000 trainees took 35 s); now it reads it once."""
import csv
import io
import json
import re
import sqlite3
import unittest

from coachtest import FIXTURES, CoachTestCase, run

GOOD = {"vent": "王先生,您的心情我很理解。", "apologize": "对不起,原因是系统故障。"}
WEAK = {"vent": "您好。", "apologize": "好的。"}
# In UTF-8 byte order, as SQLite sorts them: not alphabetical, and the unnamed trainee first.
NAMES = ["", "Ann", "Bob", "ann", "Émile", "学员10", "学员9", "张三"]


def label(name):
    return name or "(no name)"


def headings(text):
    return re.findall(r"(?m)^Progress of (.*): \d+ attempts?\b", text)


class ManyTraineesTestCase(CoachTestCase):
    def setUp(self):
        super().setUp()
        self.data = self.tmp / "data"
        self.db = self.tmp / "cohort.sqlite3"

    def coach(self, *args, lang="en"):
        """coach on the test scenarios and this test's database, times shown in UTC."""
        env = {"XDG_DATA_HOME": str(self.data), "TZ": "UTC"}
        return run("--scenarios", str(FIXTURES), "--db", str(self.db), *args, env=env, lang=lang)

    def grade(self, submissions):
        """Grades (name, scenario, replies) submissions in one run, into the database."""
        paths = []
        for i, (name, scenario, replies) in enumerate(submissions):
            lines = [f"scenario: {scenario}", "responses:"]
            if name:
                lines.insert(0, f"trainee: {json.dumps(name, ensure_ascii=False)}")
            lines += [f"  {step}: {json.dumps(reply, ensure_ascii=False)}" for step, reply in replies.items()]
            paths.append(str(self.write(f"subs/{i:04d}.yaml", "\n".join(lines) + "\n")))
        graded = self.coach("grade", *paths, "--format", "csv", "-o", str(self.tmp / "grades.csv"))
        self.assertIn(graded.returncode, (0, 1), graded.stderr)
        self.assertEqual(graded.stderr, "")

    def attempts(self):
        """(id, trainee, scenario, started_at, kind, score) of every attempt, from SQLite itself."""
        with sqlite3.connect(f"file:{self.db}?mode=ro", uri=True) as connection:
            return connection.execute(
                "SELECT id, trainee, scenario, started_at, kind, score FROM attempts").fetchall()


class AllTraineesIsEachTraineeInTurn(ManyTraineesTestCase):
    def setUp(self):
        super().setUp()
        # Each trainee's attempts at two scenarios, good and weak replies, some steps left out.
        submissions = []
        for round_ in range(3):
            for n, name in enumerate(reversed(NAMES)):
                replies = dict(GOOD if (round_ + n) % 2 else WEAK)
                if (round_ + n) % 3 == 0:
                    del replies["apologize"]
                submissions.append((name, "fee" if (round_ + n) % 2 else "hurry", replies))
        self.grade(submissions)
        # Times that interleave the trainees and are not in the order written, and two attempts of
        # 张三 started at the same moment (the one written first is the older).
        with sqlite3.connect(self.db) as connection:
            connection.execute(
                "UPDATE attempts SET started_at = strftime('%Y-%m-%dT%H:%M:%SZ', '2024-01-01',"
                " '+' || ((id * 7919) % 1000) || ' hours')")
            last = connection.execute("SELECT max(started_at) FROM attempts").fetchone()[0]
            connection.execute(
                "UPDATE attempts SET started_at = ? WHERE id IN"
                " (SELECT id FROM attempts WHERE trainee = '张三' ORDER BY id LIMIT 2)", (last,))

    def per_trainee(self, *filters, lang="en"):
        """What `history --trainee NAME` shows for each trainee with matching attempts, in turn."""
        shown = []
        for name in NAMES:
            who = ["--trainee", name] if name else []  # the unnamed trainee is the default one
            one = self.coach("history", *who, *filters, lang=lang)
            self.assertExit(one, 0)
            if not one.stdout.startswith(("No history for", "No attempt of", "还没有")) and " 没有符合" not in one.stdout:
                shown.append(one.stdout)
        return shown

    def test_every_filter_gives_each_trainees_own_chart_in_name_order(self):
        for filters in ([], ["--scenario", "fee"], ["--since", "2024-02-01"],
                        ["--scenario", "hurry", "--since", "2024-01-20 12:00"]):
            with self.subTest(filters=filters):
                everyone = self.coach("history", "--all-trainees", *filters)
                self.assertExit(everyone, 0)
                self.assertEqual(everyone.stderr, "")
                one_by_one = self.per_trainee(*filters)
                self.assertGreater(len(one_by_one), 1)
                self.assertEqual(everyone.stdout, "\n".join(one_by_one))
                shown = headings(everyone.stdout)
                self.assertEqual(shown, [label(n) for n in NAMES if label(n) in shown])
        self.assertEqual(headings(self.coach("history", "--all-trainees").stdout), [label(n) for n in NAMES])

    def test_in_chinese_too(self):
        everyone = self.coach("history", "--all-trainees", "--scenario", "fee", lang="zh")
        self.assertExit(everyone, 0)
        self.assertIn("张三 的进步", everyone.stdout)
        self.assertEqual(everyone.stdout, "\n".join(self.per_trainee("--scenario", "fee", lang="zh")))

    def test_each_trainees_attempts_oldest_first_the_same_moment_in_the_order_written(self):
        everyone = self.coach("history", "--all-trainees").stdout
        blocks = everyone.split("\n\n")
        self.assertEqual(len(blocks), len(NAMES))
        for name, block in zip(NAMES, blocks):
            with self.subTest(name=name):
                self.assertTrue(block.startswith(f"Progress of {label(name)}: "), block)
                mine = sorted((started, id_, scenario, kind, score)
                              for id_, trainee, scenario, started, kind, score in self.attempts()
                              if trainee == name)
                latest = block.split("Latest attempts:\n")[1].splitlines()
                expected = [f"{started[:10]} {started[11:16]} {kind} {scenario} {score:.1f}"
                            for started, _, scenario, kind, score in reversed(mine)][:len(latest)]
                self.assertEqual([" ".join(line.split()[:5]).replace("graded", "grade") for line in latest],
                                 expected)
        # The tie: both of 张三's first two attempts are listed newest, the later-written one first.
        zhang = [row for row in self.attempts() if row[1] == "张三"]
        first, second = sorted(zhang)[:2]
        self.assertEqual(first[3], second[3])

    def test_a_filter_nobody_matches_says_so_once(self):
        for filters in (["--since", "2999-01-01"], ["--scenario", "nope"]):
            with self.subTest(filters=filters):
                shown = self.coach("history", "--all-trainees", *filters)
                self.assertExit(shown, 0)
                # Outside pass 40, finding 12: the history is not empty, the filter matched nothing.
                self.assertTrue(shown.stdout.startswith("No attempt of any trainee matches " + " ".join(filters)),
                                shown.stdout)
                self.assertNotIn("Trainees in the database", shown.stdout)
        # One trainee's empty history still lists who is there.
        nobody = self.coach("history", "--trainee", "nobody").stdout
        self.assertIn("Trainees in the database: (no name), Ann, Bob, ann, Émile, 学员10, 学员9, 张三", nobody)

    def test_a_file_holds_what_standard_output_shows(self):
        out = self.tmp / "everyone.txt"
        self.assertExit(self.coach("history", "--all-trainees", "-o", str(out)), 0)
        self.assertEqual(out.read_text(encoding="utf-8"), self.coach("history", "--all-trainees").stdout)

    def test_the_csv_export_filters_the_same_way(self):
        for filters, keep in ((["--all-trainees"], lambda row: True),
                              (["--all-trainees", "--scenario", "fee"], lambda row: row[2] == "fee"),
                              (["--trainee", "Ann", "--since", "2024-02-01"],
                               lambda row: row[1] == "Ann" and row[3] >= "2024-02-01")):
            with self.subTest(filters=filters):
                exported = self.coach("history", *filters, "--format", "csv")
                self.assertExit(exported, 0)
                table = csv.DictReader(io.StringIO(exported.stdout.lstrip("\ufeff"), newline=""))
                attempts = {int(row["attempt"]) for row in table}
                self.assertEqual(attempts, {row[0] for row in self.attempts() if keep(row)})


class HundredsOfTrainees(ManyTraineesTestCase):
    def test_each_trainee_once_in_name_order(self):
        names = [f"学员{i:03d}" for i in range(150)]
        self.grade([(name, "fee", GOOD if i % 2 else WEAK) for i, name in enumerate(reversed(names))])
        everyone = self.coach("history", "--all-trainees")
        self.assertExit(everyone, 0)
        self.assertEqual(headings(everyone.stdout), names)
        blocks = everyone.stdout.split("\n\n")
        for i in (0, 1, 77, 149):
            with self.subTest(trainee=names[i]):
                self.assertEqual(blocks[i] + ("\n" if i < 149 else ""),
                                 self.coach("history", "--trainee", names[i]).stdout)


if __name__ == "__main__":
    unittest.main()
