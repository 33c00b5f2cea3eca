"""The command-line contract: help, version, list, show, validate, check."""
import json
import os
import re
import shutil
import subprocess
import unicodedata
import unittest

from coachtest import BUNDLED, COACH, FIXTURES, ROOT, CoachTestCase, run


class HelpAndVersion(CoachTestCase):
    def test_help_in_both_languages(self):
        zh = run("--help")
        self.assertExit(zh, 0)
        self.assertIn("practice", zh.stdout)
        self.assertIn("用法", zh.stdout)
        # The list of commands under a heading in the user's language, not CLI11's English.
        self.assertIn("命令:", zh.stdout)
        self.assertNotIn("Subcommands", zh.stdout)
        en = run("--help", lang="en")
        self.assertIn("Commands:", en.stdout)
        self.assertIn("Usage", en.stdout)
        self.assertIn("grade answers files", en.stdout)
        self.assertIn("grade", run("--lang", "en", "--help").stdout)

    @unittest.skipUnless(os.path.exists("/dev/full"), "needs /dev/full")
    def test_help_and_version_that_cannot_be_written_fail(self):
        # Outside pass 45, finding 7: exit 0 with nothing written, where every command exits 2.
        for args in (["--help"], ["--version"], ["grade", "--help"]):
            with self.subTest(args=args):
                with open("/dev/full", "w") as full:
                    result = subprocess.run([COACH, *args], stdout=full, stderr=subprocess.PIPE, text=True,
                                            timeout=20)
                self.assertEqual(result.returncode, 2)
                self.assertIn("无法写入标准输出", result.stderr)

    def test_version(self):
        result = run("--version")
        self.assertExit(result, 0)
        self.assertRegex(result.stdout, r"^coach \d+\.\d+\.\d+")
        # The text data the build computed its tables from, on which grading depends.
        self.assertRegex(result.stdout, r"文字数据\(构建时\):utf8proc [\d.]+, OpenCC [\d.]+, ICU [\d.]+")
        self.assertIn("text data (at build time): utf8proc", run("--version", lang="en").stdout)

    def test_every_command_has_help(self):
        for command in ["list", "show", "practice", "grade", "check", "validate", "history"]:
            with self.subTest(command=command):
                result = run(command, "--help")
                self.assertExit(result, 0)
                self.assertIn(command, result.stdout)
                # -h under the same translated heading as the other options
                self.assertNotIn("Options:", result.stdout)
                self.assertEqual(result.stdout.count("选项:"), 1)

    def test_global_options_also_after_the_command(self):
        # As a newcomer types them: `coach list --lang en`, `coach grade … --no-color`.
        listed = run("list", "--lang", "en")
        self.assertExit(listed, 0)
        self.assertIn("title", listed.stdout.splitlines()[0])
        shown = run("show", "missing-balance", "--no-color", "--lang", "en")
        self.assertExit(shown, 0)
        self.assertNotIn("\x1b[", shown.stdout)

    def test_no_command_or_unknown_option_is_a_usage_error(self):
        self.assertExit(run(), 2)
        self.assertExit(run("grade", "--frobnicate"), 2)

    def test_help_columns_line_up_in_chinese(self):
        # Outside pass 28a, finding 05: CLI11 padded by bytes, so a line with 文本 in it put its
        # description two columns early; and "Needs:" and "TEXT:" stayed in English.
        def columns(text):
            return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
        for command in ["grade", "practice", "history"]:
            with self.subTest(command=command):
                shown = run(command, "--help").stdout
                self.assertNotIn("Needs:", shown)
                self.assertNotIn("TEXT", shown)
                starts = set()
                for line in shown.splitlines():
                    found = re.match(r"^(  \S.*?\S)( {2,})(\S)", line)
                    if found:
                        starts.add(columns(found.group(1) + found.group(2)))
                self.assertEqual(starts, {30})

    def test_an_unknown_command_is_named_with_the_nearest_one(self):
        # Outside pass 28a, finding 05: `coach lsit` was "a command is missing".
        misspelt = run("lsit", lang="en")
        self.assertExit(misspelt, 2)
        self.assertIn("unknown command `lsit` (did you mean `list`?); the commands are: list, show, "
                      "validate, check, grade, practice, history\n", misspelt.stderr)
        self.assertIn("命令行有误:未知的命令 `bogus`;命令有:list、show、", run("bogus").stderr)
        self.assertIn("缺少命令", run().stderr)


