namespace SpecMap.Core.Validation;

/// <summary>How far a validation is: reference <paramref name="Done"/> of <paramref name="Total"/> of one mapping checked.</summary>
internal readonly record struct ValidationProgress(string MappingPath, int Done, int Total);
