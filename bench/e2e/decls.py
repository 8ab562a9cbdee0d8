"""Independent declaration finders for the end-to-end benchmark's truth (no specmap code involved).

Python: the standard `ast` module. C#: a small scanner written for this benchmark: it blanks comments and string
literals, tracks braces to know the enclosing types, recognises type, method, constructor and property headers with
regular expressions, and ends a declaration at its matching brace (or at the `;` of an expression body). Range
conventions follow the contract: a declaration starts at its first decorator / attribute line and ends at the last
line of its body; a Python class field is its statement plus the attribute docstring right under it.
"""
import ast
import re


# ----------------------------------------------------------------------------------------------------- Python

def python_decls(source):
    """[(qname, kind, start, def_line, end, node)] for classes, functions, methods and class fields."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return []
    out = []

    def body_of(stmts):
        # Definitions inside if/try/with of a module or class belong to that module or class.
        for s in stmts:
            yield s
            if isinstance(s, (ast.If, ast.With, ast.AsyncWith)):
                yield from body_of(s.body)
                yield from body_of(getattr(s, "orelse", []))
            elif isinstance(s, ast.Try):
                yield from body_of(s.body)
                for h in s.handlers:
                    yield from body_of(h.body)
                yield from body_of(s.orelse)
                yield from body_of(s.finalbody)

    def visit(stmts, prefix, in_class):
        flat = list(body_of(stmts))
        for i, s in enumerate(flat):
            if isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                start = min([d.lineno for d in s.decorator_list] + [s.lineno])
                q = prefix + s.name
                kind = "class" if isinstance(s, ast.ClassDef) else ("method" if in_class else "function")
                out.append((q, kind, start, s.lineno, s.end_lineno, s))
                if isinstance(s, ast.ClassDef):
                    visit(s.body, q + ".", True)
            elif in_class and isinstance(s, (ast.Assign, ast.AnnAssign)):
                targets = s.targets if isinstance(s, ast.Assign) else [s.target]
                names = [t.id for t in targets if isinstance(t, ast.Name)]
                end = s.end_lineno
                nxt = flat[i + 1] if i + 1 < len(flat) else None
                if isinstance(nxt, ast.Expr) and isinstance(getattr(nxt, "value", None), ast.Constant) \
                        and isinstance(nxt.value.value, str):
                    end = nxt.end_lineno
                for n in names:
                    out.append((prefix + n, "field", s.lineno, s.lineno, end, s))

    visit(tree.body, "", False)
    return out


def python_class_fields(source, cls):
    """{field: annotation text} of the class's annotated (or assigned) body statements, or None if no such class."""
    tree = ast.parse(source)
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef) and node.name == cls:
            fields = {}
            for s in node.body:
                if isinstance(s, ast.AnnAssign) and isinstance(s.target, ast.Name):
                    fields[s.target.id] = ast.unparse(s.annotation)
                elif isinstance(s, ast.Assign):
                    for t in s.targets:
                        if isinstance(t, ast.Name):
                            fields[t.id] = None
            bases = [ast.unparse(b) for b in node.bases]
            return fields, bases
    return None


# ----------------------------------------------------------------------------------------------------- C#

def blank_csharp(text):
    """Comments and string/char literals replaced by spaces (newlines kept), so braces and parens can be counted."""
    out = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        nxt = text[i + 1] if i + 1 < n else ""
        if c == "/" and nxt == "/":
            j = text.find("\n", i)
            j = n if j < 0 else j
            out.append(" " * (j - i))
            i = j
        elif c == "/" and nxt == "*":
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            out.append(re.sub(r"[^\n]", " ", text[i:j]))
            i = j
        elif re.match(r'[$@]*"""', text[i:i + 8]):  # raw string literal, also interpolated ($"""...""", $$"""...""")
            q = text.index('"""', i)
            j = text.find('"""', q + 3)
            j = n if j < 0 else j + 3
            while j < n and text[j] == '"':
                j += 1
            out.append(re.sub(r"[^\n]", " ", text[i:j]))
            i = j
        elif c == '"' or (c in "@$" and nxt == '"') or (c in "@$" and nxt in "@$" and text[i + 2:i + 3] == '"'):
            verbatim = "@" in text[i:i + 2]
            j = text.index('"', i) + 1
            while j < n:
                if verbatim and text[j] == '"' and text[j + 1:j + 2] == '"':
                    j += 2
                    continue
                if not verbatim and text[j] == "\\":
                    j += 2
                    continue
                if text[j] == '"':
                    j += 1
                    break
                if not verbatim and text[j] == "\n":  # unterminated: stop before the line break
                    break
                j += 1
            out.append(re.sub(r"[^\n]", " ", text[i:j]))
            i = j
        elif c == "'":
            m = re.match(r"'(\\.[^']*|[^'\\])'", text[i:])
            if m:
                out.append("'" + " " * (len(m.group(0)) - 2) + "'")
                i += len(m.group(0))
            else:
                out.append(c)
                i += 1
        else:
            out.append(c)
            i += 1
    return "".join(out)