class ListAndShow(CoachTestCase):
    def test_list_shows_the_first_scenarios(self):
        result = run("list")
        self.assertExit(result, 0)
        for scenario_id in ["airline-delay", "missing-balance", "sms-failure"]:
            self.assertIn(scenario_id, result.stdout)
        self.assertIn("000_5d6bbad32982d09a.txt", result.stdout)

    def test_list_groups_by_document_and_by_customer_type(self):
        by_document = run("list").stdout
        self.assertIn("· 000_5d6bbad32982d09a.txt", by_document)
        by_type = run("list", "--group", "type").stdout.splitlines()
        self.assertIn("情绪激动型", by_type)
        flat = run("list", "--group", "none").stdout
        self.assertNotIn("· 000", flat)
        self.assertExit(run("list", "--group", "colour"), 2)

    def test_list_counts_the_main_line_and_the_steps_a_reply_may_insert(self):
        # Outside pass 28a, finding 05: `list` said 6 steps where a session plays 5 (the sixth
        # comes only when the customer's anger calls for it).
        listed = run("--no-history", "--scenarios", str(BUNDLED), "list").stdout
        row = next(line for line in listed.splitlines() if line.startswith("missing-balance "))
        self.assertRegex(row, r"\s5\+1\s")

    def test_show_json_lists_steps_with_stages(self):
        for scenario_id in ["airline-delay", "missing-balance", "sms-failure"]:
            with self.subTest(scenario=scenario_id):
                result = run("show", scenario_id, "--format", "json")
                self.assertExit(result, 0)
                shown = json.loads(result.stdout)
                self.assertEqual(shown["id"], scenario_id)
                self.assertEqual([s["stage"] for s in shown["steps"]],
                                 ["vent", "apologize", "gather", "resolve", "follow_up"])
                for step in shown["steps"]:
                    self.assertGreaterEqual(len(step["model_answers"]), 2)
                    self.assertGreaterEqual(len(step["counter_examples"]), 2)
                    self.assertTrue(step["customer"])

    def test_every_bundled_scenario_names_its_source_document(self):
        documents = ["000_5d6bbad32982d09a.txt", "001_f955a3a0a7715b36.txt", "002_1b182b9a4a6d747b.txt",
                     "003_3827a30300469c7a.txt", "004_305a79e5384dcb01.txt"]
        for path in sorted(BUNDLED.glob("*.yaml")):
            with self.subTest(scenario=path.stem):
                shown = run("show", path.stem, "--format", "json")
                self.assertExit(shown, 0)
                scenario = json.loads(shown.stdout)
                self.assertTrue(any(scenario["source"].startswith(d) for d in documents), scenario["source"])
                for step in scenario["steps"]:
                    self.assertGreaterEqual(len(step["model_answers"]), 2, step["id"])
                    self.assertGreaterEqual(len(step["counter_examples"]), 2, step["id"])

    def test_show_text(self):
        result = run("show", "missing-balance")
        self.assertExit(result, 0)
        self.assertIn("1.8", result.stdout)

    def test_show_lists_what_no_step_may_say(self):
        # A scenario's never_say rules, before the steps in text and under never_say in JSON.
        text = run("show", "securities-rude-staff")
        self.assertExit(text, 0)
        self.assertIn("哪一步都不能说:", text.stdout.split("第 1 步")[0])
        # Outside pass 46, finding 08: it says what the trainee must not do, not its word list.
        self.assertIn("调查之前不许诺怎么处分员工", text.stdout)
        shown = json.loads(run("show", "securities-rude-staff", "--format", "json").stdout)
        self.assertEqual([rule["kind"] for rule in shown["never_say"]], ["none_of"])
        self.assertTrue(shown["never_say"][0]["critical"])
        self.assertEqual(json.loads(run("show", "missing-balance", "--format", "json").stdout)["never_say"], [])

    def test_show_unknown_id_exits_2(self):
        result = run("show", "no-such-scenario")
        self.assertExit(result, 2)
        self.assertIn("no-such-scenario", result.stderr)
        # An id that looks right but holds what shows nothing, or a terminal escape: both shown.
        result = run("show", "missing-balance\u200b\x1b[2J")
        self.assertExit(result, 2)
        self.assertIn("`missing-balance\\u200B\\x1B[2J`", result.stderr)

    def test_scenarios_dir_from_option_and_environment(self):
        self.assertIn("fee", run("--scenarios", str(FIXTURES), "list").stdout)
        self.assertIn("fee", run("list", env={"COACH_SCENARIOS": str(FIXTURES)}).stdout)
        missing = run("--scenarios", str(self.tmp / "nowhere"), "list")
        self.assertExit(missing, 2)
        self.assertIn("nowhere", missing.stderr)

    def test_runs_from_any_directory(self):
        result = run("list", cwd="/")
        self.assertExit(result, 0)
        self.assertIn("airline-delay", result.stdout)


