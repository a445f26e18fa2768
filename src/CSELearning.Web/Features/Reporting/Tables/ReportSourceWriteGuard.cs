using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CSELearning.Web.Features.Reporting.Tables;

// Refuses a write that goes round the change tracker (ExecuteUpdate, ExecuteDelete, raw SQL) to a table the
// reports count from, unless it runs through ReportTables.WriteAroundAsync: such a write would
// leave the reporting tables counting what is no longer there, and nothing would say so.
public sealed partial class ReportSourceWriteGuard : DbCommandInterceptor
{
    [GeneratedRegex(@"\b(?:UPDATE|DELETE\s+FROM|INSERT\s+INTO|TRUNCATE(?:\s+TABLE)?)\s+(?:ONLY\s+)?""(AspNetUsers|AspNetUserRoles|ModuleProgress|ModuleCompletions|ScenarioDecisions|ScenarioRuns|KnowledgeCheckAttempts|KnowledgeCheckAnswers)""",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WritesSourceTable();

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Check(command, eventData);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Check(command, eventData);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Check(command, eventData);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Check(command, eventData);
        return ValueTask.FromResult(result);
    }

    private static void Check(DbCommand command, CommandEventData eventData)
    {
        if (eventData.CommandSource is not (CommandSource.ExecuteUpdate or CommandSource.ExecuteDelete or CommandSource.ExecuteSqlRaw)
            || ReportTables.IsWritingAround) return;
        if (WritesSourceTable().Match(command.CommandText) is { Success: true } match)
            throw new InvalidOperationException(
                $"A write to \"{match.Groups[1].Value}\" went round the change tracker, so the reporting tables would no longer match it: "
                + "run it through ReportTables.WriteAroundAsync, which rebuilds them in the same transaction.");
    }
}
