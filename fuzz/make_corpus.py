#!/usr/bin/env python3
"""Writes the fuzzers' seed corpora into DIR/<target>/ from scenarios/ and tests/.

Generated at run time so no corpus is committed: scenario and lexicon files seed the scenario
target, answers files (and answers built from the model answers) the answers target, and the
model answers and counter-examples, one per file, the scorer.
"""
import hashlib
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MAX_SEED_BYTES = 64 << 10  # the hostile suite's generated giants are not seeds
LIST_ITEM = re.compile(r"^\s*-\s+['\"]?(.+?)['\"]?\s*$")


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


if __name__ == "__main__":
    main(Path(sys.argv[1]))
