namespace CSELearning.Web.Features.Reporting;

// What every report's model gives its page and its CSV: the filter problems, and the table's rows.
public interface IReportModel
{
    IReadOnlyList<string> Errors { get; }

    IEnumerable<IEnumerable<string?>> CsvRows();
}
