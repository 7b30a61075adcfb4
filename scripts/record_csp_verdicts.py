#!/usr/bin/env python3
"""Reads the output of the csp_browser test (stdin) and records Chromium's verdicts for corpus
URLs that have none yet (the `CSP-RECORD [...]` line) into tests/csp/corpus.json."""
import json, os, sys

path = os.path.join(os.path.dirname(__file__), "..", "tests", "csp", "corpus.json")
records = {}
for line in sys.stdin:
    if "CSP-RECORD " in line:
        for r in json.loads(line.split("CSP-RECORD ", 1)[1]):
            records[(r["list"], r["url"])] = r["browser"]
corpus = json.load(open(path))
n = 0
for case in corpus["cases"]:
    key = (case["list"], case["url"])
    if key in records and "browser" not in case:
        case["browser"] = records[key]
        n += 1
json.dump(corpus, open(path, "w"), indent=1, ensure_ascii=False)
open(path, "a").write("\n")
print(f"recorded {n} verdicts")