MODS = r"(?:(?:public|internal|private|protected|static|sealed|abstract|partial|readonly|unsafe|virtual|override|async|extern|new|required|file)\s+)"
TYPE_RE = re.compile(r"^\s*" + MODS + r"*(class|struct|interface|enum|record(?:\s+struct|\s+class)?)\s+(\w+)")
METHOD_RE = re.compile(r"^\s*" + MODS + r"+(?:[\w.?\[\],<>() ]+?\s+)?(\w+)\s*(<[^(){}=;]*?>)?\s*\(")
PROPERTY_RE = re.compile(r"^\s*" + MODS + r"+[\w.?\[\],<>() ]+?\s+(\w+)\s*(?:\{|=>|$)")
NOT_NAMES = {"if", "for", "foreach", "while", "switch", "using", "lock", "catch", "return", "new", "nameof", "typeof",
             "sizeof", "default", "when", "operator", "this", "base", "get", "set", "init", "add", "remove", "event",
             "delegate", "implicit", "explicit", "checked", "unchecked", "fixed", "throw", "await", "var", "public",
             "internal", "private", "protected", "static", "sealed", "abstract", "partial", "readonly", "unsafe",
             "virtual", "override", "async", "extern", "required", "file"}


def _split_top(s, sep=","):
    parts, depth, cur = [], 0, []
    for ch in s:
        if ch in "<([{":
            depth += 1
        elif ch in ">)]}":
            depth -= 1
        if ch == sep and depth == 0:
            parts.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
    if "".join(cur).strip():
        parts.append("".join(cur))
    return parts


def _param_types(plist):
    types = []
    for p in _split_top(plist):
        p = re.sub(r"^\s*(\[[^\]]*\]\s*)+", " ", p)  # attributes
        p = (_split_top(p, "=") or [""])[0].strip()
        if not p:
            continue
        p = re.sub(r"\s+", " ", p)
        m = re.match(r"^(.*\S)\s+(@?\w+)$", p)
        t = m.group(1) if m else p
        t = re.sub(r"\s*([<>,\[\]?*])\s*", r"\1", t)  # `Dictionary<string, int>` -> `Dictionary<string,int>`
        types.append(t)
    return types


