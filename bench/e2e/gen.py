#!/usr/bin/env python3
"""Writes the end-to-end benchmark: mappings/REPO.json (in the shapes real teams write, issue 11 point 4) at an OLD
commit of each bundle, and truth/REPO.json: where each reference's declaration is at the NEW commit (the tip).

  python3 bench/e2e/gen.py [--bench DIR] [--work DIR]

Deterministic (fixed seed, sorted inputs). The truth is computed without specmap: python `ast` for flask, the
scanner in decls.py for Humanizer, and git's own rename detection for files (`git diff -M -l0 OLD NEW`). A
declaration is the same at NEW when, in order: (1) the same qualified name (C#: and parameter types) is in the
file git says it became; (2) that name is unique among all files of the language at NEW (moved); (3) C#: the same
type.member with another parameter list, unique in the file (signature changed); (4) Python: the one declaration
at NEW with the same simple name and kind whose text is at least 75% similar (difflib) to the old text (moved into
another class or module); else it is deleted.
"""
import argparse
import collections
import difflib
import json
import os
import random
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.dirname(HERE))
from decls import csharp_decls, python_decls, python_class_fields  # noqa: E402
from run import clone as clone_of  # noqa: E402  (bench/run.py: WORK/REPO.git, a bare clone of the bundle)

SEED = 11
DISTANCE = 300  # first-parent commits before the tip


def git(clone, *args):
    return subprocess.run(["git", "-C", clone, *args], check=True, capture_output=True, text=True).stdout


class Repo:
    def __init__(self, name, clone, ext, root):
        self.name, self.clone, self.ext, self.root = name, clone, ext, root
        commits = git(clone, "rev-list", "--first-parent", "bench").split()
        self.new, self.old = commits[0], commits[DISTANCE]
        self._cache = {}

    def files(self, commit):
        return sorted(f for f in git(self.clone, "ls-tree", "-r", "--name-only", commit).split("\n")
                      if f.endswith(self.ext))

    def text(self, commit, path):
        key = (commit, path)
        if key not in self._cache:
            if not hasattr(self, "_batch"):
                self._batch = subprocess.Popen(["git", "-C", self.clone, "cat-file", "--batch"],
                                               stdin=subprocess.PIPE, stdout=subprocess.PIPE)
            self._batch.stdin.write(f"{commit}:{path}\n".encode())
            self._batch.stdin.flush()
            header = self._batch.stdout.readline().decode().split()
            if len(header) < 3 or header[1] != "blob":
                self._cache[key] = None
            else:
                data = self._batch.stdout.read(int(header[2]))
                self._batch.stdout.read(1)
                self._cache[key] = data.decode("utf-8-sig", errors="replace")
        return self._cache[key]

    def decls(self, commit, path):
        """[{qname, kind, start, def_line, end, sig, key}] with key = what makes it the same declaration."""
        if ("decls", commit, path) in self._cache:
            return self._cache[("decls", commit, path)]
        t = self.text(commit, path)
        if t is None:
            return []
        out = self._cache[("decls", commit, path)] = []
        if self.ext == ".py":
            for q, kind, s, d, e, _ in python_decls(t):
                out.append(dict(qname=q, kind=kind, start=s, def_line=d, end=e, sig=None, key=q))
        else:
            for q, kind, s, d, e, sig in csharp_decls(t):
                out.append(dict(qname=q, kind=kind, start=s, def_line=d, end=e, sig=sig, key=q + (sig or "")))
        return out

    def renames(self):
        out = {}
        for line in git(self.clone, "diff", "-M", "-l0", "--name-status", self.old, self.new).split("\n"):
            parts = line.split("\t")
            if parts[0].startswith("R"):
                out[parts[1]] = parts[2]
        return out


def body(repo, commit, path, d):
    lines = (repo.text(commit, path) or "").split("\n")
    return "\n".join(lines[d["start"] - 1:d["end"]])


