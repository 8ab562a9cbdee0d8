#!/usr/bin/env bash
# Installs what a fresh machine (the .NET SDK and python3 only) lacks. Idempotent; safe to run twice.
set -euo pipefail
cd "$(dirname "$0")/.."
# The hook tests run the real pre-commit framework (Debian's package); they skip with a reason without it.
if ! command -v pre-commit >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
    # A failed install must not stop the rest: the hook tests then skip, saying why.
    { apt-get update && apt-get install -y pre-commit; } \
        || echo "warning: Debian's pre-commit could not be installed; the hook tests will be skipped" >&2
fi
# The example server that `specmap probe` is tested against runs on Debian's FastAPI and uvicorn (pydantic 1.10), under
# /usr/bin/python3 (a pyenv python3 on PATH would not see them); the probe tests skip, saying why, without them.
if ! /usr/bin/python3 -c 'import fastapi, uvicorn' >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
    { apt-get update && apt-get install -y python3-fastapi python3-uvicorn; } \
        || echo "warning: python3-fastapi/python3-uvicorn could not be installed; the example-server probe tests will be skipped" >&2
fi
# The NativeAOT publish (issue 15) links with clang against zlib; .ci/run publishes artifacts/native/specmap when both
# are there and the native-vs-JIT test skips with a reason otherwise, so a failed install warns.
if { ! command -v clang >/dev/null 2>&1 || [ ! -e /usr/include/zlib.h ]; } && command -v apt-get >/dev/null 2>&1; then
    { apt-get install -y clang zlib1g-dev || { apt-get update && apt-get install -y clang zlib1g-dev; }; } \
        || echo "warning: clang/zlib1g-dev could not be installed; no native build, its test will be skipped" >&2
fi
dotnet restore SpecMapValidator.sln

# The SARIF Multitool (Microsoft's SARIF validator, from npm) for the SARIF test in tests/SpecMap.Tests/Output;
# the test skips with a reason when it is absent, so a failed install here warns instead of failing CI.
multitool=artifacts/tools/sarif-multitool
if [ ! -x "$multitool/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool" ] && command -v npm >/dev/null; then
  npm install --prefix "$multitool" --no-save --no-audit --no-fund --loglevel=error @microsoft/sarif-multitool-linux@5.7.0 \
    || echo "warning: the SARIF Multitool could not be installed; its test will be skipped" >&2
fi

# strace for the file-access audit (tests/SpecMap.Tests/Hostile/FileAccessAuditTests.cs); it skips, saying why, without it.
if ! command -v strace >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
    apt-get install -y strace || { apt-get update && apt-get install -y strace; } \
        || echo "warning: strace could not be installed; the file-access audit will be skipped" >&2
fi

# Headless Chromium (Debian's package) renders `validate --format html` in tests/SpecMap.Tests/Output/HtmlReportTests.cs;
# those tests skip, saying why, without it.
if [ ! -x /usr/bin/chromium ] && command -v apt-get >/dev/null 2>&1; then
    apt-get install -y chromium || { apt-get update && apt-get install -y chromium; } \
        || echo "warning: chromium could not be installed; the HTML report's browser tests will be skipped" >&2
fi
