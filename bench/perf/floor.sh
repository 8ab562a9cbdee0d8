#!/usr/bin/env bash
# The floor (issue 15): only the git reads any tool must make to check a mapping against a commit.
#   floor.sh REPO OLD NEW FILES   # FILES: the referenced paths, one a line
# `git diff --name-status -M OLD NEW` (what changed, with renames) plus `git cat-file --batch` of the referenced
# blobs at both ends (OLD == NEW: one end).
set -euo pipefail
repo="$1" old="$2" new="$3" files="$4"
git -C "$repo" diff --name-status -M "$old" "$new" >/dev/null
{
    sed "s|^|$old:|" "$files"
    if [ "$old" != "$new" ]; then sed "s|^|$new:|" "$files"; fi
} | git -C "$repo" cat-file --batch >/dev/null
