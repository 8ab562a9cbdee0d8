using SpecMap.Core.History;

namespace SpecMap.Core.Resolution;

/// <summary>
/// Which of a search's candidate files (the changed files of one language) hold a word, read once per run: the search
/// for a lost declaration by its name then reads and outlines only the files where that name occurs as an identifier,
/// not every changed file again for every lost reference (issue 15: 41% of a relocation run). A declaration's name
/// is an identifier token of its file, so no file that could hold the declaration is left out. It also counts each
/// file's body tokens (<see cref="TextDiff.Tokens"/>), so the search by body skips, unread and unparsed, a file that
/// cannot hold enough of a lost body's tokens (<see cref="SharedTokens"/>).
/// </summary>
internal sealed class CandidateIndex
{
    private readonly Dictionary<string, int> _position = new(StringComparer.Ordinal);
    private readonly List<string> _paths = [];
    // Files whose identifiers the split cannot be sure of (C# unicode escapes such as `\u0041bc`): always candidates.
    private readonly HashSet<int> _unsure = [];
    // Each word's id, and the files holding word w (ascending) at _wordFiles[_wordStarts[w].._wordStarts[w + 1]]. Flat
    // arrays, not a list per word: the index lives through a relocation run's collections, and tens of thousands of
    // small lists made each of them mark and move the index again.
    private readonly Dictionary<string, int> _wordIds = new(StringComparer.Ordinal);
    private string[] _words = [];
    private int[] _wordStarts = [0];
    private int[] _wordFiles = [];
    // Each token hash's id (LineHashes.Hash), and the files holding token t, with how many times, at
    // _tokenFiles[_tokenStarts[t].._tokenStarts[t + 1]] (files ascending) and the same places of _tokenCounts.
    private readonly Dictionary<long, int> _tokenIds = [];
    private int[] _tokenStarts = [0];
    private int[] _tokenFiles = [];
    private int[] _tokenCounts = [];
    private readonly Dictionary<string, HashSet<int>> _containing = new(StringComparer.Ordinal);
    private (string Text, int[] Starts)? _vocabulary;

    private CandidateIndex()
    {
    }

    /// <param name="facts">The facts of a path's file (<see cref="CandidateFacts.Empty"/> for one not read as text).</param>
    public static CandidateIndex Build(IReadOnlyList<string> paths, Func<string, CandidateFacts> facts)
    {
        var index = new CandidateIndex();
        // First each file's words and tokens as ids (the facts themselves are let go), then the postings in file order.
        var fileWords = new int[paths.Count][];
        var fileTokens = new int[paths.Count][];
        var fileCounts = new int[paths.Count][];
        var words = new List<string>();
        var wordFiles = new List<int>();
        var tokenFiles = new List<int>();
        for (var i = 0; i < paths.Count; i++)
        {
            index._position[paths[i]] = i;
            index._paths.Add(paths[i]);
            var file = facts(paths[i]);
            if (file.Unsure)
            {
                index._unsure.Add(i);
            }
            fileWords[i] = Ids(index._wordIds, file.Words, wordFiles, word => words.Add(word));
            fileTokens[i] = Ids(index._tokenIds, file.TokenHashes, tokenFiles, _ => { });
            fileCounts[i] = file.TokenCounts;
        }
        index._words = [.. words];
        (index._wordStarts, index._wordFiles) = Postings(wordFiles, fileWords, counts: null, out _);
        (index._tokenStarts, index._tokenFiles) = Postings(tokenFiles, fileTokens, fileCounts, out index._tokenCounts);
        return index;
    }

    /// <summary>The ids of a file's distinct keys, giving new ones the next id; counts the files of each id.</summary>
    private static int[] Ids<TKey>(Dictionary<TKey, int> ids, TKey[] keys, List<int> filesPerId, Action<TKey> added)
        where TKey : notnull
    {
        var of = new int[keys.Length];
        for (var k = 0; k < keys.Length; k++)
        {
            ref var id = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(ids, keys[k], out var exists);
            if (!exists)
            {
                id = filesPerId.Count;
                filesPerId.Add(0);
                added(keys[k]);
            }
            filesPerId[id]++;
            of[k] = id;
        }
        return of;
    }

    /// <summary>Where each id's files start in the postings and the postings (each id's files ascending), with the
    /// count that goes with each posting when <paramref name="counts"/> is given.</summary>
    private static (int[] Starts, int[] Files) Postings(List<int> filesPerId, int[][] fileIds, int[][]? counts, out int[] postedCounts)
    {
        var starts = new int[filesPerId.Count + 1];
        for (var id = 0; id < filesPerId.Count; id++)
        {
            starts[id + 1] = starts[id] + filesPerId[id];
        }
        var files = new int[starts[^1]];
        postedCounts = counts is null ? [] : new int[files.Length];
        var next = starts[..^1];
        for (var file = 0; file < fileIds.Length; file++)
        {
            var ids = fileIds[file];
            for (var k = 0; k < ids.Length; k++)
            {
                var at = next[ids[k]]++;
                files[at] = file;
                if (counts is not null)
                {
                    postedCounts[at] = counts[file][k];
                }
            }
        }
        return (starts, files);
    }

    /// <summary>The files holding the word, ascending; empty for a word no file holds.</summary>
    private ReadOnlySpan<int> FilesOf(string word) => _wordIds.TryGetValue(word, out var id) ? FilesOf(id) : [];

    /// <summary>The files holding word <paramref name="id"/>, ascending.</summary>
    private ReadOnlySpan<int> FilesOf(int id) => _wordFiles.AsSpan(_wordStarts[id], _wordStarts[id + 1] - _wordStarts[id]);

