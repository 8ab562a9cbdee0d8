using SpecMap.Core.History;
using SpecMap.Core.Resolution;
using SpecMap.Core.Sources;

namespace SpecMap.Core.Caching;

/// <summary>
/// The <see cref="CandidateFacts"/> of a file, kept by blob id in the repository's <see cref="OutlineStore"/> (records of
/// their own kind, under its bounds), so the search for a lost declaration indexes an unchanged candidate without
/// reading it. Keyed by language too: the text a blob decodes to may depend on its file's language (PEP 263).
/// </summary>
internal sealed class CandidateFactsStore(OutlineStore? store)
{
    private const string Kind = ":candidate-facts:";
    private const byte Version = 1;

    /// <summary>The facts of the file whose blob is <paramref name="blobId"/>; <paramref name="read"/> reads it when the store
    /// has none (or <paramref name="blobId"/> is null: a tree that cannot tell it cheaply).</summary>
    public CandidateFacts For(string language, string? blobId, Func<SourceFile?> read)
    {
        var key = blobId is null ? null : blobId + Kind + language;
        if (key is not null && store?.FindRecord(key) is { } bytes && Decode(bytes) is { } stored)
        {
            return stored;
        }
        if (read() is not { } file)
        {
            return CandidateFacts.Empty;
        }
        var facts = file.IsBinary ? CandidateFacts.Empty : CandidateFacts.Of(file.Text);
        if (key is not null && file.BlobId == blobId)
        {
            store?.AddRecord(key, Encode(facts));
        }
        return facts;
    }

    /// <summary>The words, each with its count as a token (most words are tokens too: kept once, their hashes made again
    /// on reading), then the other tokens' hashes and counts (punctuation, and runs the two splits cut differently).</summary>
    internal static byte[] Encode(CandidateFacts facts) => ModelFactsCodec.Encode(writer =>
    {
        var counts = new Dictionary<long, int>(facts.TokenHashes.Length);
        for (var i = 0; i < facts.TokenHashes.Length; i++)
        {
            counts[facts.TokenHashes[i]] = facts.TokenCounts[i];
        }
        writer.Write(Version);
        writer.Write(facts.Unsure);
        writer.Write7BitEncodedInt(facts.Words.Length);
        foreach (var word in facts.Words)
        {
            writer.Write(word);
            var hash = LineHashes.Hash(word);
            writer.Write7BitEncodedInt(IsToken(word) && counts.Remove(hash, out var count) ? count : 0);
        }
        writer.Write7BitEncodedInt(counts.Count);
        foreach (var (hash, count) in counts)
        {
            writer.Write(hash);
            writer.Write7BitEncodedInt(count);
        }
    });

    /// <summary>The facts, or null for a record that does not decode whole (torn, foreign, of another version): a miss.</summary>
    internal static CandidateFacts? Decode(byte[] bytes) => ModelFactsCodec.Decode(bytes, Read);

    private static CandidateFacts Read(BinaryReader reader, byte[] bytes)
    {
        if (reader.ReadByte() != Version)
        {
            throw new InvalidDataException("version");
        }
        var unsure = reader.ReadBoolean();
        var words = new string[Count(reader, bytes)];
        var hashes = new List<long>(words.Length);
        var counts = new List<int>(words.Length);
        for (var i = 0; i < words.Length; i++)
        {
            words[i] = reader.ReadString();
            if (Occurrences(reader) is var count and > 0)
            {
                hashes.Add(LineHashes.Hash(words[i]));
                counts.Add(count);
            }
        }
        for (var i = Count(reader, bytes); i > 0; i--)
        {
            hashes.Add(reader.ReadInt64());
            counts.Add(Occurrences(reader));
        }
        return new CandidateFacts(words, unsure, [.. hashes], [.. counts]);
    }

    /// <summary>A word of letters, digits and '_' only is also a whole token (<see cref="TextDiff.Tokens"/>): both splits
    /// end it at the same characters.</summary>
    // A loop, not LINQ's All: it runs for every word of every candidate file (a delegate call per character was 3% of a
    // cold relocation run).
    private static bool IsToken(string word)
    {
        foreach (var c in word)
        {
            if (!CodeTokenSpans.IsWordChar(c))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>How often a token occurs: a text's, so not bounded by the record's size.</summary>
    private static int Occurrences(BinaryReader reader)
    {
        var count = reader.Read7BitEncodedInt();
        return count < 0 ? throw new InvalidDataException("occurrences") : count;
    }

    /// <summary>A count of entries no larger than the record could hold.</summary>
    private static int Count(BinaryReader reader, byte[] bytes)
    {
        var count = reader.Read7BitEncodedInt();
        return count < 0 || count > bytes.Length ? throw new InvalidDataException("count") : count;
    }
}
