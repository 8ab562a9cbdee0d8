#!/usr/bin/env python3
"""Renders a `script` capture as the terminal showed it, to an HTML page Chromium can screenshot.

    render-terminal.py CAPTURE [--timing FILE --at SECONDS] [--command TEXT] [--rows 40] [--cols 120] > page.html

A small terminal: printable text, CR, LF, backspace, erase-in-line and SGR colours (what specmap writes); other
escape sequences are dropped. With --timing/--at it stops where the capture was at that second of the run (a progress
line that is wiped at the end is seen mid-run). The last --rows rows are shown, under a prompt with --command.
"""
import argparse
import html
import re

PALETTE = ["#1e1e1e", "#f14c4c", "#23d18b", "#f5f543", "#3b8eea", "#d670d6", "#29b8db", "#e5e5e5"]
BRIGHT = ["#666666", "#f14c4c", "#23d18b", "#f5f543", "#3b8eea", "#d670d6", "#29b8db", "#ffffff"]


def body_of(raw: bytes) -> bytes:
    """The bytes between script's `Script started` and `Script done` lines."""
    if raw.startswith(b"Script started"):
        raw = raw[raw.index(b"\n") + 1:]
    end = raw.rfind(b"\nScript done")
    return raw[:end + 1] if end >= 0 else raw


def emulate(text: str, cols: int):
    lines = [[]]
    row, col, style = 0, 0, {}
    for token in re.findall(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b[=>]|\x1b\][^\x07]*\x07|.", text, re.S):
        if token.startswith("\x1b"):
            if token.endswith("m") and token.startswith("\x1b["):
                style = apply_sgr(style, token[2:-1])
            elif token.endswith("K"):
                del lines[row][col:]
            continue
        if token == "\r":
            col = 0
        elif token == "\n":
            row += 1
            col = 0
            if row == len(lines):
                lines.append([])
        elif token == "\b":
            col = max(0, col - 1)
        elif token >= " ":
            if col >= cols:
                row, col = row + 1, 0
                if row == len(lines):
                    lines.append([])
            line = lines[row]
            while len(line) < col:
                line.append((" ", {}))
            cell = (token, dict(style))
            if col < len(line):
                line[col] = cell
            else:
                line.append(cell)
            col += 1
    return lines


def apply_sgr(style, params):
    style = dict(style)
    codes = [int(p) if p else 0 for p in params.split(";")] if params else [0]
    for code in codes:
        if code == 0:
            style = {}
        elif code == 1:
            style["bold"] = True
        elif code == 2:
            style["dim"] = True
        elif code == 22:
            style.pop("bold", None)
            style.pop("dim", None)
        elif 30 <= code <= 37:
            style["fg"] = code - 30
        elif 90 <= code <= 97:
            style["fg"] = code - 90
            style["bright"] = True
        elif code == 39:
            style.pop("fg", None)
    return style


def css_of(style):
    rules = []
    if "fg" in style:
        rules.append("color:" + (BRIGHT if style.get("bold") or style.get("bright") else PALETTE)[style["fg"]])
    if style.get("bold"):
        rules.append("font-weight:700")
    if style.get("dim"):
        rules.append("opacity:.6")
    return ";".join(rules)


def to_html(lines, rows, cols, command):
    shown = lines[-rows:]
    out = []
    for line in shown:
        spans, current, run = [], None, ""
        for char, style in line:
            css = css_of(style)
            if css != current and run:
                spans.append((current, run))
                run = ""
            current = css
            run += char
        if run:
            spans.append((current, run))
        out.append("".join(f'<span style="{c}">{html.escape(t)}</span>' if c else html.escape(t) for c, t in spans))
    prompt = f'<span class="prompt">$</span> {html.escape(command)}\n' if command else ""
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><style>
body {{ margin: 0; background: #1e1e1e; }}
pre {{ margin: 0; padding: 14px 16px; width: {cols}ch; color: #e5e5e5; font: 14px/1.4 "DejaVu Sans Mono", monospace; }}
.prompt {{ color: #23d18b; font-weight: 700; }}
</style></head><body><pre>{prompt}{chr(10).join(out)}</pre></body></html>
"""


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("capture")
    parser.add_argument("--timing")
    parser.add_argument("--at", type=float)
    parser.add_argument("--command", default="")
    parser.add_argument("--rows", type=int, default=40)
    parser.add_argument("--cols", type=int, default=120)
    args = parser.parse_args()
    data = body_of(open(args.capture, "rb").read())
    if args.timing and args.at is not None:
        elapsed, offset = 0.0, 0
        for entry in open(args.timing):
            delay, count = entry.split()[:2]
            elapsed += float(delay)
            if elapsed > args.at:
                break
            offset += int(count)
        data = data[:offset]
    lines = emulate(data.decode("utf-8", "replace"), args.cols)
    while len(lines) > 1 and not lines[-1]:
        lines.pop()
    print(to_html(lines, args.rows, args.cols, args.command), end="")


if __name__ == "__main__":
    main()
