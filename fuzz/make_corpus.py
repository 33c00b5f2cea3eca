#!/usr/bin/env python3
"""Writes the fuzzers' seed corpora into DIR/<target>/ from scenarios/ and tests/.

Generated at run time so no corpus is committed: scenario and lexicon files seed the scenario
target, answers files (and answers built from the model answers) the answers target, the
model answers and counter-examples, one per file, the scorer, the bundled lexicons' concepts
with those replies (see fuzz_matching.cpp for the format) the matching target, and exams,
customer-type files and rosters the trainer-files target. Hand-written
hostile replies and lexicons (traditional words, full-width, quotation marks, negations,
invisible characters, nasty patterns) seed the scorer and the matching target too; inputs that
once failed are kept in REGRESSIONS.
"""
import hashlib
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MAX_SEED_BYTES = 64 << 10  # the hostile suite's generated giants are not seeds
LIST_ITEM = re.compile(r"^\s*-\s+['\"]?(.+?)['\"]?\s*$")
CONCEPT = re.compile(r"^  ([a-z0-9_]+):\s*$")
LIST_KEY = re.compile(r"^    (phrases|patterns):\s*(\[.*\])?\s*$")

# Replies an attacker or a careless trainee types (str, or bytes when not UTF-8).
HOSTILE_REPLIES = [
    "王先生您好,您的簡訊發不出去,網路我們查詢過了,營運長會親自處理,保證乾淨俐落。",
    "王先生您好，非常抱歉給您添麻煩了！請問您的手機號碼是多少？",
    "ＯＫ，王先生，非常抱歉！给您添麻烦了？ＡＢＣ１２３　全角空格",
    "他说“对不起”并不代表道歉,「抱歉」只是引用,『给您添麻烦了』也是。\"sorry\"",
    "我们不会道歉。没有必要说对不起,别说抱歉了,这不是您的错,未能给您添麻烦了",
    "不好意思,对不起,别着急,非常抱歉,无缘无故让您久等了",
    "对\u200b不\u200c起\u200d您\u2060的\ufeff心情\u00ad我很理解",
    "\u200b\u200c\u200d\u2060\ufeff" * 50,
    "a\u0301\u0301\u0301\u0308" * 200,
    "\u0301\u0302\u0303" * 300,
    "😀😃😄😁😆😅🤣😂🙂🙃" * 1000,
    "👨‍👩‍👧‍👦🏳️‍🌈🇨🇳" * 300,
    "\u202e对不起\u202c王先生\u2066您好\u2069\u200f",
    "对不起" * 3000,
    "“" * 2000 + "对不起",
    "「对不起」" * 1500,
    "不" * 5000 + "道歉",
    "簡訊網路查詢營運長乾淨" * 800,
    "王先生您好?" * 1500,
    "ﬀ ﬁ ß ẞ İ ı ς Σ ǅ ᾼ ﬃ ㎏ ㍿ ℡ ① ⑴ ㈱ ｶﾞ",
    b"\xe5\xaf\xb9\xff\xe4\xb8\x8d\xe8\xb5\xb7\xc0\x80\xed\xa0\x80\xf4\x90\x80\x80",
    b"\xe5\xaf" * 100,
]

# Lexicons a careless or hostile trainer writes, for fuzz_matching (see its format).
HOSTILE_LEXICONS = [
    "p 对不起\np 不起\np 起\np 对不\nr 让您(久等|受累)了\n#\np 短信\np 网络\np 首席运营官\np 干净\n"
    "r (?i)σας\nx (我|我们)[^.!?;]{0,8}(确认|核实)\na 王先生\na 您好\n==\n",
    "r (a*)*b\nr (x+x+)+y\nr \\p{Han}{0,100}\nr ((a|b|c|d|e|f|g)+){20}\nr .*\nr (?:)\n==\n",
    "r ^\nr $\nr \\b\nr (?i)abc|ABC|(?-i:Abc)\nx [^\\x00-\\x{10FFFF}]\nx \\C\n==\n",
    "p a\np aa\np aaa\np aaaa\np b\np ab\np bab\n#\np aab\np abab\n==\n",
    "p 「\np ”\np ,\np .\np ?\np \u200b\np  \n==\n",
    "r (对不起|抱歉|不好意思){2,}\nr [^,.!?;]{5,10}道歉\nr (?i)ok\n==\n",
    "r \\141?\nr 好\\101*\nr (\\7|a)?\nr \\a?b\n==\n",  # octal escapes: pass 27 (must be refused)
]
# Exams that exercise every rule of exam-format.md against the bundled library.
EXAMS = [
    "id: e1\ntitle: 证书\nscenarios: [missing-balance]\n",
    "id: e2\ntitle: 证书\nscenarios: [airline-delay, sms-failure]\npass_mark: 100\nattempts: 3\n",
    "id: e3\ntitle: 证书\nscenarios: [bill-500]\nmust_pass:\n  stages: [apologize, resolve]\n"
    "  concepts: [blame, apology]\n",
    "id: e4\ntitle: 证书\nscenarios: [missing-balance, missing-balance]\npass_mark: 0\n",
]
REGRESSIONS = [  # (target, bytes) that once crashed or differed: kept as seeds
    # The scan's occurrences found only by reading through a pause (您……弄错了) once read as a
    # difference from the naive search of the reply's own reading.
    ("fuzz_matching", "p 您弄错了\nr 您(肯定)?弄(错|混)了\n==\n您……弄错了,不过您呀,肯定弄混了。您 弄错了".encode()),
]


