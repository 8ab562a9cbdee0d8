#!/usr/bin/env python3
"""Round-trip corpus check (issue 11): every declaration `specmap outline` prints must be found again, at the same
commit, by the reference `path#qname(signature)` and by the reference `path:start-end`.

  python3 bench/roundtrip.py [--full] [--seed N] [--commits N] [--files N] [--repo flask|humanizer|corpus]

Black box, through the CLI only. For each sampled commit of the flask and Humanizer bundles (and for the hand-made
files under bench/roundtrip/corpus/, committed into a throw-away repository) it extracts the commit's sources into a
temp directory, runs `specmap outline FILE... --format json`, writes one mapping with two references per declaration
(verified_at = that commit) and runs `specmap validate MAP --repo CLONE --against COMMIT --format json`. A reference
passes when it comes back `ok` with target file, start and end equal to the declaration's (and target.symbol, when
given, equal to its qname). It also lists the declarations that an independent finder sees and the outline does
not print (nothing can refer to those by name). Build first: dotnet build -c Release src/SpecMap.Cli
"""
import argparse
import collections
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "bench"))
from run import clone  # noqa: E402  (same layout as bench/run.py: WORK/REPO.git, a bare clone of the bundle)
sys.path.insert(0, os.path.join(ROOT, "bench/e2e"))
from decls import csharp_decls, python_decls  # noqa: E402  (independent finders, also used for the e2e truth)
DLL = os.path.join(ROOT, "src/SpecMap.Cli/bin/Release/net10.0/specmap.dll")
CORPUS = os.path.join(ROOT, "bench/roundtrip/corpus")
LANG = {".py": "python", ".cs": "csharp"}
REPOS = {"flask": ".py", "humanizer": ".cs"}
OUTLINE_BATCH = 200


def git(cwd, *args, **kw):
    return subprocess.run(["git", "-C", cwd, *args], check=True, capture_output=True, text=True, **kw).stdout


def corpus_repo(work):
    """Commits bench/roundtrip/corpus into a fresh repository (fixed author and date: the commit id is stable)."""
    target = os.path.join(work, "roundtrip-corpus")
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(CORPUS, target)
    env = dict(os.environ, GIT_AUTHOR_NAME="bench", GIT_AUTHOR_EMAIL="bench@invalid", GIT_COMMITTER_NAME="bench",
               GIT_COMMITTER_EMAIL="bench@invalid", GIT_AUTHOR_DATE="2026-01-01T00:00:00Z",
               GIT_COMMITTER_DATE="2026-01-01T00:00:00Z")
    git(target, "init", "-q", "-b", "main")
    git(target, "add", "-A")
    subprocess.run(["git", "-C", target, "commit", "-q", "-m", "corpus"], check=True, env=env)
    return target, git(target, "rev-parse", "HEAD").strip()


def sample_commits(clone_dir, n, rng):
    """The tip plus n-1 other first-parent commits picked by a fixed seed (newest first)."""
    commits = git(clone_dir, "rev-list", "--first-parent", "bench").split()
    if n >= len(commits):
        return commits
    return [commits[0]] + sorted(rng.sample(commits[1:], n - 1), key=commits.index)


def extract(clone_dir, commit, files, dest):
    os.makedirs(dest, exist_ok=True)
    archive = subprocess.run(["git", "-C", clone_dir, "archive", commit, "--", *files], check=True, capture_output=True)
    subprocess.run(["tar", "-x", "-C", dest], input=archive.stdout, check=True)


def outline(tree, files):
    """Declarations per file: {path: [symbol...]}, paths relative to tree."""
    out = {}
    for i in range(0, len(files), OUTLINE_BATCH):
        batch = files[i: i + OUTLINE_BATCH]
        proc = subprocess.run(["dotnet", DLL, "outline", *batch, "--format", "json"], cwd=tree, capture_output=True, text=True)
        if proc.returncode != 0:
            raise RuntimeError(f"outline failed ({proc.returncode}) in {tree}: {proc.stderr.strip()[:1000]}")
        for f in json.loads(proc.stdout)["files"]:
            path = os.path.relpath(os.path.join(tree, f["path"]), tree).replace(os.sep, "/")
            out[path] = f.get("symbols", [])
    return out


