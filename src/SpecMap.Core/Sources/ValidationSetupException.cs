namespace SpecMap.Core.Sources;

/// <summary>The run cannot start (missing repository, unknown revision, bad config): exit 2 with one line.</summary>
internal sealed class ValidationSetupException(string message) : Exception(message);
