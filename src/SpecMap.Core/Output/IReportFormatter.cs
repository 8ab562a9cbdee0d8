using SpecMap.Core.Results;


namespace SpecMap.Core.Output;

/// <summary>A pure function from a report to text: one per `--format`.</summary>
internal interface IReportFormatter
{
    /// <summary>The `--format` value.</summary>
    string Name { get; }

    string Format(ValidationReport report);
}