def locate(repo, path, d, renames, new_index):
    """Truth at NEW for the declaration d of OLD path: (dict(file, start, def_line, end, qname), how) or (None, 'deleted')."""
    new_path = renames.get(path, path)
    here = [x for x in repo.decls(repo.new, new_path) if x["key"] == d["key"]]
    if len(here) == 1:
        how = "same" if new_path == path else "file renamed"
        return dict(file=new_path, **{k: here[0][k] for k in ("start", "def_line", "end", "qname")}), how
    anywhere = new_index.get(d["key"], [])
    if len(anywhere) == 1:
        f, x = anywhere[0]
        return dict(file=f, **{k: x[k] for k in ("start", "def_line", "end", "qname")}), "moved"
    if repo.ext == ".cs":
        same_name = [x for x in repo.decls(repo.new, new_path) if x["qname"] == d["qname"]]
        if d["sig"] is not None and len(same_name) == 1:
            x = same_name[0]
            return dict(file=new_path, **{k: x[k] for k in ("start", "def_line", "end", "qname")}), "signature changed"
        if same_name or any(key.split("(")[0] == d["qname"] for key in new_index):
            return None, "uncertain"  # the same Type.Member is still somewhere: no single defensible answer
    if repo.ext == ".py":
        old_text = body(repo, repo.old, path, d)
        simple = d["qname"].split(".")[-1]
        best = []
        for key, places in new_index.items():
            if key.split(".")[-1] != simple:
                continue
            for f, x in places:
                if x["kind"] != d["kind"]:
                    continue
                r = difflib.SequenceMatcher(None, old_text, body(repo, repo.new, f, x), autojunk=False).ratio()
                if r >= 0.5:
                    best.append((r, f, x))
        if len(best) == 1 and best[0][0] >= 0.75:
            _, f, x = best[0]
            return dict(file=f, **{k: x[k] for k in ("start", "def_line", "end", "qname")}), "moved (similar text)"
        if best:
            return None, "uncertain"  # rewritten (50-75% similar) or several candidates: left out of the sample
    return None, "deleted"


def index_new(repo):
    idx = collections.defaultdict(list)
    for f in repo.files(repo.new):  # every file of the language: a declaration may leave the package folder
        for x in repo.decls(repo.new, f):
            idx[x["key"]].append((f, x))
    return idx


def candidates(repo):
    """Declarations at OLD that a name picks out unambiguously in their file, with their truth at NEW."""
    renames = repo.renames()
    new_index = index_new(repo)
    basenames = collections.Counter(os.path.basename(f) for f in repo.files(repo.old))
    out = []
    for path in repo.files(repo.old):
        if not path.startswith(repo.root):
            continue
        ds = repo.decls(repo.old, path)
        keys = collections.Counter(x["key"] for x in ds)
        names = collections.Counter(x["qname"] for x in ds)
        for d in ds:
            if keys[d["key"]] > 1 or d["kind"] in ("namespace", "enum", "interface", "struct", "record"):
                continue
            truth, how = locate(repo, path, d, renames, new_index)
            if how == "uncertain":
                continue
            out.append(dict(path=path, d=d, truth=truth, how=how, unique_name=names[d["qname"]] == 1,
                            unique_base=basenames[os.path.basename(path)] == 1))
    return out


def pick(cands, rng, quotas):
    """A fixed-seed sample stratified by what happened (same / shifted / renamed / moved / deleted) and kind."""
    def category(c):
        t, d = c["truth"], c["d"]
        if t is None:
            return "deleted"
        if c["how"] != "same":
            return c["how"]
        return "unchanged" if (t["start"], t["end"]) == (d["start"], d["end"]) else "shifted"
    by = collections.defaultdict(list)
    for c in cands:
        c["category"] = category(c)
        by[(c["category"], c["d"]["kind"])].append(c)
    print("  pools: " + ", ".join(f"{k[0]}/{k[1]} {len(v)}" for k, v in sorted(by.items())), file=sys.stderr)
    chosen = []
    for (cat, kind), want in quotas.items():
        pool = by.get((cat, kind), [])
        chosen.extend(rng.sample(pool, min(want, len(pool))))
    return chosen


