"""The outline specmap's PythonOutliner must produce, computed with CPython's own parser (`ast`).

Usage:
  python3 py_ast_outline.py FILE...   prints each file's outline, one symbol a line
  python3 py_ast_outline.py < IN      IN is a JSON list of base64-encoded file contents; prints a JSON
                                      list with, per file, null (ast cannot parse it) or a list of
                                      [kind, name, qname, start, def_line, end, level]

Rules (the contract's): classes are "class"; a def directly in the module is "function", in a class
"method", in a function "local". Assignments directly in a class body are "field" (one per assigned
name), their range being the statement plus a bare str literal statement right after it. Compound
statements other than def/class (if, try, with, for, while, match) are transparent. start is the
first decorator's line, end is end_lineno.
"""
import ast
import base64
import json
import sys
import warnings

def outline(source):
    tree = ast.parse(source)
    symbols = []

    def target_names(target):
        if isinstance(target, ast.Name):
            return [target.id]
        if isinstance(target, (ast.Tuple, ast.List)):
            return [name for element in target.elts for name in target_names(element)]
        if isinstance(target, ast.Starred):
            return target_names(target.value)
        return []

    def visit(body, scope, prefix, depth):
        for index, node in enumerate(body):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                qname = prefix + node.name
                if isinstance(node, ast.ClassDef):
                    kind, inner = "class", "class"
                else:
                    kind, inner = {"module": "function", "class": "method", "function": "local"}[scope], "function"
                start = node.decorator_list[0].lineno if node.decorator_list else node.lineno
                symbols.append([kind, node.name, qname, start, node.lineno, node.end_lineno, depth])
                visit(node.body, inner, qname + ".", depth + 1)
            elif isinstance(node, (ast.Assign, ast.AnnAssign)):
                if scope != "class":
                    continue
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                names = [name for target in targets for name in target_names(target)]
                end = node.end_lineno
                following = body[index + 1] if index + 1 < len(body) else None
                if (isinstance(following, ast.Expr) and isinstance(following.value, ast.Constant)
                        and isinstance(following.value.value, str)):
                    end = following.end_lineno
                for name in names:
                    symbols.append(["field", name, prefix + name, node.lineno, node.lineno, end, depth])
            else:
                # In source order: try's handlers come before its else and finally.
                visit(getattr(node, "body", None) or [], scope, prefix, depth)
                for clause in (getattr(node, "handlers", None) or []) + (getattr(node, "cases", None) or []):
                    visit(clause.body, scope, prefix, depth)
                for field in ("orelse", "finalbody"):
                    visit(getattr(node, field, None) or [], scope, prefix, depth)

    visit(tree.body, "module", "", 0)
    return symbols


def try_outline(source):
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return outline(source)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None


def main():
    if len(sys.argv) > 1:
        for path in sys.argv[1:]:
            with open(path, "rb") as handle:
                symbols = try_outline(handle.read())
            print(f"== {path}" + (" (ast cannot parse it)" if symbols is None else ""))
            for symbol in symbols or []:
                print(" ".join(str(part) for part in symbol))
        return
    sources = json.load(sys.stdin)
    json.dump([try_outline(base64.b64decode(source)) for source in sources], sys.stdout)


if __name__ == "__main__":
    main()
