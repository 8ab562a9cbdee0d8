#!/usr/bin/env python3
"""Scores specmap on the end-to-end benchmark: runs `specmap validate MAP --repo CLONE --against NEW --format json`
for each mapping under bench/e2e/mappings and compares the report with bench/e2e/truth.

  python3 bench/e2e/score.py [--repo flask|humanizer] [--work DIR] [--bench DIR] [--examples N]

References: right target / reported with a reason (lost, ambiguous, invalid, or a diagnostic at the reference's
pointer with no reference entry) / silently wrong (ok or relocated, target not the truth) / silently skipped (the
truth has a reference there and specmap reported nothing at all; "skipped, item warned" when the only word is a
diagnostic elsewhere in the same item, e.g. SMV0002 on a free-text status or SMV0301 "no code reference"). A target is right when the file is the truth's
and start is the declaration's first line or its declaration line and end its last line; a reference written as a
single line (`file.py:341`) is right when the target starts there. Truth `deleted`: lost or invalid is right.
Contracts, per required field: planted faults caught (SMV0303 for a missing field, SMV0304 for a wrong type, at the
field's pointer) or missed (with or without the model read: a `kind: model` reference with a target in the item);
correct fields checked and quiet, or silently unchecked (model never read, nothing said); false alarms (SMV0303/
SMV0304 on a correct field, or on one specmap cannot see: inherited from outside the repository, or a model outside
it); "said not checked" (an info diagnostic on the item), which is the right answer for the last two. Build first: dotnet build -c Release src/SpecMap.Cli
"""
import argparse
import collections
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
DLL = os.path.join(ROOT, "src/SpecMap.Cli/bin/Release/net10.0/specmap.dll")
sys.path.insert(0, os.path.dirname(HERE))
from run import clone as clone_of  # noqa: E402  (bench/run.py: WORK/REPO.git, a bare clone of the bundle)

CONTRACT_IDS = {"missing": "SMV0303", "type": "SMV0304"}


def run(clone, mapping, new):
    proc = subprocess.run(["dotnet", DLL, "validate", mapping, "--repo", clone, "--against", new, "--format", "json"],
                          capture_output=True, text=True)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"specmap failed ({proc.returncode}): {proc.stderr.strip()[:2000]}")
    return json.loads(proc.stdout), proc.returncode


def right(t, target):
    if target is None or target["file"] != t["expect"]["file"]:
        return False
    e = t["expect"]
    if t["single_line"]:
        return target["start"] in (e["start"], e["def_line"])
    return target["start"] in (e["start"], e["def_line"]) and target["end"] == e["end"]


def score_refs(truth, report):
    refs = collections.defaultdict(list)
    diags = collections.defaultdict(list)
    for m in report["mappings"]:
        for r in m["references"]:
            refs[r["pointer"]].append(r)
        for d in m["diagnostics"]:
            if d.get("pointer"):
                diags[d["pointer"]].append(d)
    used = set()
    rows = []

    def skipped(t):
        """No reference at the pointer: a diagnostic there is a report; one elsewhere in the item only a hint."""
        if diags.get(t["pointer"]):
            return "reported"
        item = t["pointer"].rsplit("/", 1)[0]
        hinted = any(p.startswith(item + "/") for p in diags)
        return "skipped, item warned" if hinted else "silently skipped"

    for t in truth["references"]:
        here = [r for r in refs.get(t["pointer"], []) if id(r) not in used]
        r = next((x for x in here if x.get("original") == t["part"]), None)
        # References joined in prose share the whole string as `original`: the first one not yet taken that holds the part.
        if r is None:
            r = next((x for x in here if t["part"] in (x.get("original") or "")), None)
        if r is None and len(here) == 1 and len(refs[t["pointer"]]) == 1:
            r = here[0]
        if r is not None:
            used.add(id(r))
        status = r["status"] if r else None
        target = r.get("target") if r else None
        if t["expect"] is None:  # deleted
            if r is None:
                verdict = skipped(t)
            elif status in ("lost", "invalid"):
                verdict = "right"
            elif status == "ambiguous":
                verdict = "reported"
            else:
                verdict = "silently wrong"
        elif r is None:
            verdict = skipped(t)
        elif status in ("ok", "relocated"):
            verdict = "right" if right(t, target) else "silently wrong"
        else:
            verdict = "reported"
        why = status or ",".join(sorted({d["id"] for d in diags.get(t["pointer"], [])})) or "-"
        rows.append((t, verdict, r, why))
    return rows