def not_outlined(tree, decls):
    """Declarations an independent finder (python ast; the e2e C# scanner) sees that the outline does not print,
    matched by name and declaration line: [(lang, kind, path, line, qname)]."""
    out = []
    for path in sorted(decls):
        with open(os.path.join(tree, path), encoding="utf-8-sig", errors="replace") as f:
            text = f.read()
        printed = {(s["name"], s["def_line"]) for s in decls[path]}
        if path.endswith(".py"):
            found = [(q, kind, d) for q, kind, _, d, _, _ in python_decls(text)]
        else:
            found = [(q, kind, d) for q, kind, _, d, _, _ in csharp_decls(text)]
        conditional = conditional_lines(text) if path.endswith(".cs") else set()
        for q, kind, line in found:
            if (q.split(".")[-1], line) not in printed:
                where = " (inside #if)" if line in conditional else ""
                out.append((LANG[os.path.splitext(path)[1]], kind + where, path, line, q))
    return out


def conditional_lines(text):
    """Line numbers inside a C# `#if ... #endif` region (any branch)."""
    depth, out = 0, set()
    for n, line in enumerate(text.split("\n"), 1):
        t = line.strip()
        if t.startswith("#if"):
            depth += 1
        elif t.startswith("#endif"):
            depth = max(0, depth - 1)
        elif depth:
            out.add(n)
    return out


def symbol_ref(sym):
    sig = sym.get("signature") or ""
    return sym["qname"] + sig if sig.startswith(("(", "<")) else sym["qname"]


def build_refs(decls):
    """Two references per declaration; also marks the names that are not unique in their file (overloads by
    `@overload`, partial declarations, properties with setters): a bare name cannot pick one of those."""
    refs = []
    for path in sorted(decls):
        names = collections.Counter(symbol_ref(s) for s in decls[path])
        for s in decls[path]:
            lang = LANG.get(os.path.splitext(path)[1], "other")
            kind = s["kind"] + (" (name not unique)" if names[symbol_ref(s)] > 1 else "")
            base = {"lang": lang, "kind": kind, "file": path, "start": s["start"], "end": s["end"], "qname": s["qname"]}
            refs.append(dict(base, form="symbol", ref=f"{path}#{symbol_ref(s)}"))
            refs.append(dict(base, form="lines", ref=f"{path}:{s['start']}-{s['end']}"))
    return refs


def validate(clone_dir, commit, refs, mapping_path):
    with open(mapping_path, "w") as f:
        json.dump({"version": "1.1", "verified_at": commit,
                   "declarations": [{"implementation": r["ref"]} for r in refs]}, f, indent=1)
    proc = subprocess.run(["dotnet", DLL, "validate", mapping_path, "--repo", clone_dir, "--against", commit,
                           "--format", "json"], capture_output=True, text=True)
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"validate failed ({proc.returncode}): {proc.stderr.strip()[:1000]}")
    report = json.loads(proc.stdout)
    by_pointer = {r["pointer"]: r for m in report["mappings"] for r in m["references"]}
    return by_pointer


