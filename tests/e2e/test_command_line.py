"""How the command line is read: `--opt=` forms, one value per option, mistakes said in coach's own
words in both languages, and how the language is chosen."""
import unittest

from coachtest import FIXTURES, ROOT, CoachTestCase, run

EXAM = str(ROOT / "exams" / "basic-certificate.yaml")
ANSWERS = "scenario: fee\nresponses:\n  vent: 好\n"


class EmptyValueAfterEquals(CoachTestCase):
    # Outside pass 40, finding 01: `--output=$OUT` with OUT unset read the next word as the
    # report's path: a submission was overwritten by the report of the other one, exit 0.

    def test_an_empty_output_after_equals_never_overwrites_the_next_submission(self):
        first = self.write("a.yaml", ANSWERS)
        second = self.write("b.yaml", ANSWERS)
        for lang in ("zh", "en"):
            with self.subTest(lang=lang):
                result = run("--scenarios", str(FIXTURES), "grade", "--output=", str(first),
                             str(second), "--no-history", lang=lang)
                self.assertExit(result, 2)
                self.assertIn(("--output: 路径为空(是不是变量没有设置?)" if lang == "zh" else
                               "--output: the path is empty (an unset variable?)"), result.stderr)
                self.assertEqual(result.stdout, "")
                self.assertEqual(first.read_text(encoding="utf-8"), ANSWERS)

    def test_every_option_that_takes_a_value_refuses_equals_nothing_as_it_refuses_an_empty_word(self):
        answers = str(self.write("a.yaml", ANSWERS))
        record = str(self.tmp / "r.yaml")
        # Each: the words before the option, its name, and the words after it (which the empty
        # value used to take).
        for before, option, after in (
            (["grade"], "--output", [answers]),
            (["grade", answers], "--exam", [EXAM]),
            (["grade", answers, "--exam", EXAM], "--roster", [answers]),
            (["grade", answers], "--format", ["json"]),
            (["grade", answers], "--report", ["json=x.json"]),
            (["grade", answers], "--db", ["x.sqlite3"]),
            ([], "--scenarios", ["list"]),
            ([], "--db", ["x.sqlite3", "list"]),
            (["list"], "--scenarios", [str(FIXTURES)]),
            (["list"], "--group", ["type"]),
            ([], "--lang", ["en", "list"]),
            (["list"], "--lang", ["en"]),
            (["practice"], "--record", ["fee"]),
            (["practice", "--record", record], "--exam", ["fee"]),
            (["history"], "--since", ["2024-01-01"]),
            (["history"], "--scenario", ["fee"]),
            (["history"], "--output", ["h.txt"]),
            (["show", "fee"], "--format", ["json"]),
        ):
            with self.subTest(before=before, option=option):
                equals = run(*before, f"{option}=", *after, input="", cwd=self.tmp)
                word = run(*before, option, "", *after, input="", cwd=self.tmp)
                self.assertExit(equals, 2)
                self.assertEqual(equals.stderr, word.stderr)
                self.assertEqual(equals.stdout, "")
                self.assertIn(f"命令行有误:{option}", equals.stderr)
        self.assertEqual(sorted(p.name for p in self.tmp.iterdir()), ["a.yaml"])

    def test_words_after_a_double_dash_are_files_whatever_they_look_like(self):
        result = run("--scenarios", str(FIXTURES), "grade", "--no-history", "--", "--output=")
        self.assertExit(result, 2)
        self.assertNotIn("命令行有误", result.stderr)
        self.assertIn("--output=", result.stderr)


class OneValuePerOption(CoachTestCase):
    def test_a_report_option_before_the_submissions_takes_one_format_and_file(self):
        # Outside pass 40, finding 02: every word after --report up to the next option was taken
        # as another report, and the submission was refused as "not FORMAT=FILE".
        self.write("a.yaml", ANSWERS)
        self.write("b.yaml", ANSWERS)
        result = run("--scenarios", str(FIXTURES), "grade", "--report", "json=o.json", "a.yaml",
                     "--report", "csv=o.csv", "b.yaml", "--no-history", cwd=self.tmp)
        self.assertIn(result.returncode, (0, 1), result.stderr)
        for report in ("o.json", "o.csv", None):
            text = result.stdout if report is None else (self.tmp / report).read_text(encoding="utf-8")
            self.assertIn("a.yaml", text)
            self.assertIn("b.yaml", text)


