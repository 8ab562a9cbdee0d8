namespace SpecMap.Core.Probe;

/// <summary>What the probe ships inside the engine (the default scenarios, the built-in spec), so an installed tool has them.</summary>
internal static class EmbeddedResource
{
    public static byte[] Read(string name)
    {
        using var stream = typeof(EmbeddedResource).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"{name} is not embedded in the engine");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