def save(directory, data):
    directory.mkdir(parents=True, exist_ok=True)
    (directory / hashlib.sha1(data).hexdigest()).write_bytes(data)


def yaml_files(*folders):
    for folder in folders:
        for path in sorted((ROOT / folder).rglob("*.y*ml")):
            if path.is_file() and path.stat().st_size <= MAX_SEED_BYTES:
                yield path


def replies(scenario_text):
    """Plain list items of a scenario (model answers, counter-examples, phrases)."""
    for line in scenario_text.splitlines():
        match = LIST_ITEM.match(line)
        if match and ":" not in match.group(1)[:20]:
            yield match.group(1)


def lexicon_concepts(path):
    """(id, phrases, patterns) of a lexicon file, read line by line (no YAML library needed)."""
    concepts, current, key = [], None, None
    for line in path.read_text(encoding="utf-8").splitlines():
        if match := CONCEPT.match(line):
            current = (match.group(1), [], [])
            concepts.append(current)
            key = None
        elif current and (match := LIST_KEY.match(line)):
            key = match.group(1)
            if match.group(2):
                items = [item.strip().strip("'\"") for item in match.group(2)[1:-1].split(",")]
                current[1 if key == "phrases" else 2].extend(item for item in items if item)
                key = None
        elif current and key and (match := LIST_ITEM.match(line)):
            current[1 if key == "phrases" else 2].append(match.group(1))
        elif line.strip() and not line.lstrip().startswith("#") and not line.startswith("      "):
            key = None
    return concepts


def matching_lexicon(concepts):
    """The fuzz_matching head for up to 8 concepts and 6 patterns."""
    head, patterns = [], 0
    for _, phrases, found in concepts[:8]:
        head.append("#")
        head += [f"p {phrase}" for phrase in phrases[:24]]
        for pattern in found:
            if patterns < 6:
                head.append(f"r {pattern}")
                patterns += 1
    return "\n".join(head) + "\n==\n"


def main(out):
    for path in yaml_files("scenarios", "tests"):
        data = path.read_bytes()
        is_answers = b"responses:" in data
        save(out / ("fuzz_answers" if is_answers else "fuzz_scenario"), data)
    for path in sorted((ROOT / "scenarios").glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        found = list(replies(text))
        for reply in found:
            save(out / "fuzz_scorer", reply.encode())
        answers = f"scenario: {path.stem}\nresponses:\n" + "".join(
            f"  s{i}: '{reply.replace(chr(39), chr(39) * 2)}'\n" for i, reply in enumerate(found[:5]))
        save(out / "fuzz_answers", answers.encode())

    found = []
    for path in sorted((ROOT / "scenarios").glob("*.yaml")):
        found += list(replies(path.read_text(encoding="utf-8")))
    hostile = [r if isinstance(r, bytes) else r.encode() for r in HOSTILE_REPLIES]
    for reply in hostile:
        save(out / "fuzz_scorer", reply)
        save(out / "fuzz_matching", reply)
    for i, reply in enumerate(found[::7]):
        save(out / "fuzz_matching", reply.encode())
    lexicons = sorted((ROOT / "scenarios" / "lexicons").glob("*.yaml"))
    for i, path in enumerate(lexicons):
        concepts = lexicon_concepts(path)
        for j in range(0, len(concepts), 8):
            reply = found[(i * 13 + j) % len(found)] if found else ""
            save(out / "fuzz_matching", (matching_lexicon(concepts[j:j + 8]) + reply).encode())
    for i, head in enumerate(HOSTILE_LEXICONS):
        for reply in hostile[i::len(HOSTILE_LEXICONS)] + [found[i].encode()] if found else hostile:
            save(out / "fuzz_matching", head.encode() + reply)
    trainer_files = sorted((ROOT / "exams").glob("*.yaml")) + sorted(
        (ROOT / "scenarios" / "customer-types").glob("*.yaml")) + sorted(
        (ROOT / "tests" / "hostile" / "rosters").glob("*.txt"))
    for path in trainer_files:
        save(out / "fuzz_trainer_files", path.read_bytes())
    for exam in EXAMS:
        save(out / "fuzz_trainer_files", exam.encode())
    for target, data in REGRESSIONS:
        save(out / target, data)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
