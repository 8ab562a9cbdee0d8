#!/usr/bin/env python3
"""Writes openapi.yaml here: a trimmed slice of OpenAI's OpenAPI document (MIT, see LICENSE) for the example.

  python3 mapping/examples/spec/make_slice.py [--bundle PATH] [--rev main]

It keeps `POST /responses` with its JSON request body and its `text/event-stream` union restricted to the events
the example server emits (the `streaming_events` of ../SPEC_TO_CODE_MAPPING.json that the spec defines), plus the
component schemas those reach within three `$ref` hops; deeper references become `{}` marked `x-specmap-trimmed`
(specmap never judges an unconstrained schema), and `x-` extensions are dropped. Reads `openapi.json` at REV of the
bundle (shared/specs/openai-openapi.bundle) with the standard library only; the output is deterministic.
"""
import argparse
import json
import os
import re
import subprocess
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(HERE)))
PREFIX = "#/components/schemas/"
MAX_HOPS = 3


def load(bundle, rev):
    with tempfile.TemporaryDirectory() as work:
        subprocess.run(["git", "clone", "-q", "--bare", bundle, os.path.join(work, "spec.git")], check=True)
        text = subprocess.run(["git", "--git-dir", os.path.join(work, "spec.git"), "show", f"{rev}:openapi.json"],
                              check=True, capture_output=True).stdout
        commit = subprocess.run(["git", "--git-dir", os.path.join(work, "spec.git"), "rev-parse", rev],
                                check=True, capture_output=True, text=True).stdout.strip()
    return json.loads(text), commit


def strip(node):
    """Drops `x-` extensions (examples and SDK hints: most of the bytes)."""
    if isinstance(node, dict):
        return {k: strip(v) for k, v in node.items() if not k.startswith("x-")}
    if isinstance(node, list):
        return [strip(v) for v in node]
    return node


def refs(node):
    if isinstance(node, dict):
        if isinstance(node.get("$ref"), str) and node["$ref"].startswith(PREFIX):
            yield node["$ref"][len(PREFIX):]
        for v in node.values():
            yield from refs(v)
    elif isinstance(node, list):
        for v in node:
            yield from refs(v)


def trim(node, keep):
    """References to schemas outside `keep` become unconstrained schemas that say what they stood for."""
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith(PREFIX) and ref[len(PREFIX):] not in keep:
            return {"x-specmap-trimmed": ref}
        return {k: trim(v, keep) for k, v in node.items()}
    if isinstance(node, list):
        return [trim(v, keep) for v in node]
    return node


def event_name(schema):
    prop = (schema.get("properties") or {}).get("type") or {}
    values = prop.get("enum") or ([prop["const"]] if "const" in prop else [])
    return values[0] if len(values) == 1 else None


PLAIN = re.compile(r"^[A-Za-z_$/][A-Za-z0-9_$./{}-]*$")


def scalar(value):
    if value is True:
        return "true"
    if value is False:
        return "false"
    if value is None:
        return "null"
    if isinstance(value, (int, float)):
        return json.dumps(value)
    return json.dumps(value, ensure_ascii=False)


def key(name):
    return name if PLAIN.match(name) and name not in ("true", "false", "null", "yes", "no", "on", "off") else json.dumps(name)


def emit(node, indent, out):
    """Block-style YAML; every string double-quoted (JSON escapes are valid YAML), so no value is re-typed."""
    pad = "  " * indent
    if isinstance(node, dict):
        for k, v in node.items():
            if isinstance(v, (dict, list)) and v:
                out.append(f"{pad}{key(k)}:")
                emit(v, indent + (1 if isinstance(v, dict) else 0), out)
            else:
                out.append(f"{pad}{key(k)}: {scalar(v) if not isinstance(v, (dict, list)) else ('{}' if isinstance(v, dict) else '[]')}")
    else:
        for v in node:
            if isinstance(v, dict) and v:
                lines = []
                emit(v, indent + 1, lines)
                out.append(f"{pad}- {lines[0].lstrip()}")
                out.extend(lines[1:])
            elif isinstance(v, list) and v:
                out.append(f"{pad}-")
                emit(v, indent + 1, out)
            else:
                out.append(f"{pad}- {scalar(v) if not isinstance(v, (dict, list)) else ('{}' if isinstance(v, dict) else '[]')}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bundle", default=os.path.join(os.path.dirname(ROOT), "shared", "specs", "openai-openapi.bundle"))
    parser.add_argument("--rev", default="main")
    args = parser.parse_args()
    doc, commit = load(args.bundle, args.rev)
    schemas = doc["components"]["schemas"]
    mapping = json.load(open(os.path.join(HERE, "..", "SPEC_TO_CODE_MAPPING.json")))
    wanted = {e["name"] for e in mapping["streaming_events"]}

    post = doc["paths"]["/responses"]["post"]
    stream = post["responses"]["200"]["content"]["text/event-stream"]["schema"]
    union = schemas[stream["$ref"][len(PREFIX):]]
    members = [m for m in union["anyOf"] if event_name(schemas[m["$ref"][len(PREFIX):]]) in wanted]
    union_name = stream["$ref"][len(PREFIX):]

    roots = [m["$ref"][len(PREFIX):] for m in members] + list(refs(post["requestBody"]))
    keep, frontier = set(roots), list(roots)
    for _ in range(MAX_HOPS):
        frontier = sorted({r for name in frontier for r in refs(schemas[name]) if r not in keep})
        keep.update(frontier)
    keep.add(union_name)

    sliced_schemas = {name: trim(strip(schemas[name]), keep) for name in sorted(keep) if name != union_name}
    sliced_schemas[union_name] = {"description": union.get("description", ""), "anyOf": members}
    operation = {k: strip(v) for k, v in post.items() if k in ("operationId", "tags", "summary", "requestBody")}
    operation["responses"] = {"200": {"description": "OK", "content": {
        "application/json": strip(post["responses"]["200"]["content"]["application/json"]),
        "text/event-stream": {"schema": {"$ref": PREFIX + union_name}},
    }}}
    sliced = {
        "openapi": doc["openapi"],
        "info": {"title": doc["info"]["title"] + " (slice for the specmap example)", "version": doc["info"]["version"],
                 "license": doc["info"].get("license", {"name": "MIT"})},
        "servers": doc["servers"],
        "paths": {"/responses": {"post": trim(operation, keep)}},
        "components": {"schemas": dict(sorted(sliced_schemas.items()))},
    }
    lines = [
        "# A trimmed slice of OpenAI's OpenAPI document (MIT, see LICENSE beside this file), for specmap's example.",
        f"# Generated by make_slice.py from openapi.json at {commit[:12]} of shared/specs/openai-openapi.bundle: do not edit.",
        f"# Events kept ({len(members)}): the streaming_events of ../SPEC_TO_CODE_MAPPING.json that the spec defines.",
    ]
    emit(sliced, 0, lines)
    with open(os.path.join(HERE, "openapi.yaml"), "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(lines) + "\n")
    missing = sorted(wanted - {event_name(schemas[m["$ref"][len(PREFIX):]]) for m in members})
    print(f"openapi.yaml: {len(members)} events, {len(sliced_schemas)} schemas; not in the spec: {', '.join(missing) or 'none'}")


if __name__ == "__main__":
    main()
