using System;

namespace Corpus.Sdk.Conditional;

public static class Platform
{
    public static string Name() => "any";

#if NET8_0_OR_GREATER
    public static DateOnly Today() => DateOnly.FromDateTime(DateTime.Now);
#else
    public static DateTime Today() => DateTime.Today;
#endif

#if DEBUG
    public static bool IsDebug => true;
#endif
}

#if NET6_0_OR_GREATER
public sealed class DateOnlyFormatter
{
    public string Format(DateOnly date) => date.ToString("O");
}
#endif
