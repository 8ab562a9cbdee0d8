#!/usr/bin/env bash
# Installs what a fresh machine (the .NET SDK and python3 only) lacks. Idempotent; safe to run twice.
set -euo pipefail
cd "$(dirname "$0")/.."
# The hook tests run the real pre-commit framework (Debian's package); they skip with a reason without it.
if ! command -v pre-commit >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
    apt-get update
    apt-get install -y pre-commit
fi
dotnet restore SpecMapValidator.sln