class ValidateAndCheck(CoachTestCase):
    def test_bundled_scenarios_are_valid_and_check(self):
        self.assertExit(run("validate"), 0)
        result = run("check", str(BUNDLED))
        self.assertExit(result, 0)
        self.assertIn("missing-balance", result.stdout)
        self.assertExit(run("check"), 0)

    def test_check_verbose_says_why_each_counter_example_fails(self):
        fee = FIXTURES / "fee.yaml"
        quiet = run("check", str(fee), lang="en")
        self.assertExit(quiet, 0)
        self.assertNotIn("fails (", quiet.stderr)
        for flag in ("-v", "--verbose"):
            verbose = run("check", flag, str(fee), lang="en")
            self.assertExit(verbose, 0)
            self.assertIn(f"{fee}:17:", verbose.stderr)
            self.assertRegex(verbose.stderr, r"counter-example of step `vent` fails \(\d+/\d+ points\) on:\n    - ")
        # The bundled library earns every rule it gives points for: no note.
        bundled = run("check", str(BUNDLED), lang="en").stderr
        self.assertNotIn("no model answer of step", bundled)
        self.assertNotIn("points go to any reply", bundled)  # every rule tells replies apart

    def test_a_lexicon_or_customer_types_file_is_validated_as_what_it_is(self):
        # Read as a scenario, a lexicon was "missing id, title, steps …" (outside pass 11, finding 05).
        lexicon_count = len(list((BUNDLED / "lexicons").glob("*.yaml")))
        for command in ("validate", "check"):
            for named in (BUNDLED / "lexicons" / "taboo.yaml", BUNDLED / "lexicons",
                          BUNDLED / "customer-types" / "types.yaml"):
                with self.subTest(command=command, named=named.name):
                    result = run(command, str(named))
                    self.assertExit(result, 0)
                    self.assertEqual(result.stdout, f"✓ {lexicon_count} 个词库文件有效\n✓ 1 个客户类型文件有效\n")
        result = run("--lang", "en", "validate", str(BUNDLED / "lexicons" / "taboo.yaml"))
        self.assertIn(f"✓ {lexicon_count} lexicon files valid\n", result.stdout)

    def test_a_folder_of_lexicons_or_customer_types_is_read_by_content(self):
        # Inside a folder not named `lexicons/` every file was read as a scenario, and so was a
        # link to `lexicons/` (adversarial pass 12, finding 01).
        for name in ("apology.yaml", "taboo.yaml"):
            self.write(f"mylex/{name}", (BUNDLED / "lexicons" / name).read_text(encoding="utf-8"))
        self.write("mytypes/types.yaml", (BUNDLED / "customer-types" / "types.yaml").read_text(encoding="utf-8"))
        (self.tmp / "lexlink").symlink_to(BUNDLED / "lexicons")
        lexicon_count = len(list((BUNDLED / "lexicons").glob("*.yaml")))
        expected = {
            "mylex": "✓ 2 个词库文件有效\n",
            "mytypes": f"✓ {lexicon_count} 个词库文件有效\n✓ 1 个客户类型文件有效\n",
            "lexlink": f"✓ {lexicon_count} 个词库文件有效\n✓ 1 个客户类型文件有效\n",
        }
        for command in ("validate", "check"):
            for folder, stdout in expected.items():
                with self.subTest(command=command, folder=folder):
                    result = run(command, str(self.tmp / folder))
                    self.assertExit(result, 0)
                    self.assertEqual(result.stdout, stdout)

    def test_a_lexicon_among_scenarios_is_read_as_a_lexicon(self):
        self.write("sc/fee.yaml", (FIXTURES / "fee.yaml").read_text(encoding="utf-8"))
        self.write("sc/lexicons/basic.yaml", (FIXTURES / "lexicons" / "basic.yaml").read_text(encoding="utf-8"))
        self.write("sc/customer-types/types.yaml",
                   (FIXTURES / "customer-types" / "types.yaml").read_text(encoding="utf-8"))
        self.write("sc/extra.yaml", "concepts:\n  my_thanks:\n    label: 感谢\n    source: test\n"
                   "    phrases: [谢谢您的耐心]\n")
        result = run("validate", str(self.tmp / "sc"))
        self.assertExit(result, 0)
        self.assertNotIn("extra.yaml", result.stderr)

    def test_a_lexicon_s_errors_are_its_own(self):
        copy = self.tmp / "scenarios"
        for folder in ("lexicons", "customer-types"):
            for source in (BUNDLED / folder).glob("*.yaml"):
                self.write(f"scenarios/{folder}/{source.name}", source.read_text(encoding="utf-8"))
        taboo = copy / "lexicons" / "taboo.yaml"
        text = taboo.read_text(encoding="utf-8")
        taboo.write_text(text.replace("concepts:\n", "concepts:\n  typo:\n    labl: x\n", 1), encoding="utf-8")
        line = text.splitlines().index("concepts:") + 3
        result = run("validate", str(taboo))
        self.assertExit(result, 2)
        self.assertIn(f"taboo.yaml:{line}:5: 概念 `typo`中有未知的键 `labl`", result.stderr)
        self.assertNotIn("`id`", result.stderr)

    def test_a_file_of_concepts_outside_lexicons_is_validated_alone(self):
        good = self.write("mine.yaml", """
            concepts:
              my_thanks:
                label: 感谢
                source: test
                phrases: [谢谢您的耐心]
            """)
        result = run("validate", str(good))
        self.assertExit(result, 0)
        self.assertEqual(result.stdout, "✓ 1 个词库文件有效\n")
        bad = self.write("bad.yaml", "concepts:\n  my_thanks:\n    label: 感谢\n    phrases: [谢谢]\n")
        result = run("validate", str(bad))
        self.assertExit(result, 2)
        self.assertIn(f"{bad}:3:5: 缺少必需的键 `source`", result.stderr)
        self.assertNotIn("`id`", result.stderr)

    def test_check_fails_when_a_counter_example_passes(self):
        text = (FIXTURES / "fee.yaml").read_text(encoding="utf-8")
        (self.tmp / "lexicons").mkdir()
        (self.tmp / "lexicons" / "basic.yaml").write_text(
            (FIXTURES / "lexicons" / "basic.yaml").read_text(encoding="utf-8"), encoding="utf-8")
        self.write("customer-types/types.yaml",
                   (FIXTURES / "customer-types" / "types.yaml").read_text(encoding="utf-8"))
        lenient = text.replace('counter_examples: [我们不会道歉的。]', 'counter_examples: ["对不起,因为系统问题。"]')
        self.assertNotEqual(text, lenient)
        path = self.tmp / "fee.yaml"
        path.write_text(lenient, encoding="utf-8")
        result = run("check", str(path))
        self.assertExit(result, 1)
        line = lenient.splitlines().index(next(l for l in lenient.splitlines() if "对不起,因为" in l)) + 1
        self.assertIn(f"{path}:{line}:", result.stderr)
        self.assertExit(run("validate", str(path)), 0)

    def test_check_fails_when_a_model_answer_does_not_pass(self):
        text = (FIXTURES / "fee.yaml").read_text(encoding="utf-8").replace(
            '"王先生您好,我理解您的心情。"', '"好的。"')
        path = self.write("fee.yaml", text)
        self.write("lexicons/basic.yaml", (FIXTURES / "lexicons" / "basic.yaml").read_text(encoding="utf-8"))
        self.write("customer-types/types.yaml",
                   (FIXTURES / "customer-types" / "types.yaml").read_text(encoding="utf-8"))
        result = run("check", str(path))
        self.assertExit(result, 1)
        self.assertIn("vent", result.stderr)


    def test_check_and_grade_say_when_the_customer_walked_out_and_at_what_limit(self):
        # check said only "did not pass (50 points, pass mark 70)", and grade named the anger
        # reached (100) as the limit (90).
        shutil.copytree(FIXTURES, self.tmp / "scenarios")
        path = self.write("scenarios/walk.yaml", """\
            id: walk
            title: 测试
            source: test
            customer: {name: 王先生, mood: 80, limit: 90, reacts_to: {apology: 20}}
            briefing: 说明
            steps:
              - {id: a, stage: vent, customer: 怎么回事!, rules: [{concept: apology}], model_answers: ["王先生,对不起。"]}
              - {id: b, stage: apologize, customer: 还有呢!, rules: [{concept: apology}], model_answers: ["王先生,对不起。"]}
            """)
        result = run("--no-history", "check", str(path))
        self.assertExit(result, 1)
        self.assertIn(f"{path}: 由各步第一个示范回答组成的作答中,客户在步骤 `a` 之后愤而离开(怒气 100,离开的界限 90)",
                      result.stderr)
        answers = self.write("a.yaml", "scenario: walk\nresponses: {a: \"王先生,对不起。\", b: \"王先生,对不起。\"}\n")
        text = run("--no-history", "--scenarios", str(self.tmp / "scenarios"), "grade", str(answers)).stdout
        self.assertIn("客户的怒气升到 100,超过了极限(90),愤而离开", text)
        text = run("--no-history", "--scenarios", str(self.tmp / "scenarios"), "grade", str(answers), lang="en").stdout
        self.assertIn("The customer's anger rose to 100, past its limit (90), and they walked out", text)

    def test_validate_refuses_a_customer_who_starts_at_the_limit_of_the_type(self):
        shutil.copytree(FIXTURES, self.tmp / "scenarios")
        fee = self.tmp / "scenarios" / "fee.yaml"
        text = fee.read_text(encoding="utf-8")
        self.assertIn("type: 情绪激动}", text)
        fee.write_text(text.replace("type: 情绪激动}", "type: 情绪激动, mood: 100}"), encoding="utf-8")
        result = run("--scenarios", str(self.tmp / "scenarios"), "validate", lang="en")
        self.assertExit(result, 2)
        self.assertIn("the customer's starting anger 100 is already at the walk-out limit", result.stderr)