class MistakesInCoachsOwnWords(CoachTestCase):
    # Outside pass 40, finding 03: in English the mistakes were CLI11's own text ("1 required
    # TEXT:{…} missing", "A subcommand is required"), with no lead-in, and no option was ever
    # suggested for a misspelt one.

    def test_each_mistake_says_the_same_in_both_languages(self):
        formats = "{text,json,junit,csv,markdown,html}"
        for args, chinese, english in (
            ([], "缺少命令:list、show、validate、check、grade、practice 或 history",
             "no command given: list, show, validate, check, grade, practice or history"),
            (["list", "--bogus"], "未知的选项 `--bogus`", "unknown option `--bogus`"),
            (["grade", "--formt", "json", "a.yaml"], "未知的选项 `--formt`(是不是 `--format`?)",
             "unknown option `--formt` (did you mean `--format`?)"),
            (["practice", "--recrod=x.yaml"], "未知的选项 `--recrod`(是不是 `--record`?)",
             "unknown option `--recrod` (did you mean `--record`?)"),
            (["list", "extra"], "多余的参数:extra", "more arguments than the command takes: extra"),
            (["show"], "缺少必需的参数 场景ID", "the required argument ID is missing"),
            (["grade"], "缺少必需的参数 文件", "the required argument FILE is missing"),
            (["grade", "a.yaml", "--format"], f"--format 后面缺少值,可选:{formats}",
             f"--format needs a value, one of {formats}"),
            (["history", "--since"], "--since 后面缺少值", "--since needs a value"),
            (["grade", "a.yaml", "--format", "bogus"], f"--format 的值 `bogus` 不在可选范围内:{formats}",
             f"the value `bogus` of --format is not one of the choices: {formats}"),
            (["grade", "--roster", "r.txt", "a.yaml"], "--roster 需要同时给出 --exam",
             "--roster needs --exam as well"),
            (["grade", "a.yaml", "-o", "x", "-o", "y"], "--output 只能给 1 次,这里给了 2 次",
             "--output may be given 1 time only, here it is given 2 times"),
            (["grade", "a.yaml", "--exam", "=x"], "--exam: 路径以“=”开头(写作 --exam FILE 或 --exam=FILE)",
             "--exam: the path starts with `=` (write --exam FILE or --exam=FILE)"),
            (["grade", "a.yaml", "-o=x"], "--output: 路径以“=”开头(短选项写作 -o FILE,不写 -o=FILE)",
             "--output: the path starts with `=` (a short option is -o FILE, not -o=FILE)"),
            (["grade", "a.yaml", "--output=~/r.csv"],
             '--output: 路径以 ~ 开头,shell 没有把它换成主目录(写作 -o "$HOME/…")',
             '--output: the path starts with `~`, which the shell did not turn into the home folder '
             '(write -o "$HOME/…")'),
            (["grade", "a.yaml", "--report", "json=~/r.json"],
             '--report: 路径以 ~ 开头,shell 没有把它换成主目录(写作 --report json="$HOME/…")',
             '--report: the path starts with `~`, which the shell did not turn into the home folder '
             '(write --report json="$HOME/…")'),
            # Outside pass 45, finding 6: the one file, named like an option, was "missing"
            (["grade", "-x.yaml"], "未知的选项 `-x.yaml`;文件名以 - 开头的文件写作 ./-x.yaml 或放在 -- 之后",
             "unknown option `-x.yaml`; a file whose name starts with - is written ./-x.yaml or after --"),
            (["--no-color=maybe", "list"],
             "--no-color 是开关,值 `maybe` 无法识别:不写值,或写 1/0、yes/no、on/off、true/false",
             "--no-color is a switch and `maybe` is not a value it takes: give no value, or 1/0, "
             "yes/no, on/off, true/false"),
            (["--lang", "fr", "list"], "--lang: 不认识的语言 `fr`:可选 zh(中文)或 en(英文)",
             "--lang: unknown language `fr`: zh (Chinese) or en (English)"),
        ):
            with self.subTest(args=args):
                zh = run("--no-history", *args, cwd=self.tmp)
                self.assertExit(zh, 2)
                self.assertEqual(zh.stderr, f"命令行有误:{chinese}\n用 --help 查看用法。\n")
                en = run("--no-history", *args, lang="en", cwd=self.tmp)
                self.assertExit(en, 2)
                self.assertEqual(en.stderr,
                                 f"command-line error: {english}\nUse --help to see the usage.\n")


    def test_an_unexpanded_home_never_becomes_a_folder_named_tilde(self):
        # Outside pass 45, finding 4: `--db=~/x` made ./~/x (the shell expands `~` only at the
        # start of a word), and `rm -rf ~` is how one would clean that up.
        for args in (["--db=~/cohort.sqlite3", "list"], ["--scenarios=~", "list"],
                     ["practice", "missing-balance", "--record=~/r.yaml"]):
            with self.subTest(args=args):
                result = run(*args, cwd=self.tmp, input="")
                self.assertExit(result, 2)
                self.assertIn("路径以 ~ 开头", result.stderr)
        self.assertFalse((self.tmp / "~").exists())
        elsewhere = run("--no-history", "--scenarios", str(self.tmp / "~x"), "list", cwd=self.tmp)
        self.assertNotIn("路径以 ~ 开头", elsewhere.stderr)  # a `~` inside a name is a name

    def test_a_path_variable_with_a_tilde_names_the_variable_and_rewrites_the_reports(self):
        # Outside pass 48, finding 03: a CI job's `env: {COACH_DB: ~/x.sqlite3}` passes the `~`
        # through; it was a "command-line error" about --db, before the reports were opened, so
        # the earlier run's report was left to be published as this run's.
        answers = self.write("a.yaml", "scenario: fee\nresponses:\n  vent: 您好\n")
        for variable, value in (("COACH_DB", "~/x.sqlite3"), ("COACH_SCENARIOS", "~/lib"),
                                ("COACH_DB", "=x.sqlite3")):
            with self.subTest(variable=variable, value=value):
                report = self.write("r.json", "earlier run\n")
                library = [] if variable == "COACH_SCENARIOS" else ["--scenarios", str(FIXTURES)]
                result = run(*library, "grade", str(answers), "--format", "json", "-o", str(report),
                             env={variable: value}, lang="en", cwd=self.tmp)
                self.assertExit(result, 2)
                self.assertIn(f"environment variable {variable}: `{value}` starts with", result.stderr)
                self.assertNotIn("command-line error", result.stderr)
                self.assertIn(f"environment variable {variable}", report.read_text(encoding="utf-8"))
                listed = run("list", env={variable: value}, lang="en", cwd=self.tmp)
                self.assertExit(listed, 2)
                self.assertIn(f"coach: environment variable {variable}: `{value}`", listed.stderr)
        self.assertFalse((self.tmp / "~").exists())
        # Not read where the command line names the path, or leaves the history alone.
        for args in (["--db", str(self.tmp / "h.sqlite3"), "list"], ["list", "--no-history"]):
            with self.subTest(args=args):
                self.assertExit(run(*args, env={"COACH_DB": "~/x.sqlite3"}, cwd=self.tmp), 0)

    def test_a_huge_or_undecodable_value_is_a_mistake_not_a_crash(self):
        # Outside pass 45: a 100 KB value took std::regex's recursion past the stack (SIGSEGV).
        for value in ("x" * 100_000, "\udcff\udcfe"):
            with self.subTest(length=len(value)):
                result = run("--no-history", "grade", "a.yaml", "--format", value, cwd=self.tmp, lang="en")
                self.assertExit(result, 2)
                self.assertIn("is not one of the choices", result.stderr)


