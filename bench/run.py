#!/usr/bin/env python3
"""Relocation benchmark runner (issue 4): replays every (old, new) pair of the cases through the real CLI.

  python3 bench/run.py [--bench DIR] [--mode symbol|lines|both] [--work DIR] [--timing] [--limit N]

For each pair it writes one mapping holding the cases' references (verified_at = old; symbol mode adds the
symbol `qname(signature)`), runs `specmap validate MAP --repo CLONE --against NEW --format json`, turns
references[] into answers (ok/relocated/ambiguous with a target -> found; otherwise deleted) and scores them
with the benchmark's score.py. Build first: dotnet build -c Release src/SpecMap.Cli
"""
import argparse
import collections
import json
import os
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DLL = os.path.join(ROOT, "src/SpecMap.Cli/bin/Release/net10.0/specmap.dll")


def clone(bench, work, repo):
    target = os.path.join(work, repo + ".git")
    if not os.path.isdir(target):
        subprocess.run(["git", "clone", "-q", "--bare", os.path.join(bench, repo + ".bundle"), target], check=True)
    return target


def symbol_of(ref):
    sig = ref.get("signature") or ""
    # C# signatures are `(int, string)` or `<T>(...)`; a static constructor's `static ()` needs no overload pick.
    return ref["qname"] + sig if sig.startswith(("(", "<")) else ref["qname"]


def write_mapping(path, old, cases, mode):
    items = []
    for c in cases:
        ref = c["old_ref"]
        impl = {"file": ref["file"], "lines": f'{ref["start"]}-{ref["end"]}'}
        if mode == "symbol":
            impl["symbol"] = symbol_of(ref)
        items.append({"name": c["id"], "implementation": impl})
    with open(path, "w") as f:
        json.dump({"version": "1.1", "verified_at": old, "cases": items}, f, indent=1)


def run_pair(clone_dir, mapping, new):
    start = time.perf_counter()
    proc = subprocess.run(["dotnet", DLL, "validate", mapping, "--repo", clone_dir, "--against", new, "--format", "json"],
                          capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"specmap failed ({proc.returncode}): {proc.stderr.strip()[:2000]}")
    return json.loads(proc.stdout), elapsed


def answers_from(report, cases):
    refs = {}
    for m in report["mappings"]:
        for r in m["references"]:
            refs[r["pointer"]] = r
    out = []
    for i, c in enumerate(cases):
        r = refs.get(f"/cases/{i}/implementation")
        if r is None:
            out.append({"id": c["id"], "status": "deleted", "why": "no reference"})
            continue
        t = r.get("target")
        if r["status"] in ("ok", "relocated", "ambiguous") and t:
            out.append({"id": c["id"], "status": "found", "file": t["file"], "start": t["start"], "end": t["end"],
                        "how": r.get("how"), "confidence": r.get("confidence"), "ref_status": r["status"]})
        else:
            out.append({"id": c["id"], "status": "deleted", "ref_status": r["status"]})
    return out


def run_mode(args, pairs, mode):
    answers, times = [], []
    for (repo, old, new), cases in pairs:
        clone_dir = clone(args.bench, args.work, repo)
        mapping = os.path.join(args.work, f"{repo}-{old[:8]}-{new[:8]}-{mode}.json")
        write_mapping(mapping, old, cases, mode)
        report, elapsed = run_pair(clone_dir, mapping, new)
        times.append((elapsed, repo, old, new, len(cases)))
        answers.extend(answers_from(report, cases))
    path = os.path.join(args.work, f"answers-{mode}.jsonl")
    with open(path, "w") as f:
        for a in answers:
            f.write(json.dumps(a) + "\n")
    secs = [t[0] for t in times]
    print(f"\n## mode: {mode}  ({len(pairs)} pairs, {len(answers)} cases)")
    print(f"seconds per pair: median {statistics.median(secs):.2f}, max {max(secs):.2f} "
          f"({max(times)[1]} {max(times)[2][:8]}..{max(times)[3][:8]}, {max(times)[4]} refs)")
    sys.stdout.flush()
    cases_path = os.path.join(args.bench, "cases.jsonl")
    if args.limit or args.repo:
        # Score only the cases that ran (score.py counts a case without an answer as wrong).
        cases_path = os.path.join(args.work, "cases-subset.jsonl")
        with open(cases_path, "w") as f:
            for _, cases in pairs:
                for c in cases:
                    f.write(json.dumps(c) + "\n")
    subprocess.run([sys.executable, os.path.join(args.bench, "score.py"), path, "--cases", cases_path], check=True)
    return path


def timing(args, all_cases):
    """One pair ~300 commits apart: specmap against the floor (git diff -M --name-status + cat-file of the referenced blobs)."""
    by_pair = collections.defaultdict(list)
    for c in all_cases:
        by_pair[(c["repo"], c["old"], c["new"], c["distance"])].append(c)
    key = max((k for k in by_pair if k[3] >= 300), key=lambda k: (k[0] == "humanizer", len(by_pair[k])))
    repo, old, new, distance = key
    cases = by_pair[key]
    clone_dir = clone(args.bench, args.work, repo)
    mapping = os.path.join(args.work, "timing.json")
    write_mapping(mapping, old, cases, "symbol")
    files = sorted({c["old_ref"]["file"] for c in cases})
    spec_times, git_times = [], []
    for _ in range(5):
        _, elapsed = run_pair(clone_dir, mapping, new)
        spec_times.append(elapsed)
        start = time.perf_counter()
        subprocess.run(["git", "-C", clone_dir, "diff", "-M", "--name-status", old, new], capture_output=True, check=True)
        objects = "".join(f"{rev}:{f}\n" for rev in (old, new) for f in files)
        subprocess.run(["git", "-C", clone_dir, "cat-file", "--batch"], input=objects.encode(), capture_output=True, check=True)
        git_times.append(time.perf_counter() - start)
    print(f"\n## timing: {repo} {old[:8]}..{new[:8]} ({distance} commits, {len(cases)} references, {len(files)} files)")
    print(f"specmap validate --against: median {statistics.median(spec_times):.3f} s (min {min(spec_times):.3f})")
    print(f"git diff -M --name-status + git cat-file --batch: median {statistics.median(git_times):.3f} s (min {min(git_times):.3f})")


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--bench", default="/work/shared/bench/reloc")
    p.add_argument("--work", default="/tmp/specmap-bench")
    p.add_argument("--mode", choices=["symbol", "lines", "both"], default="both")
    p.add_argument("--repo", help="only this repository")
    p.add_argument("--limit", type=int, help="only the first N pairs")
    p.add_argument("--timing", action="store_true", help="also time one pair ~300 commits apart against git")
    args = p.parse_args()
    os.makedirs(args.work, exist_ok=True)
    with open(os.path.join(args.bench, "cases.jsonl")) as f:
        all_cases = [json.loads(l) for l in f if l.strip()]
    pairs = collections.OrderedDict()
    for c in all_cases:
        if args.repo and c["repo"] != args.repo:
            continue
        pairs.setdefault((c["repo"], c["old"], c["new"]), []).append(c)
    pairs = list(pairs.items())[: args.limit] if args.limit else list(pairs.items())
    for mode in (["symbol", "lines"] if args.mode == "both" else [args.mode]):
        run_mode(args, pairs, mode)
    if args.timing:
        timing(args, all_cases)


if __name__ == "__main__":
    main()
