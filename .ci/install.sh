#!/usr/bin/env bash
# Installs what a fresh machine (the .NET SDK and python3 only) lacks. Idempotent; safe to run twice.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet restore SpecMapValidator.sln