def score_contracts(truth, report):
    diags = [d for m in report["mappings"] for d in m["diagnostics"]]
    model_refs = [r for m in report["mappings"] for r in m["references"] if r["kind"] == "model"]
    rows = []
    for c in truth["contracts"]:
        on_field = [d for d in diags if d.get("pointer") == c["pointer"]
                    or (d.get("pointer", "").startswith(c["item"] + "/") and f"'{c['field']}'" in d.get("message", ""))]
        ids = {d["id"] for d in on_field}
        not_checked = [d for d in diags if d.get("pointer", "").startswith(c["item"] + "/") and d["severity"] == "info"]
        model_read = any(r["pointer"].startswith(c["item"] + "/") and r.get("target") for r in model_refs)
        if c["expect"] in CONTRACT_IDS:
            if CONTRACT_IDS[c["expect"]] in ids:
                verdict = "caught"
            elif ids & {"SMV0303", "SMV0304"}:
                verdict = "other fault id"
            elif not_checked:
                verdict = "said not checked"
            else:
                verdict = "missed, model read" if model_read else "missed, model not read"
        elif ids & {"SMV0303", "SMV0304"}:
            verdict = "false alarm"
        elif not_checked:
            verdict = "said not checked"
        elif c["expect"] == "ok" and model_read:
            verdict = "checked, quiet"
        else:
            verdict = "silently unchecked"
        rows.append((c, verdict, sorted(ids), [d["message"] for d in on_field + not_checked][:2]))
    return rows


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--bench", default="/work/shared/bench/reloc")
    p.add_argument("--work", default="/tmp/specmap-bench")
    p.add_argument("--repo", choices=["flask", "humanizer"], action="append")
    p.add_argument("--examples", type=int, default=12)
    args = p.parse_args()
    all_rows, all_contracts, shape_diags = [], [], collections.Counter()
    for repo in args.repo or ["flask", "humanizer"]:
        with open(os.path.join(HERE, "truth", f"{repo}.json")) as f:
            truth = json.load(f)
        mapping = os.path.join(HERE, "mappings", f"{repo}.json")
        report, code = run(clone_of(args.bench, args.work, repo), mapping, truth["new"])
        rows = score_refs(truth, report)
        all_rows += [(repo,) + r for r in rows]
        all_contracts += [(repo,) + r for r in score_contracts(truth, report)]
        for m in report["mappings"]:
            for d in m["diagnostics"]:
                if d["id"] in ("SMV0002", "SMV0301"):
                    shape_diags[(repo, d["id"], d.get("pointer", "").split("/")[-1])] += 1
        s = report["summary"]
        print(f"{repo}: exit {code}, {s['references']} references reported ({s['by_status']}), "
              f"{s['errors']} errors, {s['warnings']} warnings, {s['infos']} infos; truth has {len(rows)}")
    verdicts = ["right", "reported", "silently wrong", "skipped, item warned", "silently skipped"]
    print("\n## References\n")
    print("| repo | kind | category | n | " + " | ".join(verdicts) + " |")
    print("|---|---|---|---:|" + "---:|" * len(verdicts))
    table = collections.defaultdict(collections.Counter)
    for repo, t, verdict, _, _ in all_rows:
        table[(repo, t["kind"], t["category"])][verdict] += 1
        table[(repo, "**all**", "")][verdict] += 1
    for key in sorted(table, key=lambda k: (k[0], k[1] == "**all**", k[1], k[2])):
        c = table[key]
        print(f"| {key[0]} | {key[1]} | {key[2]} | {sum(c.values())} | " + " | ".join(str(c[v]) for v in verdicts) + " |")
    print("\n## References by the shape they are written in\n")
    print("| shape | n | " + " | ".join(verdicts) + " |")
    print("|---|---:|" + "---:|" * len(verdicts))
    by_shape = collections.defaultdict(collections.Counter)
    for repo, t, verdict, _, _ in all_rows:
        by_shape[t.get("shape", "?")][verdict] += 1
    for shape in sorted(by_shape):
        c = by_shape[shape]
        print(f"| {shape} | {sum(c.values())} | " + " | ".join(str(c[v]) for v in verdicts) + " |")
    print("\n## Contracts (required fields)\n")
    cv = ["caught", "checked, quiet", "said not checked", "other fault id", "missed, model read",
          "missed, model not read", "silently unchecked", "false alarm"]
    print("| repo | expected | n | " + " | ".join(cv) + " |")
    print("|---|---|---:|" + "---:|" * len(cv))
    ct = collections.defaultdict(collections.Counter)
    for repo, c, verdict, _, _ in all_contracts:
        ct[(repo, c["expect"])][verdict] += 1
    for key in sorted(ct):
        print(f"| {key[0]} | {key[1]} | {sum(ct[key].values())} | " + " | ".join(str(ct[key][v]) for v in cv) + " |")
    if shape_diags:
        print("\nShape/status diagnostics (free-text statuses and `implemented` must not be mapping errors):")
        for (repo, i, where), n in sorted(shape_diags.items()):
            print(f"- {repo} {i} at .../{where}: {n}")
    print("\n## Failing references (examples)")
    by = collections.defaultdict(list)
    for repo, t, verdict, r, why in all_rows:
        if verdict != "right":
            by[verdict].append((repo, t, r, why))
    for verdict in verdicts[1:]:
        if not by[verdict]:
            continue
        print(f"\n### {verdict}: {len(by[verdict])}")
        for repo, t, r, why in by[verdict][: args.examples]:
            e = t["expect"]
            want = f'{e["file"]}:{e["start"]}-{e["end"]}' if e else "deleted"
            tg = r.get("target") if r else None
            got = f'{tg["file"]}:{tg["start"]}-{tg["end"]}' if tg else "no target"
            print(f"- {repo} `{t['part']}` ({t['kind']}, {t['category']}): want {want}; got {why} {got}")
    print("\n## Contract fields not as expected")
    for repo, c, verdict, ids, msgs in all_contracts:
        if verdict not in ("caught", "checked, quiet"):
            print(f"- {repo} {c['model']}.{c['field']} (expect {c['expect']}): {verdict} {ids} {msgs[:1]}")


if __name__ == "__main__":
    main()
