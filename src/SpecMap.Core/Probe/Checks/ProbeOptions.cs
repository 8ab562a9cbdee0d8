namespace SpecMap.Core.Probe.Checks;

/// <summary>What to make of `null` sent for an optional property whose schema does not allow null.</summary>
internal enum NullPolicy
{
    /// <summary>Reported as info (the default): OpenAI's own servers do it and its SDKs read such a null as absent.</summary>
    Info,

    /// <summary>Reported as an error, as strict JSON Schema validation would.</summary>
    Error,

    /// <summary>Not reported.</summary>
    Ignore,
}

/// <summary>How the checks judge what they find (immutable; the probe command fills it from its options).</summary>
/// <param name="NullForOptional">The null policy (docs/rules/SMV0502.md).</param>
internal sealed record ProbeOptions(NullPolicy NullForOptional = NullPolicy.Info)
{
    public static ProbeOptions Default { get; } = new();
}
