namespace SpecMap.Core.Diagnostics;

/// <summary>Whether `--fix` applies a rule's fix (ruff's labels).</summary>
internal enum FixSafety
{
    /// <summary>The rule has no fix.</summary>
    None,

    /// <summary>Exact: the same code, found again. Applied by `--fix`.</summary>
    Safe,

    /// <summary>A guess (similarity, diff mapping) applied only above the confidence threshold.</summary>
    Unsafe,
}
