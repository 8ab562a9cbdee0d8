namespace SpecMap.Core.Sources;

/// <summary>The budget every reader works within, so a hostile repository cannot exhaust memory or time.</summary>
internal static class SourceLimits
{
    /// <summary>Files larger than this are not read (16 MiB: far beyond any source file a spec points at).</summary>
    public const long MaxFileBytes = 16L * 1024 * 1024;

    /// <summary>How many symbolic links one path may pass through (Linux's own limit, ELOOP).</summary>
    public const int MaxLinkHops = 40;

    public static string TooLarge(long size) =>
        $"it is {size / (1024.0 * 1024.0):0.#} MiB, over the {MaxFileBytes / (1024 * 1024)} MiB limit for a file specmap reads";
}
