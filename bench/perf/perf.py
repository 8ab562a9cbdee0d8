#!/usr/bin/env python3
"""Speed benchmark (issue 15): specmap's time divided by the floor, paired in one run, plus peak RSS.

  python3 bench/perf/perf.py [--tool NAME=COMMAND]... [--reps N] [--cases a,b] [--big] [--work DIR]

A tool is a command line that runs specmap (`dotnet path/specmap.dll`, or a native `path/specmap`); the default is
the Release JIT build of this worktree and, when published, the native one in artifacts/native/. Every case runs
each tool and the floor alternately, N times, and prints medians of wall time and CPU time (user + system, which
the load of a shared machine disturbs less), the ratios tool / floor, and peak RSS. The floor (floor.sh) does
only `git diff --name-status -M OLD NEW` plus `git cat-file --batch` of the referenced blobs; for `--version` it
is an empty .NET program; for the hook it is `git diff --cached --name-only`.

Cases:
  version      specmap --version
  nodrift      99 references into Humanizer (the public relocation bundle), verified at the commit checked
               (cold: the outline cache removed before every run; warm: kept)
  relocation   the same mapping checked a year later (first-parent commit a year after verified_at)
  synthetic    10,000 references on a generated 20,000-file repository (half Python, half C#, ~200 lines each),
               a commit shifting 30% of the files and renaming 2%; --big adds 100,000 references
  hook         hooks/pre-commit with nothing relevant staged
"""
import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
HERE = os.path.dirname(os.path.abspath(__file__))
BENCH = "/work/shared/bench/reloc"


# ---- measuring -------------------------------------------------------------------------------------------------

TIME = "/usr/bin/time"


def measure(argv, env=None, cwd=None, ok=(0, 1)):
    """Runs argv once: (wall s, CPU s, peak RSS MiB). CPU from wait4 (the child's own rusage, its children included
    only when they were waited for, which git and dotnet do). Peak RSS from GNU time when installed: Linux carries a
    process's peak RSS across fork and exec, so wait4 on a child of this script reports at least this script's own
    peak (hundreds of MiB once the synthetic repository was generated); GNU time, a small process, forks the command
    itself and reports the command's own peak."""
    report = None
    if os.access(TIME, os.X_OK):
        fd, report = tempfile.mkstemp(prefix="perf-rss-")
        os.close(fd)
        argv = [TIME, "-q", "-f", "%M", "-o", report, *argv]
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, cwd=cwd)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    stderr = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
    proc.stderr.close()
    rss = usage.ru_maxrss / 1024
    if report is not None:
        with open(report) as f:
            lines = [line for line in f.read().split() if line.isdigit()]
        os.remove(report)
        rss = int(lines[-1]) / 1024 if lines else float("nan")
    if code not in ok:
        raise RuntimeError(f"{' '.join(argv)} exited {code}: {stderr.strip()[:1500]}")
    return wall, usage.ru_utime + usage.ru_stime, rss


def median(values):
    return statistics.median(values) if values else float("nan")


class Case:
    def __init__(self, name, floor, runs, before_each=None):
        self.name, self.floor, self.runs, self.before_each = name, floor, runs, before_each


def run_case(case, tools, reps):
    """Alternates floor and tools, reps times: the same load hits both sides of each ratio."""
    samples = {"floor": []}
    samples.update({t: [] for t in tools})
    for _ in range(reps):
        samples["floor"].append(measure(case.floor))
        for tool, command in tools.items():
            argv, env = case.runs(command)
            if case.before_each:
                case.before_each()
            samples[tool].append(measure(argv, env=env))
    floor_wall = median([s[0] for s in samples["floor"]])
    floor_cpu = median([s[1] for s in samples["floor"]])
    rows = []
    for name, runs in samples.items():
        wall, cpu, rss = median([s[0] for s in runs]), median([s[1] for s in runs]), max(s[2] for s in runs)
        rows.append((case.name, name, wall, cpu, rss, wall / floor_wall, cpu / max(floor_cpu, 1e-3)))
    return rows


def print_rows(rows):
    print(f"| case | run | wall s | CPU s | peak RSS MiB | wall ÷ floor | CPU ÷ floor |")
    print("|---|---|---:|---:|---:|---:|---:|")
    for case, name, wall, cpu, rss, ratio, cpu_ratio in rows:
        shown = "—" if name == "floor" else f"{ratio:.1f}"
        shown_cpu = "—" if name == "floor" else f"{cpu_ratio:.1f}"
        print(f"| {case} | {name} | {wall:.3f} | {cpu:.3f} | {rss:.0f} | {shown} | {shown_cpu} |")
    sys.stdout.flush()