def esc(s):
    return s.replace("~", "~0").replace("/", "~1")


def short_symbol(repo, c):
    """What a team writes after `#` or a colon: the qualified name, with the C# parameter list when the name alone
    is not unique in the file."""
    d = c["d"]
    if repo.ext == ".cs" and d["sig"] is not None and not c["unique_name"]:
        return d["qname"] + d["sig"]
    return d["qname"]


SHAPES = ["compact_sym", "basename_sym", "colon_sym", "code_location_line", "code_location_obj", "object", "lines"]
# shape -> (key, value, written as a single line?) for one declaration
SHAPE_WRITERS = {
    "compact_sym": lambda path, base, d, sym: ("implementation", f"{path}:{d['start']}-{d['end']}#{sym}", False),
    "basename_sym": lambda path, base, d, sym: ("implementation", f"{base}:{d['start']}-{d['end']}#{sym}", False),
    "colon_sym": lambda path, base, d, sym: ("implementation", f"{base}:{sym}", False),
    "code_location_line": lambda path, base, d, sym: ("code_location", f"{path}:{d['def_line']}", True),
    "code_location_obj": lambda path, base, d, sym: (
        "code_location", {"file": path, "line": f"{d['start']}-{d['end']}", "handler": d["qname"].split(".")[-1]}, False),
    "object": lambda path, base, d, sym: (
        "implementation", {"file": path, "lines": f"{d['start']}-{d['end']}", "symbol": sym}, False),
    "lines": lambda path, base, d, sym: ("implementation", f"{path}:{d['start']}-{d['end']}", False),
}
STATUSES = [{"status": "implemented"}, {"implemented": True}, {"status": "BROKEN - Bug #5 not fixed"},
            {"implemented": False}, {"status": "partial"}, {"status": "DONE (see PR)"}]


def build(repo, chosen, rng, contracts, docs):
    mapping = collections.OrderedDict()
    mapping["project"] = repo.name
    mapping["verified_at"] = repo.old
    mapping["endpoints"] = collections.OrderedDict()
    truth = []
    fields = [c for c in chosen if c["d"]["kind"] in ("field", "property")]
    others = [c for c in chosen if c not in fields]
    rng.shuffle(others)
    section = mapping["endpoints"]

    def add_truth(pointer, part, c, single_line, shape):
        t = c["truth"]
        truth.append(dict(pointer=pointer, part=part, kind=c["d"]["kind"], category=c["category"], shape=shape,
                          old=dict(file=c["path"], start=c["d"]["start"], end=c["d"]["end"], qname=c["d"]["qname"]),
                          expect=t, single_line=single_line))

    i = 0
    while i < len(others):
        c = others[i]
        d, path = c["d"], c["path"]
        base = os.path.basename(path)
        shape = SHAPES[i % len(SHAPES)]
        if shape in ("basename_sym", "colon_sym") and not c["unique_base"]:
            shape = "compact_sym"
        if i % 11 == 10 and i + 1 < len(others):
            shape = "prose"
        name = f"{d['kind']} {d['qname']}"
        if name in section:  # overloads: the item name must stay unique
            name += d["sig"] or f" (line {d['def_line']})"
        item = collections.OrderedDict()
        item.update(STATUSES[i % len(STATUSES)])
        ptr = f"/endpoints/{esc(name)}"
        sym = short_symbol(repo, c)
        if shape in SHAPE_WRITERS:
            key, value, single = SHAPE_WRITERS[shape](path, base, d, sym)
            item[key] = value
            add_truth(f"{ptr}/{key}", value if isinstance(value, str) else json.dumps(value), c, single, shape)
        elif shape == "prose":
            c2 = others[i + 1]
            p1 = f"{path}:{d['def_line']}"
            p2 = f"{c2['path']}:{c2['d']['start']}-{c2['d']['end']}"
            item["implementation"] = f"{p1} and {p2}"
            add_truth(ptr + "/implementation", p1, c, True, "prose, first")
            add_truth(ptr + "/implementation", p2, c2, False, "prose, second")
            i += 1
        if i % 5 == 0:
            item["notes"] = "checked by hand during the spring review"
        section[name] = item
        i += 1
    # Context that names the symbol: "Class": {"field": {"code_location": "file.py:LINE"}}.
    models = collections.OrderedDict()
    for c in sorted(fields, key=lambda c: c["d"]["qname"]):
        d = c["d"]
        cls, field = d["qname"].rsplit(".", 1)
        where = os.path.basename(c["path"]) if c["unique_base"] else c["path"]
        assert field not in models.get(cls, {}), (cls, field)
        models.setdefault(cls, collections.OrderedDict())[field] = {"code_location": f"{where}:{d['def_line']}"}
        add_truth(f"/models/{esc(cls)}/{esc(field)}/code_location", models[cls][field]["code_location"], c, True,
                  "context names the field")
    mapping["models"] = models
    mapping["contracts"] = contracts
    mapping["docs"] = collections.OrderedDict()
    assert len({t["pointer"] + "\0" + t["part"] for t in truth}) == len(truth), "duplicate reference in the truth"
    for key, (ref, t) in docs.items():
        mapping["docs"][key] = {"status": "implemented", ("spec_ref" if len(mapping["docs"]) % 2 == 0 else "spec_reference"): ref}
        which = "spec_ref" if "spec_ref" in mapping["docs"][key] else "spec_reference"
        truth.append(dict(pointer=f"/docs/{esc(key)}/{which}", part=ref, kind="doc", category=t["how"], old=None, shape=which,
                          expect=t["expect"], single_line=False))
    return mapping, truth