def judge(ref, got):
    if got is None:
        return "not reported", None
    t = got.get("target")
    st = got["status"]
    if st == "ok" and t and t["file"] == ref["file"] and t["start"] == ref["start"] and t["end"] == ref["end"] \
            and t.get("symbol") in (None, ref["qname"]):
        return "ok", t
    if st in ("ok", "relocated") and t:
        return "wrong target", t
    if st in ("lost", "ambiguous", "invalid"):
        return st, t
    return st, t


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--bench", default="/work/shared/bench/reloc")
    p.add_argument("--work", default="/tmp/specmap-bench")
    p.add_argument("--seed", type=int, default=11)
    p.add_argument("--full", action="store_true", help="every source file of 8 commits per repository")
    p.add_argument("--commits", type=int, help="commits per repository (default 4, --full 8)")
    p.add_argument("--files", type=int, help="files per commit (default flask 60, humanizer 300; --full all)")
    p.add_argument("--repo", choices=["flask", "humanizer", "corpus"], action="append")
    p.add_argument("--examples", type=int, default=20)
    args = p.parse_args()
    os.makedirs(args.work, exist_ok=True)
    rng = random.Random(args.seed)
    n_commits = args.commits or (8 if args.full else 4)
    results = []  # (ref, verdict, target, commit label)
    missing = []  # declarations the outline did not print
    tmp = tempfile.mkdtemp(prefix="roundtrip-", dir=args.work)
    try:
        for repo in args.repo or ["flask", "humanizer", "corpus"]:
            if repo == "corpus":
                clone_dir, commit = corpus_repo(args.work)
                runs = [(clone_dir, commit, sorted(f for f in git(clone_dir, "ls-files").split()
                                                   if os.path.splitext(f)[1] in LANG))]
            else:
                clone_dir = clone(args.bench, args.work, repo)
                runs = []
                for commit in sample_commits(clone_dir, n_commits, rng):
                    files = sorted(f for f in git(clone_dir, "ls-tree", "-r", "--name-only", commit).split("\n")
                                   if f.endswith(REPOS[repo]) and " " not in f)
                    limit = args.files or (10**9 if args.full else {"flask": 60, "humanizer": 300}[repo])
                    if len(files) > limit:
                        files = sorted(rng.sample(files, limit))
                    runs.append((clone_dir, commit, files))
            for clone_dir, commit, files in runs:
                tree = os.path.join(tmp, f"{repo}-{commit[:8]}")
                extract(clone_dir, commit, files, tree)
                decls = outline(tree, files)
                missing.extend(m + (f"{repo}@{commit[:8]}",) for m in not_outlined(tree, decls))
                refs = build_refs(decls)
                got = validate(clone_dir, commit, refs, os.path.join(tmp, f"{repo}-{commit[:8]}.json"))
                for i, r in enumerate(refs):
                    verdict, target = judge(r, got.get(f"/declarations/{i}/implementation"))
                    results.append((r, verdict, target, f"{repo}@{commit[:8]}", got.get(f"/declarations/{i}/implementation")))
                print(f"{repo}@{commit[:8]}: {len(files)} files, {len(refs)} references", file=sys.stderr)
                shutil.rmtree(tree, ignore_errors=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    report(results, args.examples)
    report_missing(missing, args.examples)


COLUMNS = ["ok", "wrong target", "lost", "ambiguous", "invalid", "relocated", "not reported"]


def report(results, examples):
    table = collections.defaultdict(collections.Counter)
    for r, verdict, _, _, _ in results:
        table[(r["lang"], r["kind"], r["form"])][verdict] += 1
    print("| lang | kind | form | total | " + " | ".join(COLUMNS) + " |")
    print("|---|---|---|---:|" + "---:|" * len(COLUMNS))
    totals = collections.defaultdict(collections.Counter)
    for key in sorted(table):
        c = table[key]
        print(f"| {key[0]} | {key[1]} | {key[2]} | {sum(c.values())} | " + " | ".join(str(c[k]) for k in COLUMNS) + " |")
        totals[(key[0], key[2])].update(c)
    for key in sorted(totals):
        c = totals[key]
        print(f"| **{key[0]}** | **all** | **{key[1]}** | {sum(c.values())} | " + " | ".join(str(c[k]) for k in COLUMNS) + " |")
    fails = collections.defaultdict(list)
    for r, verdict, target, label, got in results:
        if verdict != "ok":
            fails[(r["lang"], r["form"], verdict)].append((r, target, label, got))
    for key in sorted(fails):
        print(f"\n### {key[0]} / {key[1]} / {key[2]}: {len(fails[key])}")
        for r, target, label, got in fails[key][:examples]:
            want = f'{r["file"]}:{r["start"]}-{r["end"]} {r["qname"]}'
            have = f'{target["file"]}:{target["start"]}-{target["end"]} {target.get("symbol")}' if target else "no target"
            status = got["status"] if got else "-"
            print(f"- {label} `{r['ref']}` ({r['kind']}): want {want}; got {status} {have}")


def report_missing(missing, examples):
    print("\n## Declarations an independent finder sees that `outline` does not print\n")
    print("Python by `ast`; C# by the heuristic scanner of bench/e2e/decls.py (it may misread a rare construct, so read")
    print("the examples).\n")
    counts = collections.Counter((m[0], m[1]) for m in missing)
    print("| lang | kind | not printed |")
    print("|---|---|---:|")
    for key in sorted(counts):
        print(f"| {key[0]} | {key[1]} | {counts[key]} |")
    for key in sorted(counts):
        print(f"\n### {key[0]} / {key[1]}: {counts[key]}")
        for lang, kind, path, line, q, label in [m for m in missing if (m[0], m[1]) == key][:examples]:
            print(f"- {label} {path}:{line} {q}")


if __name__ == "__main__":
    main()
