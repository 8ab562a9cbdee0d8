#!/usr/bin/env python3
"""Writes a git fast-import stream: a mapping of 400 handlers, then 3,000 commits that each insert a line above one of
them, so `specmap validate` walks a long history and shows its progress line (docs/cli/long-relocation-*).

    git init -q -b main long && cd long && python3 ../make-long-history.py | git fast-import --quiet && git reset -q --hard main
    script -q -e -T progress.timing -c 'stty cols 120 rows 40; specmap validate' progress.ts
    python3 ../render-terminal.py progress.ts --timing progress.timing --at 4 --command 'specmap validate' > mid.html
"""
import json
import sys

HANDLERS = 400
COMMITS = 3000
START = 1767268800  # 2026-01-01 12:00 UTC: fixed, so the commit ids are the same on every run

out = sys.stdout.buffer


def data(text: str) -> bytes:
    raw = text.encode()
    return b"data %d\n" % len(raw) + raw + b"\n"


def commit(number: int, files, message: str) -> None:
    out.write(b"commit refs/heads/main\n")
    out.write(b"committer Dev <dev@example.invalid> %d +0000\n" % (START + number * 60))
    out.write(data(message))
    for path, text in files:
        out.write(b"M 100644 inline %s\n" % path.encode())
        out.write(data(text))


lines, starts = [], []
for i in range(HANDLERS):
    starts.append(len(lines) + 1)
    lines += [f"def handler_{i}(request):", f"    return {i}", "", ""]
mapping = {
    "version": "1.1",
    "endpoints": {
        f"GET /v1/items/{i}": {"status": "implemented", "implementation": f"app/api.py:{s}-{s + 1}#handler_{i}"}
        for i, s in enumerate(starts)
    },
}
commit(0, [("app/api.py", "\n".join(lines) + "\n"), ("SPEC_TO_CODE_MAPPING.json", json.dumps(mapping, indent=2) + "\n")],
       "api and its mapping")
for n in range(1, COMMITS + 1):
    lines.insert(4 * ((n * 37) % HANDLERS) + n // HANDLERS, f"# note {n}")
    commit(n, [("app/api.py", "\n".join(lines) + "\n"), ("CHANGELOG.md", f"change {n}\n")], f"change {n}")
