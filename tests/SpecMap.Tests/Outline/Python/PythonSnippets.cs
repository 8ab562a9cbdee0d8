namespace SpecMap.Tests.Outline.Python;

/// <summary>Python inputs that fool naive scanners, each with the exact outline expected (`kind name qname start def end level`).</summary>
internal static class PythonSnippets
{
    /// <summary>One input; <paramref name="AstParses"/> is false when CPython 3.11's ast rejects it (Python 2, 3.12 syntax, broken code).</summary>
    public sealed record Snippet(string Name, string Source, string[] Expected, bool AstParses = true);

    public static IReadOnlyList<Snippet> All { get; } =
    [
        new("classes_methods_locals", """"
            import os

            class A:
                x = 1
                y: int = 2
                """doc of y"""

                @property
                def f(self):
                    return 1

                async def g(self):
                    def inner():
                        pass
                    return inner

            def top():
                class Local:
                    def m(self): pass
                return Local
            """",
            [
                "class A A 3 3 15 0",
                "field x A.x 4 4 4 1",
                "field y A.y 5 5 6 1",
                "method f A.f 8 9 10 1",
                "method g A.g 12 12 15 1",
                "local inner A.g.inner 13 13 14 2",
                "function top top 17 17 20 0",
                "class Local top.Local 18 18 19 1",
                "method m top.Local.m 19 19 19 2",
            ]),
        new("decorators_spanning_lines", """
            # a leading comment is not part of the range
            @app.route(
                "/x",
                methods=["GET"],
            )
            # a comment between decorators
            @other
            def view():
                return (
                    1
                )
            """,
            ["function view view 2 8 11 0"]),
        new("strings_that_look_like_code", """"
            def a():
                s = """
            def fake():
                pass
            """
                t = r'\' def x(): '
                return s
            x = '''class Fake:
                pass'''
            def b(): return rb"\"" + Fr"{x!r:>{10}}" + u'it''s' + B'\''
            """",
            ["function a a 1 1 7 0", "function b b 10 10 10 0"]),
        new("fstrings_312_nested_quotes", """"
            def f(items):
                return f"{", ".join(f"{x["k"]}" for x in items)}"

            def g():
                return f"""{
                    1 + 1  # a comment in a field } "
                }"""

            def h(): pass
            """",
            ["function f f 1 1 2 0", "function g g 4 4 7 0", "function h h 9 9 9 0"],
            AstParses: false),
        new("fstrings_braces_and_specs", """
            class C:
                a = f"{{not a field}} {1:{'>'}{10}} {'}'}"
                b = f'{"{"}'
                def m(self): return f"{self!r:}}}" + rf'\{{'
            """,
            ["class C C 1 1 4 0", "field a C.a 2 2 2 1", "field b C.b 3 3 3 1", "method m C.m 4 4 4 1"]),
        new("brackets_and_continuations", """
            x = [
                1,
                2,
            ]
            def f(a,
                  b=(1,
                     2)):
                return a + \
                    b
            class K(
                object
            ): pass
            """,
            ["function f f 5 5 9 0", "class K K 10 10 12 0"]),
        new("semicolons_and_one_liners", """
            class A: x = 1; y = 2
            class B: pass; z = 3
            def f(): pass; return 1
            class D:
                a = 1; "doc of a"
                b = c = 2
                d, (e, *g) = h = 1, (2, 3)
                self.attr = 1
                k[0] = 2
                m += 1
                [n, o] = p, = 1, 2
            """,
            [
                "class A A 1 1 1 0", "field x A.x 1 1 1 1", "field y A.y 1 1 1 1",
                "class B B 2 2 2 0", "field z B.z 2 2 2 1",
                "function f f 3 3 3 0",
                "class D D 4 4 11 0", "field a D.a 5 5 5 1", "field b D.b 6 6 6 1", "field c D.c 6 6 6 1",
                "field d D.d 7 7 7 1", "field e D.e 7 7 7 1", "field g D.g 7 7 7 1", "field h D.h 7 7 7 1",
                "field n D.n 11 11 11 1", "field o D.o 11 11 11 1", "field p D.p 11 11 11 1",
            ]),
        new("field_docstrings", """"
            class M:
                name: str = "x"
                """The name.

                More.
                """

                count = 0  # no docstring under it
                other = 1

                f"an f-string is not a docstring"
                flag: bool
                ("a parenthesized"
                 "docstring")
                data: bytes = b""
                b"bytes are not a docstring"
            """",
            [
                "class M M 1 1 16 0",
                "field name M.name 2 2 6 1",
                "field count M.count 8 8 8 1",
                "field other M.other 9 9 9 1",
                "field flag M.flag 12 12 14 1",
                "field data M.data 15 15 15 1",
            ]),
        new("compound_blocks_are_transparent", """
            import sys
            if sys.version_info >= (3,):
                def f(): pass
            else:
                def f(): return 1
            try:
                import x
            except ImportError:
                class X: pass
            finally:
                pass
            with open("a") as fh:
                def g(): pass
            for i in range(3):
                def h(): pass
            else:
                def h2(): pass
            while False:
                def w(): pass
            class C:
                if True:
                    def m(self): pass
                    z = 1
                else:
                    z = 2
                try:
                    def t(self): pass
                except Exception:
                    pass
            match sys.argv:
                case [_, "x"]:
                    def mm(): pass
                case _:
                    pass
            def outer():
                if True:
                    def inner(): pass
            """,
            [
                "function f f 3 3 3 0", "function f f 5 5 5 0", "class X X 9 9 9 0", "function g g 13 13 13 0",
                "function h h 15 15 15 0", "function h2 h2 17 17 17 0", "function w w 19 19 19 0",
                "class C C 20 20 29 0", "method m C.m 22 22 22 1", "field z C.z 23 23 23 1", "field z C.z 25 25 25 1",
                "method t C.t 27 27 27 1", "function mm mm 32 32 32 0",
                "function outer outer 35 35 37 0", "local inner outer.inner 37 37 37 1",
            ]),
        new("async_and_nested_classes", """
            class Outer:
                class Inner:
                    class Deepest:
                        v = 1
                        async def am(self):
                            async def helper():
                                pass
                @staticmethod
                async def s(): ...
            async def coro():
                def cb():
                    class K:
                        def km(self): pass
            """,
            [
                "class Outer Outer 1 1 9 0", "class Inner Outer.Inner 2 2 7 1", "class Deepest Outer.Inner.Deepest 3 3 7 2",
                "field v Outer.Inner.Deepest.v 4 4 4 3", "method am Outer.Inner.Deepest.am 5 5 7 3",
                "local helper Outer.Inner.Deepest.am.helper 6 6 7 4", "method s Outer.s 8 9 9 1",
                "function coro coro 10 10 13 0", "local cb coro.cb 11 11 13 1", "class K coro.cb.K 12 12 13 2",
                "method km coro.cb.K.km 13 13 13 3",
            ]),
        new("tabs_and_mixed_indentation",
            "class T:\n\tdef a(self):\n\t\treturn 1\n\tdef b(self):\n\t\tif x:\n\t\t        pass\n\t\treturn 2\n  \t# comment\n\tc = 3\n",
            ["class T T 1 1 9 0", "method a T.a 2 2 3 1", "method b T.b 4 4 7 1", "field c T.c 9 9 9 1"]),
        new("crlf_lone_cr_bom_no_final_newline",
            "\uFEFFclass A:\r\n    def f(self):\r\n        pass\r\n\r\ndef g():\r    return 1\rdef h(): pass",
            ["class A A 1 1 3 0", "method f A.f 2 2 3 1", "function g g 5 5 6 0", "function h h 7 7 7 0"]),
        new("empty_file", "", []),
        new("comments_only", "   \n# just a comment\n\n", []),
        new("python2", """
            print "hello"
            class Old:
                def m(self):
                    print >>sys.stderr, "x"
                    exec "code" in ns
                x = `1`
            def f():
                try:
                    pass
                except Exception, e:
                    raise E, "msg"
            """,
            ["class Old Old 2 2 6 0", "method m Old.m 3 3 5 1", "field x Old.x 6 6 6 1", "function f f 7 7 11 0"],
            AstParses: false),
        new("trailing_comments_and_strings", """"
            def f():
                x = 1
                # trailing comment

                    # an indented comment
            def g():
                return """
                multi
                """  # comment
            # end
            """",
            ["function f f 1 1 2 0", "function g g 6 6 9 0"]),
        new("unclosed_bracket_recovers_at_def", """
            x = foo(
            def later():
                pass
            class Z:
                pass
            """,
            ["function later later 2 2 3 0", "class Z Z 4 4 5 0"],
            AstParses: false),
        new("lambdas_in_headers_and_fields", """
            class L:
                key = lambda self, a=1: a
                handler: Callable = lambda: None
                d = {"a": 1}
                if (lambda: True)():
                    def m(self): pass
                s = x[1:2]
            """,
            [
                "class L L 1 1 7 0", "field key L.key 2 2 2 1", "field handler L.handler 3 3 3 1", "field d L.d 4 4 4 1",
                "method m L.m 6 6 6 1", "field s L.s 7 7 7 1",
            ]),
        new("soft_keywords_as_names", """
            class S:
                match = 1
                case = 2
                type = 3
                _ = 4
            def match(x): return x
            match(1)
            match = [1]
            match[0]: int = 5
            """,
            [
                "class S S 1 1 5 0", "field match S.match 2 2 2 1", "field case S.case 3 3 3 1",
                "field type S.type 4 4 4 1", "field _ S._ 5 5 5 1", "function match match 6 6 6 0",
            ]),
        new("unicode_names", """
            class Ünïcode:
                ñ = 1
                def 函数(self): pass
                µ = 2
                ﬁle = 3
            """,
            [
                "class Ünïcode Ünïcode 1 1 5 0", "field ñ Ünïcode.ñ 2 2 2 1", "method 函数 Ünïcode.函数 3 3 3 1",
                "field μ Ünïcode.μ 4 4 4 1", "field file Ünïcode.file 5 5 5 1",
            ]),
        new("class_level_statements_that_are_not_fields", """
            class N:
                pass
                print(x)
                x == 1
                del y
                global z
                assert w, "m=1"
                for q in range(3): r = q
            """,
            ["class N N 1 1 8 0", "field r N.r 8 8 8 1"]),
        new("async_compounds_and_else_clauses", """
            async def main():
                async with lock:
                    def in_with(): pass
                async for item in aiter():
                    def in_for(): pass
                try:
                    pass
                except* ValueError:
                    def in_except_star(): pass
                else:
                    def in_else(): pass
                while x:
                    pass
                else:
                    def in_while_else(): pass
            """,
            [
                "function main main 1 1 15 0", "local in_with main.in_with 3 3 3 1", "local in_for main.in_for 5 5 5 1",
                "local in_except_star main.in_except_star 9 9 9 1", "local in_else main.in_else 11 11 11 1",
                "local in_while_else main.in_while_else 15 15 15 1",
            ]),
        new("form_feeds_in_indentation",
            "\fclass F:\n\f    def m(self):\n\f        pass\n",
            ["class F F 1 1 3 0", "method m F.m 2 2 3 1"]),
        new("type_parameters_312", """
            class Box[T]:
                item: T
                def get[U](self, other: U) -> T | U: return self.item
            type Alias = Box[int]
            def f[*Ts, **P](x: int = 1) -> None: pass
            """,
            ["class Box Box 1 1 3 0", "field item Box.item 2 2 2 1", "method get Box.get 3 3 3 1", "function f f 5 5 5 0"],
            AstParses: false),
        new("multiline_values_and_docstring_rules", """"
            class V:
                """The class docstring is not a field's."""
                a = [
                    1,
                ]
                """Docstring of a."""
                b = 1
                c = 2
                """Docstring of c only."""
                d = (
                    "x" \
                    "y")
                if True:
                    e = 1
                """Not e's: it is not in e's block."""
                (y := 1)
            """",
            [
                "class V V 1 1 16 0", "field a V.a 3 3 6 1", "field b V.b 7 7 7 1", "field c V.c 8 8 9 1",
                "field d V.d 10 10 12 1", "field e V.e 14 14 14 1",
            ]),
    ];
}