def doc_ref(repo, old_path, start, end, renames):
    """A doc line range and its truth: the same block of text, found once in the file at NEW."""
    old = repo.text(repo.old, old_path).split("\n")
    block = old[start - 1:end]
    new_path = renames.get(old_path, old_path)
    new_text = repo.text(repo.new, new_path)
    hits = []
    if new_text is not None:
        lines = new_text.split("\n")
        for k in range(len(lines) - len(block) + 1):
            if lines[k:k + len(block)] == block:
                hits.append(k + 1)
    ref = f"{os.path.basename(old_path)}:{start}-{end}"
    if new_text is None:
        return ref, {"how": "deleted", "expect": None}
    if len(hits) != 1:
        return None, None  # changed text: no single right answer, left out
    return ref, {
        "how": "same" if (new_path, hits[0]) == (old_path, start) else "doc moved",
        "expect": dict(file=new_path, start=hits[0], def_line=hits[0], end=hits[0] + len(block) - 1, qname=None)}


# ----------------------------------------------------------------------------------------- contract truth

def py_fields_at_new(repo, cls):
    """Fields of a Python class at NEW with inherited ones from bases in the repository; None when unreadable."""
    for f in repo.files(repo.new):
        if not f.startswith(repo.root):
            continue
        got = python_class_fields(repo.text(repo.new, f), cls)
        if got:
            fields, bases = got
            out = {}
            for b in bases:
                inherited = py_fields_at_new(repo, b.split(".")[-1])
                out.update(inherited or {})
            out.update(fields)
            return out
    return None


def cs_properties_at_new(repo, cls):
    import re
    for f in repo.files(repo.new):
        if not f.startswith(repo.root):
            continue
        t = repo.text(repo.new, f)
        ds = csharp_decls(t)
        if any(x[0].split(".")[-1] == cls and x[1] in ("class", "struct", "record") for x in ds):
            props = {}
            lines = t.split("\n")
            for q, kind, s, dl, e, sig in ds:
                if kind == "property" and q.split(".")[-2] == cls:
                    m = re.match(r"^\s*(?:(?:public|readonly|static|virtual|override|required)\s+)*([\w.?<>\[\], ]+?)\s+\w+\s*(\{|=>)", lines[dl - 1])
                    props[q.split(".")[-1]] = m.group(1) if m else None
            return props
    return None


