using SpecMap.Core.Diagnostics;

namespace SpecMap.Core.Fixes;

/// <summary>
/// The edits accepted so far, indexed by offset: an edit can only overlap one that starts at most the longest accepted
/// length before it, so checking a new edit looks at a few offsets, not at every edit (a 100,000-fix mapping stays linear).
/// </summary>
internal sealed class AcceptedEdits
{
    private readonly Dictionary<int, List<MappingEdit>> _byOffset = [];
    private readonly List<MappingEdit> _all = [];
    private int _longest;

    public IReadOnlyList<MappingEdit> All => _all;

    /// <summary>The accepted edits that could overlap or equal <paramref name="edit"/>.</summary>
    public IEnumerable<MappingEdit> Near(MappingEdit edit)
    {
        for (var offset = edit.Offset - _longest; offset <= edit.Offset + edit.Length; offset++)
        {
            if (_byOffset.TryGetValue(offset, out var here))
            {
                foreach (var accepted in here)
                {
                    yield return accepted;
                }
            }
        }
    }

    public void AddRange(IEnumerable<MappingEdit> edits)
    {
        foreach (var edit in edits)
        {
            if (!_byOffset.TryGetValue(edit.Offset, out var here))
            {
                _byOffset[edit.Offset] = here = [];
            }
            here.Add(edit);
            _all.Add(edit);
            _longest = Math.Max(_longest, edit.Length);
        }
    }
}