def yaml_blocks(markdown):
    """The ```yaml blocks of a Markdown file, in order."""
    return re.findall(r"```yaml\n(.*?)```", markdown.read_text(encoding="utf-8"), re.S)


def block_starting(blocks, start):
    return next(block for block in blocks if block.startswith(start))


class DocumentedExamples(CoachTestCase):
    """What a trainer or a CI author copies from the docs works as shown (outside pass 28a,
    finding 04: the rules example failed `validate`, its commas splitting flow mappings)."""

    def scenario_from_the_docs(self):
        """The scenario skeleton of docs/scenario-format.md, with the documented rules, customer
        and extra steps where it says `[...]`."""
        blocks = yaml_blocks(ROOT / "docs" / "scenario-format.md")
        rules = block_starting(blocks, "rules:").splitlines()[1:]
        rules_text = "    rules:\n" + "".join(f"    {line}\n" for line in rules)
        skeleton = block_starting(blocks, "id: missing-balance")
        skeleton = re.sub(r"(?m)^    rules: \[\.\.\.\].*\n", lambda _: rules_text, skeleton)
        skeleton = re.sub(r"(?m)^    model_answers: \[\.\.\.\].*$",
                          '    model_answers: ["王先生,您先别着急,您的心情我很理解。"]', skeleton)
        skeleton = re.sub(r"(?m)^    counter_examples: \[\.\.\.\].*$",
                          '    counter_examples: ["您弄错了吧。"]', skeleton)
        customer = block_starting(blocks, "customer:\n  name: 王先生\n  type: 情绪激动型")
        skeleton = re.sub(r"(?ms)^customer:\n(  .*?\n)+(?=briefing)", lambda _: customer, skeleton)
        extra_steps = block_starting(blocks, "  - id: manager")
        extra_steps = re.sub(r"(?m)^    rules: \[\.\.\.\]$", lambda _: rules_text.rstrip("\n"), extra_steps)
        extra_steps = extra_steps.replace(
            "    customer: 我姓王。……\n",
            "    customer: 我姓王。……\n" + rules_text + "    model_answers: [\"王先生,对不起。\"]\n")
        extra_steps = extra_steps.replace("    customer: 把你们经理叫出来!\n",
                                          "    customer: 把你们经理叫出来!\n    model_answers: [\"王先生,对不起。\"]\n")
        self.assertNotIn("[...]", skeleton + extra_steps)
        return skeleton + extra_steps

    def test_the_scenario_format_examples_validate(self):
        scenario = self.write("docs/missing-balance.yaml", self.scenario_from_the_docs())
        result = run("--scenarios", str(BUNDLED), "validate", str(scenario), lang="en")
        self.assertExit(result, 0)
        shown = json.loads(run("--scenarios", str(BUNDLED), "show", "missing-balance", "--format", "json").stdout)
        self.assertTrue(shown["steps"])

    def test_the_lexicon_example_validates(self):
        blocks = yaml_blocks(ROOT / "docs" / "scenario-format.md")
        lexicon = self.write("lexicons/courtesy.yaml", block_starting(blocks, "# scenarios/lexicons/courtesy.yaml"))
        self.assertExit(run("validate", str(lexicon), lang="en"), 0)

    def test_the_answers_file_and_the_exam_of_the_docs_are_graded(self):
        answers = self.write("answers.yaml", block_starting(yaml_blocks(ROOT / "README.md"), "trainee: 张三"))
        exam = self.write("exam.yaml", block_starting(yaml_blocks(ROOT / "docs" / "exam-format.md"), "id: basic-certificate"))
        graded = run("--no-history", "--scenarios", str(BUNDLED), "grade", str(answers))
        self.assertExit(graded, 1)  # one step answered of six: graded, and failed
        self.assertEqual(graded.stderr, "")
        sat = run("--no-history", "--scenarios", str(BUNDLED), "grade", "--exam", str(exam), str(answers))
        self.assertExit(sat, 1)
        self.assertEqual(sat.stderr, "")


if __name__ == "__main__":
    unittest.main()
