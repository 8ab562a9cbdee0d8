using SpecMap.Core.Contracts;

namespace SpecMap.Tests.Contracts;

/// <summary>Assertions shared by the Python and C# model reader tests.</summary>
internal static class ModelAssert
{
    /// <summary>The field with this wire name; fails listing the fields there are.</summary>
    public static ModelField Field(ModelClass model, string wireName)
    {
        var field = model.Find(wireName);
        Assert.True(field is not null, $"'{wireName}' not found in {model.Name}: {string.Join(", ", model.Fields.Select(f => f.WireName ?? f.Name))}");
        return field;
    }
}