def contract_truth(repo, contracts, planted):
    """planted: {item: {field: 'missing' | 'type' | 'ok' | 'unreadable'}}; checked against the code at NEW."""
    out = []
    for item, fields in planted.items():
        spec = contracts[item]
        cls = spec.get("model") or spec.get("request_model") or spec.get("response_model")
        cls = cls.split("#")[-1].split(".")[-1]
        have = py_fields_at_new(repo, cls) if repo.ext == ".py" else cs_properties_at_new(repo, cls)
        rf = spec["required_fields"]
        for idx, (field, expect) in enumerate(fields.items()):
            if expect == "unreadable":
                assert have is None, (item, cls, "should be outside the repository")
            elif expect in ("missing", "inherited-outside"):
                assert have is not None and field not in have, (item, field, have)
            else:
                assert have is not None and field in have, (item, field, sorted(have or {}))
            ptr = f"/contracts/{esc(item)}/required_fields/" + (str(rf.index(field)) if isinstance(rf, list) else esc(field))
            out.append(dict(item=f"/contracts/{esc(item)}", pointer=ptr, field=field, expect=expect,
                            code_type=(have or {}).get(field), model=cls))
    return out


# ----------------------------------------------------------------------------------------- the two repositories

FLASK_CONTRACTS = collections.OrderedDict([
    ("Scaffold settings", {"status": "implemented", "request_model": "Scaffold",
                           "required_fields": {"name": "string", "_static_folder": "string?", "blueprint_name": "string"}}),
    ("JSON tags", {"implemented": True, "model": "src/flask/json/tag.py#JSONTag",
                   "required_fields": ["key", "tag_name"]}),
    ("Application object", {"status": "partial", "response_model": "Flask",
                            "required_fields": {"jinja_options": "string", "session_interface": "object",
                                                "test_client_class": "object?"}}),
    ("Request wrapper", {"status": "implemented", "model": "src/flask/wrappers.py#Request",
                         "required_fields": {"url_rule": "object?", "view_args": "object?", "method": "string"}}),
    ("Response wrapper", {"status": "BROKEN - Bug #5 not fixed", "response_model": "Response",
                          "required_fields": ["default_mimetype"]}),
])
FLASK_PLANTED = {
    "Scaffold settings": {"name": "ok", "_static_folder": "ok", "blueprint_name": "missing"},
    "JSON tags": {"key": "ok", "tag_name": "missing"},
    "Application object": {"jinja_options": "type", "session_interface": "ok", "test_client_class": "ok"},
    # `method` comes from werkzeug's Request, outside the repository: it cannot be judged missing.
    "Request wrapper": {"url_rule": "ok", "view_args": "ok", "method": "inherited-outside"},
    "Response wrapper": {"default_mimetype": "ok"},
}

HUMANIZER_CONTRACTS = collections.OrderedDict([
    ("ByteSize units", {"status": "implemented", "model": "src/Humanizer/Bytes/ByteSize.cs#ByteSize",
                        "required_fields": {"Bits": "integer", "Bytes": "number", "Zettabytes": "number"}}),
    ("ByteSize symbols", {"implemented": True, "response_model": "ByteSize",
                          "required_fields": {"LargestWholeNumberSymbol": "array<string>", "Kilobytes": "number"}}),
    ("Transfer rate", {"status": "partial", "model": "ByteRate", "required_fields": ["Size", "Interval", "Rate"]}),
    ("Culture", {"status": "implemented", "request_model": "CultureInfo", "required_fields": ["Name"]}),
])
HUMANIZER_PLANTED = {
    "ByteSize units": {"Bits": "ok", "Bytes": "ok", "Zettabytes": "missing"},
    "ByteSize symbols": {"LargestWholeNumberSymbol": "type", "Kilobytes": "ok"},
    "Transfer rate": {"Size": "ok", "Interval": "ok", "Rate": "missing"},
    # System.Globalization.CultureInfo is not in the repository: not checkable, never a fault.
    "Culture": {"Name": "unreadable"},
}

