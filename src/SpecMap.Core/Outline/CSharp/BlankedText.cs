using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace SpecMap.Core.Outline.CSharp;

/// <summary>
/// The text a parse sees after <see cref="BodyBlanker"/>, read through from the text as written: pieces of it alternate
/// with the short stand-ins for the blanked regions, which are kept in one string. A blanked copy of a large file was a
/// large-object allocation per file, and those set off full collections of everything a run had built.
/// </summary>
internal sealed class BlankedText : SourceText
{
    private readonly string _written;
    private readonly string _standIns;
    // Piece k starts at _starts[k] in this text and at _from[k] in its source: the text as written for even k, the
    // stand-ins for odd k. _starts ends with the length.
    private readonly int[] _starts;
    private readonly int[] _from;

    public BlankedText(string written, string standIns, int[] starts, int[] from)
    {
        _written = written;
        _standIns = standIns;
        _starts = starts;
        _from = from;
    }

    public override Encoding? Encoding => null;

    public override int Length => _starts[^1];

    public override char this[int position]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(position);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(position, Length);
            var piece = Piece(position);
            return Source(piece)[_from[piece] + position - _starts[piece]];
        }
    }

    public override void CopyTo(int sourceIndex, char[] destination, int destinationIndex, int count)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentOutOfRangeException.ThrowIfNegative(sourceIndex);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(sourceIndex + count, Length);
        var piece = count == 0 ? 0 : Piece(sourceIndex);
        while (count > 0)
        {
            var offset = sourceIndex - _starts[piece];
            var take = Math.Min(count, _starts[piece + 1] - sourceIndex);
            Source(piece).CopyTo(_from[piece] + offset, destination, destinationIndex, take);
            sourceIndex += take;
            destinationIndex += take;
            count -= take;
            piece++;
        }
    }

    private string Source(int piece) => piece % 2 == 0 ? _written : _standIns;

    /// <summary>The last piece starting at or before <paramref name="position"/> that is not empty.</summary>
    private int Piece(int position)
    {
        var found = Array.BinarySearch(_starts, 0, _starts.Length - 1, position);
        var piece = found >= 0 ? found : ~found - 1;
        // Empty pieces share their start with the next one.
        while (piece + 1 < _starts.Length - 1 && _starts[piece + 1] == position)
        {
            piece++;
        }
        return piece;
    }
}