    /// <summary>
    /// For each indexed file, how many tokens a declaration in it can share with <paramref name="body"/> (tokens of
    /// <see cref="TextDiff.Tokens"/>), counted as <see cref="LineHashes.Common"/> counts them: a declaration's tokens are
    /// some of its file's, so it never shares more than the file does. One pass over the files holding each of the
    /// body's tokens, none over the files' texts.
    /// </summary>
    public SharedTokens Shared(List<string> body)
    {
        var shared = new int[_paths.Count];
        var hashes = LineHashes.Of(body);
        for (var at = 0; at < hashes.Length;)
        {
            var end = at;
            while (end < hashes.Length && hashes[end] == hashes[at])
            {
                end++;
            }
            if (_tokenIds.TryGetValue(hashes[at], out var token))
            {
                for (var p = _tokenStarts[token]; p < _tokenStarts[token + 1]; p++)
                {
                    shared[_tokenFiles[p]] += Math.Min(_tokenCounts[p], end - at);
                }
            }
            at = end;
        }
        return new SharedTokens(_position, shared);
    }

    /// <summary>The paths of <paramref name="candidates"/> (in their order) that may declare <paramref name="name"/>;
    /// all of them when the name is not a plain identifier (an operator, a destructor) or a path was not indexed.</summary>
    public List<string> MayDeclare(List<string> candidates, string name)
    {
        if (!IsIdentifier(name))
        {
            return candidates;
        }
        return [.. candidates.Where(p => !_position.TryGetValue(p, out var i) || _unsure.Contains(i) || FilesOf(name).BinarySearch(i) >= 0)];
    }

    /// <summary>Whether the file's text contains <paramref name="fragment"/> (anywhere, as <see cref="string.Contains(string)"/>
    /// would say), answered from the words: a fragment of identifier characters can only lie inside one word. That holds
    /// of the raw text with its unicode escapes too, so a file the index is unsure of is answered as well. Null when the
    /// index cannot tell (a path not indexed, a fragment with other characters).</summary>
    public bool? Contains(string path, string fragment)
    {
        if (!_position.TryGetValue(path, out var i) || !IsIdentifier(fragment))
        {
            return null;
        }
        if (!_containing.TryGetValue(fragment, out var files))
        {
            files = [];
            var (vocabulary, starts) = Vocabulary();
            // One vectorised search of all the words joined by a separator no fragment holds: a hit lies inside one
            // word (issue 15: a Contains per word of the vocabulary for every fragment was 11% of a relocation run).
            for (var at = vocabulary.IndexOf(fragment, StringComparison.Ordinal); at >= 0;)
            {
                var word = Array.BinarySearch(starts, at);
                word = word >= 0 ? word : ~word - 1;
                foreach (var file in FilesOf(word))
                {
                    files.Add(file);
                }
                var next = word + 1 < starts.Length ? starts[word + 1] : vocabulary.Length;
                at = next >= vocabulary.Length ? -1 : vocabulary.IndexOf(fragment, next, StringComparison.Ordinal);
            }
            _containing[fragment] = files;
        }
        return files.Contains(i);
    }

    /// <summary>The words joined by newlines (in id order) and where each starts in the joined text; made when first needed.</summary>
    private (string Text, int[] Starts) Vocabulary()
    {
        if (_vocabulary is null)
        {
            var words = _words;
            var starts = new int[words.Length];
            var text = new System.Text.StringBuilder();
            for (var w = 0; w < words.Length; w++)
            {
                starts[w] = text.Length;
                text.Append(words[w]).Append('\n');
            }
            _vocabulary = (text.ToString(), starts);
        }
        return _vocabulary.Value;
    }

    /// <summary>Whether the file holds <paramref name="word"/> as a whole identifier; null when the index cannot tell (a
    /// path not indexed, a file it is unsure of, a word that is not a plain identifier).</summary>
    public bool? HasWord(string path, string word) =>
        _position.TryGetValue(path, out var i) && _unsure.Contains(i) ? null : HoldsWritten(path, word);

    /// <summary>Whether the file's text as written holds <paramref name="word"/> as a whole run of identifier characters,
    /// unicode escapes or not (so true means the text contains it); null when the index cannot tell (a path not indexed,
    /// a word that is not a plain identifier).</summary>
    public bool? HoldsWritten(string path, string word)
    {
        if (!_position.TryGetValue(path, out var i) || !IsIdentifier(word))
        {
            return null;
        }
        return FilesOf(word).BinarySearch(i) >= 0;
    }

    // A loop, not LINQ's All: Contains asks it of every fragment it is given (a delegate call per character was 7% of a
    // relocation run).
    public static bool IsIdentifier(string name)
    {
        foreach (var c in name)
        {
            if (!IsIdentifierChar(c))
            {
                return false;
            }
        }
        return name.Length > 0;
    }

    // ASCII first: no ASCII character is a mark, a format character or a connector other than '_'.
    public static bool IsIdentifierChar(char c) => c < 128 ? char.IsAsciiLetterOrDigit(c) || c == '_' : char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) is
        System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.SpacingCombiningMark
        or System.Globalization.UnicodeCategory.ConnectorPunctuation or System.Globalization.UnicodeCategory.Format;
}

/// <summary>The tokens each indexed file can share with one body (<see cref="CandidateIndex.Shared"/>).</summary>
internal sealed class SharedTokens(Dictionary<string, int> position, int[] shared)
{
    /// <summary>At most how many of the body's tokens a declaration in <paramref name="path"/> shares; null when the path was not indexed.</summary>
    public int? For(string path) => position.TryGetValue(path, out var i) ? shared[i] : null;
}