class PracticeIdBesideAnExamFile(CoachTestCase):
    def test_an_id_with_an_exam_file_is_refused_before_anything_starts(self):
        # Outside pass 40, finding 07: the id (a valid one, or one that does not exist) was
        # dropped without a word and the whole exam started.
        for scenario in ("missing-balance", "nosuch-id"):
            for args in (["practice", scenario, "--exam", EXAM], ["practice", "--exam", EXAM, scenario]):
                with self.subTest(args=args):
                    record = self.tmp / "r.yaml"
                    result = run(*args, "--record", str(record), "--no-history", input="/quit\n", lang="en")
                    self.assertExit(result, 2)
                    self.assertEqual(result.stdout, "")
                    self.assertIn(f"an exam file plays its own scenarios, so no scenario id (`{scenario}`)",
                                  result.stderr)
                    self.assertFalse(record.exists())
        result = run("practice", "missing-balance", "--exam", EXAM, "--no-history", input="/quit\n")
        self.assertIn("考试文件自带要考的场景,不能再给场景 ID `missing-balance`", result.stderr)


class LanguageChoice(CoachTestCase):
    # Outside pass 40, finding 10: LANGUAGE was never read, and `--lang` took three spellings only.

    def speaks_english(self, env, *args):
        result = run(*args, "--version", env=env)
        self.assertExit(result, 0)
        return "text data" in result.stdout

    def test_language_is_read_as_gettext_reads_it(self):
        for env, english in (
            ({"LANG": "zh_CN.UTF-8", "LANGUAGE": "en"}, True),
            ({"LANG": "en_US.UTF-8", "LANGUAGE": "fr:zh_CN"}, False),
            ({"LANG": "zh_CN.UTF-8", "LANGUAGE": "fr:en_GB"}, True),
            ({"LANG": "zh_CN.UTF-8", "LANGUAGE": "fr"}, False),
            ({"LANG": "C.UTF-8", "LANGUAGE": "en"}, False),  # the C locale reads no LANGUAGE
            ({"LANG": "C", "LC_MESSAGES": "en_US.UTF-8"}, True),
            ({"LANG": "en_US.UTF-8", "LC_ALL": "zh_CN.UTF-8"}, False),
        ):
            with self.subTest(env=env):
                self.assertEqual(self.speaks_english(env), english)

    def test_lang_takes_a_region_and_any_case_and_refuses_other_languages_first(self):
        for value, english in (("EN", True), ("en-US", True), ("en_GB", True), ("zh_CN", False),
                               ("ZH-cn", False), ("zh", False)):
            with self.subTest(value=value):
                self.assertEqual(self.speaks_english({"LANG": "C.UTF-8"}, "--lang", value), english)
                self.assertEqual(self.speaks_english({"LANG": "en_US.UTF-8"}, f"--lang={value}"), english)
        for args in (["--lang", "fr", "--version"], ["--version", "--lang", "fr"], ["--lang", "english", "--help"]):
            with self.subTest(args=args):
                result = run(*args)
                self.assertExit(result, 2)
                self.assertIn("不认识的语言", result.stderr)


