namespace CSELearning.Web.Features.Reporting;

/// <summary>What every report's model gives its page and its CSV: the filter problems, and the table's rows.</summary>
public interface IReportModel
{
    IReadOnlyList<string> Errors { get; }

    IEnumerable<IEnumerable<string?>> CsvRows();
}