# ---- fixtures ----------------------------------------------------------------------------------------------------

def git(*args, cwd=None, input=None):
    return subprocess.run(["git", *args], cwd=cwd, input=input, capture_output=True, check=True).stdout.decode()


def empty_program(work):
    """An empty .NET program (the floor of `--version`), built once."""
    folder = os.path.join(work, "empty")
    dll = os.path.join(folder, "bin", "empty.dll")
    if not os.path.exists(dll):
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, "empty.csproj"), "w") as f:
            f.write('<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><OutputType>Exe</OutputType>'
                    '<TargetFramework>net10.0</TargetFramework><AssemblyName>empty</AssemblyName></PropertyGroup></Project>\n')
        with open(os.path.join(folder, "Program.cs"), "w") as f:
            f.write("return 0;\n")
        subprocess.run(["dotnet", "build", folder, "-c", "Release", "-o", os.path.join(folder, "bin"), "-nologo", "-v", "quiet"],
                       check=True, capture_output=True)
    return ["dotnet", dll]


def humanizer(work):
    clone = os.path.join(work, "humanizer.git")
    if not os.path.isdir(clone):
        git("clone", "-q", "--bare", os.path.join(BENCH, "humanizer.bundle"), clone)
    return clone


def humanizer_mapping(work, tool, clone, old):
    """99 references at OLD: three declarations (first, middle, last method) of 33 files spread over src/Humanizer."""
    path = os.path.join(work, f"humanizer-{old[:8]}.json")
    if os.path.exists(path):
        return path
    files = [f for f in git("ls-tree", "-r", "--name-only", old, cwd=clone).splitlines()
             if f.endswith(".cs") and f.startswith("src/Humanizer/") and "/obj/" not in f]
    extract = tempfile.mkdtemp(dir=work)
    archive = subprocess.run(["git", "-C", clone, "archive", old], capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", extract], input=archive, check=True)
    items = []
    step = max(1, len(files) // 60)
    for file in files[::step]:
        out = subprocess.run([*tool, "outline", os.path.join(extract, file), "--format", "json"], capture_output=True, text=True)
        if out.returncode != 0:
            continue
        symbols = [s for s in json.loads(out.stdout)["files"][0]["symbols"] if s["kind"] == "method"]
        for s in {id(s): s for s in (symbols[:1] + symbols[len(symbols) // 2:len(symbols) // 2 + 1] + symbols[-1:])}.values():
            symbol = s["qname"] + (s.get("signature") or "")
            items.append({"name": f"case {len(items)}", "implementation": {"file": file, "lines": f'{s["start"]}-{s["end"]}', "symbol": symbol}})
        if len(items) >= 99:
            break
    shutil.rmtree(extract)
    with open(path, "w") as f:
        json.dump({"version": "1.1", "verified_at": old, "cases": items[:99]}, f, indent=1)
    return path


def referenced_files(mapping):
    with open(mapping) as f:
        return sorted({c["implementation"]["file"] for c in json.load(f)["cases"]})


def file_list(work, name, files):
    path = os.path.join(work, name)
    with open(path, "w") as f:
        f.write("".join(p + "\n" for p in files))
    return path


def python_file(rng, index):
    lines = [f'"""Module {index}."""', "import os", ""]
    functions = []
    while len(lines) < 200:
        k = len(functions)
        name = f"handle_{index}_{k}"
        start = len(lines) + 1
        body = [f"def {name}(value, other={k}):", f'    """Handles case {k} of module {index}."""',
                f"    total = value + other * {rng.randint(1, 99)}"]
        body += [f"    total = total * {rng.randint(2, 9)} + os.sep.count('{chr(97 + i)}')" for i in range(rng.randint(3, 8))]
        body += ["    return total", ""]
        lines += body
        functions.append((name, start, start + len(body) - 2))
    return "\n".join(lines) + "\n", functions


def csharp_file(rng, index):
    lines = ["using System;", "", f"namespace Bench.Area{index % 50};", "",
                                                         f"public sealed class Type{index}", "{"]
    methods = []
    while len(lines) < 198:
        k = len(methods)
        name = f"Handle{k}"
        start = len(lines) + 1
        body = [f"    public int {name}(int value, string other)", "    {", f"        var total = value + other.Length * {rng.randint(1, 99)};"]
        body += [f"        total = total * {rng.randint(2, 9)} + Environment.ProcessorCount;" for _ in range(rng.randint(3, 8))]
        body += ["        return total;", "    }", ""]
        lines += body
        methods.append((f"Bench.Area{index % 50}.Type{index}.{name}(int, string)", start, start + len(body) - 2))
    lines.append("}")
    return "\n".join(lines) + "\n", methods


def synthetic(work, files=20000):
    """The generated repository (bare, made with git fast-import, deterministic) and its declarations at commit 1."""
    repo = os.path.join(work, f"synthetic-{files}.git")
    meta = repo + ".json"
    if os.path.exists(meta):
        with open(meta) as f:
            info = json.load(f)
        # The path of this copy, not the one recorded: a fixture folder copied with `cp -a` must not run on the original.
        info["repo"] = repo
        return info
    shutil.rmtree(repo, ignore_errors=True)
    git("init", "-q", "--bare", repo)
    rng = random.Random(15)
    stream = []

    def blob(path, text):
        data = text.encode()
        stream.append(f"M 100644 inline {path}\ndata {len(data)}\n".encode() + data + b"\n")

    def commit(message, when, parent):
        stream.append(f"commit refs/heads/main\nmark :{2 if parent else 1}\ncommitter bench <bench@example.com> {when} +0000\n"
                      f"data {len(message)}\n{message}\n".encode() + (b"from :1\n" if parent else b""))

    paths, declarations, texts = [], [], []
    commit("one", 1700000000, False)
    for i in range(files):
        if i % 2 == 0:
            path = f"py/pkg{i % 100}/mod_{i}.py"
            text, symbols = python_file(rng, i)
        else:
            path = f"cs/Area{i % 100}/Type{i}.cs"
            text, symbols = csharp_file(rng, i)
        blob(path, text)
        paths.append(path)
        texts.append(text)
        declarations.append(symbols)
    commit("two: shift 30%, rename 2%", 1700086400, True)
    for i, path in enumerate(paths):
        roll = rng.random()
        if roll < 0.30:
            # Five lines inserted at the top: every declaration below moves down.
            prefix = "# shifted\n" if path.endswith(".py") else "// shifted\n"
            blob(path, prefix * 5 + texts[i])
        elif roll < 0.32:
            stream.append(f"R {path} moved/{path}\n".encode())
    data = b"".join(stream)
    subprocess.run(["git", "-C", repo, "fast-import", "--quiet"], input=data, check=True)
    old = git("rev-parse", "main~1", cwd=repo).strip()
    new = git("rev-parse", "main", cwd=repo).strip()
    info = {"repo": repo, "old": old, "new": new, "paths": paths, "declarations": declarations}
    with open(meta, "w") as f:
        json.dump(info, f)
    return info


def synthetic_mapping(work, info, references):
    path = os.path.join(work, f"synthetic-{references}.json")
    if not os.path.exists(path):
        items = []
        count = len(info["paths"])
        per_file = -(-references // count)
        step = max(1, count * per_file // references)
        # Every step-th file, alternating the offset so that both languages get references.
        for k in range(min(count, references)):
            index = k * step + (k % step)
            if index >= count:
                break
            file = info["paths"][index]
            for qname, start, end in info["declarations"][index][:per_file]:
                items.append({"name": f"case {len(items)}", "implementation": {"file": file, "lines": f"{start}-{end}", "symbol": qname}})
            if len(items) >= references:
                break
        with open(path, "w") as f:
            json.dump({"version": "1.1", "verified_at": info["old"], "cases": items[:references]}, f)
    return path


# ---- the cases -------------------------------------------------------------------------------------------------

def cache_of(repo):
    return os.path.join(repo, "specmap")


def validate_case(name, repo, mapping, old, new, files_path, cold):
    def runs(command):
        return [*command, "validate", mapping, "--repo", repo, "--against", new, "--format", "json"], None

    def wipe():
        shutil.rmtree(cache_of(repo), ignore_errors=True)

    return Case(name, [os.path.join(HERE, "floor.sh"), repo, old, new, files_path], runs, wipe if cold else None)


def hook_case(work):
    repo = os.path.join(work, "hook")
    if not os.path.isdir(repo):
        os.makedirs(repo)
        git("init", "-q", cwd=repo)
        with open(os.path.join(repo, "app.py"), "w") as f:
            f.write("def handler():\n    return 1\n")
        with open(os.path.join(repo, "SPEC_TO_CODE_MAPPING.json"), "w") as f:
            json.dump({"version": "1.1", "items": [{"name": "x", "implementation": "app.py:1-2"}]}, f)
        git("add", "-A", cwd=repo)
        git("-c", "user.name=b", "-c", "user.email=b@x", "commit", "-q", "-m", "one", cwd=repo)
    with open(os.path.join(repo, "notes.txt"), "w") as f:
        f.write(f"{time.time()}\n")
    git("add", "notes.txt", cwd=repo)

    def runs(command):
        env = dict(os.environ, SPECMAP=" ".join(command))
        return ["bash", "-c", f"cd {repo} && exec {os.path.join(ROOT, 'hooks', 'pre-commit')}"], env

    return Case("hook (nothing relevant staged)", ["git", "-C", repo, "diff", "--cached", "--name-only"], runs)


def default_tools():
    tools = {}
    dll = os.path.join(ROOT, "src/SpecMap.Cli/bin/Release/net10.0/specmap.dll")
    if os.path.exists(dll):
        tools["JIT"] = ["dotnet", dll]
    native = os.path.join(ROOT, "artifacts/native/specmap")
    if os.path.exists(native):
        tools["native"] = [native]
    return tools


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--tool", action="append", default=[], help="NAME=COMMAND (repeatable); default: JIT and native builds")
    p.add_argument("--reps", type=int, default=3)
    p.add_argument("--cases", default="version,nodrift,relocation,synthetic,hook")
    p.add_argument("--big", action="store_true", help="also 100,000 references on the synthetic repository")
    p.add_argument("--work", default="/tmp/specmap-perf")
    args = p.parse_args()
    os.makedirs(args.work, exist_ok=True)
    tools = {k: v.split() for k, v in (t.split("=", 1) for t in args.tool)} if args.tool else default_tools()
    if not tools:
        sys.exit("no specmap build: dotnet build -c Release src/SpecMap.Cli, or pass --tool NAME=COMMAND")
    wanted = args.cases.split(",")
    load = os.getloadavg()
    print(f"# specmap ÷ floor, {args.reps} paired runs, medians; load average {load[0]:.1f} {load[1]:.1f} {load[2]:.1f}, "
          f"{os.cpu_count()} cores; tools: " + "; ".join(f"{k} = {' '.join(v)}" for k, v in tools.items()))
    rows = []
    first_tool = next(iter(tools.values()))
    if "version" in wanted:
        rows += run_case(Case("--version", empty_program(args.work), lambda c: ([*c, "--version"], None)), tools, args.reps)
        print_rows(rows[-len(tools) - 1:])
    if "nodrift" in wanted or "relocation" in wanted:
        clone = humanizer(args.work)
        old = git("rev-parse", "392042ae", cwd=clone).strip()
        when = int(git("log", "-1", "--format=%ct", old, cwd=clone))
        new = git("rev-list", "--first-parent", "-1", f"--before={when + 365 * 86400}", "bench", cwd=clone).strip()
        mapping = humanizer_mapping(args.work, first_tool, clone, old)
        files = file_list(args.work, "humanizer-files.txt", referenced_files(mapping))
        for target, label in ((old, "no drift"), (new, "relocation, a year")):
            if ("nodrift" if target == old else "relocation") not in wanted:
                continue
            for cold in (True, False):
                case = validate_case(f"{label}, {'cold' if cold else 'warm'} cache", clone, mapping, old, target, files, cold)
                rows += run_case(case, tools, args.reps)
                print_rows(rows[-len(tools) - 1:])
    if "synthetic" in wanted:
        info = synthetic(args.work)
        for references in [10000] + ([100000] if args.big else []):
            mapping = synthetic_mapping(args.work, info, references)
            files = file_list(args.work, f"synthetic-files-{references}.txt", referenced_files(mapping))
            for cold in (True, False):
                case = validate_case(f"{references:,} refs on 20,000 files, {'cold' if cold else 'warm'}", info["repo"], mapping,
                                     info["old"], info["new"], files, cold)
                rows += run_case(case, tools, args.reps)
                print_rows(rows[-len(tools) - 1:])
    if "hook" in wanted:
        rows += run_case(hook_case(args.work), tools, args.reps)
        print_rows(rows[-len(tools) - 1:])
    print()
    print_rows(rows)


if __name__ == "__main__":
    main()
