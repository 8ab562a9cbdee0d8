using SpecMap.Core.Results;

namespace SpecMap.Core.Output;

/// <summary>A pure function from a report and its figures to text: one per `--format`. Formatters do not call each other.</summary>
internal interface IReportFormatter
{
    /// <summary>The `--format` value.</summary>
    string Name { get; }

    /// <param name="statistics">The report's figures (<see cref="ReportStatistics.Of"/>), computed once by the caller.</param>
    string Format(ValidationReport report, ReportStatistics statistics);

    /// <summary>The text of <see cref="Format"/>, written into <paramref name="output"/>; a large format streams it.</summary>
    void Write(ValidationReport report, ReportStatistics statistics, TextWriter output) => output.Write(Format(report, statistics));
}
