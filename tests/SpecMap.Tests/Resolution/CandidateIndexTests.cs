using SpecMap.Core.History;
using SpecMap.Core.Resolution;

namespace SpecMap.Tests.Resolution;

/// <summary>The search for a lost declaration reads only the changed files where its name occurs (issue 15).</summary>
public sealed class CandidateIndexTests
{
    private static readonly Dictionary<string, string> Files = new()
    {
        ["a.py"] = "def create_responses(request):\n    return request\n",
        ["b.py"] = "def create_responses_v2(request):\n    return request\n",
        ["c.cs"] = "class C { int Convert(int v) => v; string Name => \"x\"; }\n",
        ["d.cs"] = "class D { int \\u0043onvert(int v) => v; }\n",
        ["e.cs"] = "class E { public static E operator +(E a, E b) => a; }\n",
    };

    private static readonly CandidateIndex Index = CandidateIndex.Build([.. Files.Keys],
        path => CandidateFacts.Of(Files[path]));

    [Fact]
    public void A_name_is_looked_for_as_a_whole_identifier()
    {
        Assert.Equal(["a.py"], Index.MayDeclare(["a.py", "b.py", "c.cs", "e.cs"], "create_responses"));
        Assert.Equal(["c.cs"], Index.MayDeclare(["a.py", "b.py", "c.cs", "e.cs"], "Convert"));
        Assert.Empty(Index.MayDeclare(["a.py", "b.py"], "missing"));
    }

    [Fact]
    public void Files_the_split_cannot_be_sure_of_and_names_that_are_no_identifier_stay_candidates()
    {
        // A unicode escape can spell the name; an operator's name is not one identifier; an unindexed path is unknown.
        Assert.Equal(["c.cs", "d.cs"], Index.MayDeclare(["c.cs", "d.cs", "e.cs"], "Convert"));
        Assert.Equal(["a.py", "e.cs"], Index.MayDeclare(["a.py", "e.cs"], "operator +"));
        Assert.Equal(["new.py"], Index.MayDeclare(["new.py", "a.py"], "Convert"));
    }

    [Fact]
    public void Contains_answers_as_the_text_would_for_fragments_of_identifiers()
    {
        // A file with escapes too: the fragment is looked for in the raw text, as string.Contains does.
        foreach (var path in Files.Keys)
        {
            foreach (var fragment in new[] { "create_responses", "responses_v2", "onvert", "Convert", "u0043onvert", "request", "Name", "operator" })
            {
                Assert.Equal(Files[path].Contains(fragment, StringComparison.Ordinal), Index.Contains(path, fragment));
            }
        }
        // Not a fragment of one identifier, a path not indexed: the index cannot tell.
        Assert.Null(Index.Contains("a.py", "(request)"));
        Assert.Null(Index.Contains("new.py", "Convert"));
    }

    [Fact]
    public void A_word_is_held_whole_or_not_and_unknown_where_the_index_cannot_tell()
    {
        Assert.True(Index.HasWord("c.cs", "Convert"));
        Assert.False(Index.HasWord("c.cs", "onvert"));
        Assert.False(Index.HasWord("b.py", "create_responses"));
        // An escape may spell it, a path not indexed, a name that is no identifier.
        Assert.Null(Index.HasWord("d.cs", "Convert"));
        Assert.Null(Index.HasWord("new.py", "Convert"));
        Assert.Null(Index.HasWord("e.cs", "operator +"));
    }

    [Fact]
    public void A_word_held_as_written_is_in_the_text_even_where_an_escape_may_spell_others()
    {
        // d.cs spells Convert with an escape: the words as written are `u0043onvert` and the rest, each in its text.
        foreach (var (path, text) in Files)
        {
            foreach (var word in CandidateFacts.Of(text).Words)
            {
                Assert.True(Index.HoldsWritten(path, word));
                Assert.Contains(word, text, StringComparison.Ordinal);
            }
        }
        Assert.True(Index.HoldsWritten("d.cs", "u0043onvert"));
        Assert.False(Index.HoldsWritten("d.cs", "Convert"));
        Assert.Null(Index.HoldsWritten("new.py", "Convert"));
        Assert.Null(Index.HoldsWritten("e.cs", "operator +"));
    }

    [Fact]
    public void A_file_shares_with_a_body_at_most_the_tokens_it_holds()
    {
        var body = TextDiff.Tokens(["def create_responses(request):", "    return request"]);
        var shared = Index.Shared(body);
        // All eight tokens are in a.py; b.py has another name; c.cs only the parentheses; an unindexed path is unknown.
        Assert.Equal(8, shared.For("a.py"));
        Assert.Equal(7, shared.For("b.py"));
        Assert.Equal(2, shared.For("c.cs"));
        Assert.Null(shared.For("new.py"));
    }
}