class HelpTexts(CoachTestCase):
    # Outside pass 40, finding 11.

    def test_chinese_help_has_no_english_placeholders(self):
        for command in ("grade", "check", "validate", "show", "practice"):
            with self.subTest(command=command):
                result = run(command, "--help")
                self.assertExit(result, 0)
                usage = result.stdout.split("选项:")[0]
                for word in ("FILE", "PATH", "TEXT", "FORMAT"):
                    self.assertNotIn(word, usage)
        self.assertIn("用法: coach show [选项] 场景ID", run("show", "--help").stdout)
        self.assertIn("--report 格式=文件", run("grade", "--help").stdout)
        self.assertIn("--report FORMAT=FILE", run("grade", "--help", lang="en").stdout)

    def test_each_help_line_says_the_same_in_both_languages(self):
        self.assertIn("grade answers files (non-interactive)", run("--help", lang="en").stdout)
        self.assertIn("(default: all scenarios)", run("validate", "--help", lang="en").stdout)
        for command in ("grade", "practice", "history"):
            with self.subTest(command=command):
                self.assertIn("COACH_DB", run(command, "--help").stdout)
                self.assertIn("1/0、yes/no、on/off、true/false", run(command, "--help").stdout)
                self.assertIn("1/0, yes/no, on/off, true/false", run(command, "--help", lang="en").stdout)

    def test_the_session_help_lists_help_itself(self):
        result = run("--scenarios", str(FIXTURES), "practice", "fee", "--no-history", "--record",
                     str(self.tmp / "h.yaml"), input="/help\n/quit\n", lang="en")
        self.assertIn("/help    this list", result.stdout)


if __name__ == "__main__":
    unittest.main()