QUOTAS = {
    "flask": {("unchanged", "function"): 3, ("unchanged", "method"): 3, ("shifted", "function"): 8,
              ("shifted", "method"): 12, ("shifted", "class"): 4, ("shifted", "field"): 5, ("unchanged", "field"): 2,
              ("file renamed", "method"): 4, ("file renamed", "class"): 2, ("file renamed", "field"): 3,
              ("moved", "method"): 6, ("moved", "class"): 2, ("moved", "field"): 2,
              ("moved (similar text)", "method"): 4, ("moved (similar text)", "function"): 2,
              ("deleted", "function"): 3, ("deleted", "method"): 5, ("deleted", "field"): 2, ("deleted", "class"): 1},
    "humanizer": {("unchanged", "method"): 6, ("unchanged", "class"): 3, ("unchanged", "property"): 4,
                  ("unchanged", "constructor"): 2, ("shifted", "method"): 12, ("shifted", "class"): 4,
                  ("shifted", "property"): 6, ("shifted", "constructor"): 3, ("file renamed", "method"): 5,
                  ("moved", "method"): 5, ("moved", "class"): 2, ("signature changed", "method"): 5,
                  ("deleted", "method"): 6, ("deleted", "class"): 3, ("deleted", "property"): 3,
                  ("deleted", "constructor"): 2},
}


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--bench", default="/work/shared/bench/reloc")
    p.add_argument("--work", default="/tmp/specmap-bench")
    args = p.parse_args()
    os.makedirs(os.path.join(HERE, "mappings"), exist_ok=True)
    os.makedirs(os.path.join(HERE, "truth"), exist_ok=True)
    for name, ext, root, contracts, planted, doc_blocks in [
        ("flask", ".py", "src/flask/", FLASK_CONTRACTS, FLASK_PLANTED, [("CODE_OF_CONDUCT.md", "Our Pledge")]),
        ("humanizer", ".cs", "src/Humanizer/", HUMANIZER_CONTRACTS, HUMANIZER_PLANTED, [("readme.md", h) for h in ("Humanize String", "Dehumanize String", "Transform String", "Truncate String", "Humanize Enums", "Dehumanize Enums", "Features")]),
    ]:
        repo = Repo(name, clone_of(args.bench, args.work, name), ext, root)
        rng = random.Random(SEED)
        chosen = pick(candidates(repo), rng, QUOTAS[name])
        docs = collections.OrderedDict()
        renames = repo.renames()
        for doc, heading in doc_blocks:
            lines = repo.text(repo.old, doc).split("\n")
            starts = [k + 1 for k, l in enumerate(lines) if l.lstrip("#").strip() == heading and l.startswith("#")]
            if starts and len(docs) < 4:
                s = starts[0]
                for label, end in (("heading", s), ("section start", s + 2)):
                    ref, t = doc_ref(repo, doc, s, end, renames)
                    if ref:
                        docs[f"{heading} ({label})"] = (ref, t)
        mapping, truth = build(repo, chosen, rng, contracts, docs)
        ctruth = contract_truth(repo, contracts, planted)
        with open(os.path.join(HERE, "mappings", f"{name}.json"), "w") as f:
            json.dump(mapping, f, indent=2)
            f.write("\n")
        with open(os.path.join(HERE, "truth", f"{name}.json"), "w") as f:
            json.dump({"repo": name, "old": repo.old, "new": repo.new, "references": truth, "contracts": ctruth},
                      f, indent=1, sort_keys=True)
            f.write("\n")
        cats = collections.Counter((t["category"], t["kind"]) for t in truth)
        print(f"{name}: {len(mapping['endpoints'])} items, {len(truth)} references, {len(ctruth)} contract fields; "
              + ", ".join(f"{k[0]}/{k[1]} {v}" for k, v in sorted(cats.items())))


if __name__ == "__main__":
    main()