def csharp_decls(text):
    """[(qname, kind, start, def_line, end, signature)]: qname is the enclosing type names and the member name
    joined by dots (no namespace), signature `(T1, T2)` for methods and constructors, None otherwise."""
    raw_lines = text.split("\n")
    blank = blank_csharp(text)
    lines = blank.split("\n")
    # Offsets of line starts for position <-> line.
    starts, pos = [], 0
    for ln in lines:
        starts.append(pos)
        pos += len(ln) + 1

    def line_of(p):
        lo, hi = 0, len(starts) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if starts[mid] <= p:
                lo = mid
            else:
                hi = mid - 1
        return lo + 1

    pairs = {}
    stacks = {"{": [], "(": []}
    for k, ch in enumerate(blank):
        if ch in stacks:
            stacks[ch].append(k)
        elif ch in "})":
            st = stacks["{" if ch == "}" else "("]
            if st:
                pairs[st.pop()] = k

    def matching(p, open_ch="{", close_ch="}"):
        return pairs.get(p, len(blank) - 1)

    def end_of_member(p):
        """From a member header at p: position of its last character."""
        paren = 0
        for j in range(p, len(blank)):
            ch = blank[j]
            if ch in "([":
                paren += 1
            elif ch in ")]":
                paren -= 1
            elif paren == 0 and ch == "{":
                k = matching(j)
                rest = blank[k + 1:blank.find("\n", k + 1) if blank.find("\n", k + 1) >= 0 else len(blank)].strip()
                if rest.startswith("="):  # property initializer
                    return blank.find(";", k)
                return k
            elif paren == 0 and blank.startswith("=>", j):
                depth = 0
                for k in range(j, len(blank)):
                    if blank[k] in "([{":
                        depth += 1
                    elif blank[k] in ")]}":
                        depth -= 1
                    elif blank[k] == ";" and depth == 0:
                        return k
                return len(blank) - 1
            elif paren == 0 and ch == ";":
                return j
        return len(blank) - 1

    def attr_start(ln):
        s = ln
        while s > 1:
            prev = lines[s - 2].strip()
            if prev.startswith("[") and prev.endswith("]"):
                s -= 1
            else:
                break
        return s

    depth_at = [0] * (len(blank) + 1)  # brace depth before each position
    dep = 0
    for k, ch in enumerate(blank):
        depth_at[k] = dep
        if ch == "{":
            dep += 1
        elif ch == "}":
            dep -= 1
    depth_at[len(blank)] = dep
    out = []
    type_stack = []  # (name, closing position, opening brace position)
    depth_closers = []
    p = 0
    for idx, ln in enumerate(lines):
        lineno = idx + 1
        here = starts[idx]
        while type_stack and type_stack[-1][1] < here:
            type_stack.pop()
        scope = ".".join(t[0] for t in type_stack)
        # Only members directly inside a type (not inside method bodies): the line must sit at the type's depth.
        inside_body = bool(type_stack) and depth_at[here] - depth_at[type_stack[-1][2]] != 1
        if inside_body:
            continue
        m = TYPE_RE.match(ln)
        if m:
            brace = blank.find("{", here)
            semi = blank.find(";", here)
            if brace < 0 or (0 <= semi < brace and "(" not in blank[here:semi]):
                continue
            if 0 <= semi < brace:  # positional record without body: `record R(int A);`
                end_pos = semi
                close = semi
            else:
                close = matching(brace)
                end_pos = close
            name = m.group(2)
            q = f"{scope}.{name}" if scope else name
            out.append((q, "record" if m.group(1).startswith("record") else m.group(1), attr_start(lineno), lineno,
                        line_of(end_pos), None))
            if close != semi:
                type_stack.append((name, close, brace))
            continue
        if not type_stack:
            continue
        m = METHOD_RE.match(ln)
        if re.match(r"^\s*new\s+[\w.]+\s*[(<{\[]", ln):  # `new Foo(...)` continuing an initializer, not a member
            m = None
        if m and m.group(1) not in NOT_NAMES and "=" not in ln[:m.start(1)] and " operator " not in ln \
                and not re.search(r"\b(event|delegate)\b", ln[:m.start(1)]):
            name = m.group(1)
            open_p = here + m.end() - 1
            close_p = matching(open_p, "(", ")")
            sig = "(" + ", ".join(_param_types(blank[open_p + 1:close_p])) + ")"
            end_pos = end_of_member(close_p + 1)
            kind = "constructor" if name == type_stack[-1][0] else "method"
            out.append((f"{scope}.{name}", kind, attr_start(lineno), lineno, line_of(end_pos), sig))
            continue
        m = PROPERTY_RE.match(ln)
        if m and m.group(1) not in NOT_NAMES and "=" not in ln[:m.start(1)] and "(" not in ln[:m.start(1)] \
                and not re.search(r"\b(event|delegate|const)\b", ln[:m.start(1)]):
            tail = blank[here + m.end(1):here + m.end(1) + 200].lstrip()
            if not (tail.startswith("{") or tail.startswith("=>")):
                continue
            end_pos = end_of_member(here + m.end(1))
            out.append((f"{scope}.{m.group(1)}", "property", attr_start(lineno), lineno, line_of(end_pos), None))
    return out
