using CSELearning.Web.Data;
using CSELearning.Web.Domain;
using CSELearning.Web.Domain.Learning;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace CSELearning.Web.Features.Reporting.Tables;

// Keeps the reporting tables in step with what a save changes, inside the save's own transaction, so a report never
// sees a completion without its count or the other way round. Choices and completions are only ever added, so their
// counts are only ever added to; a person's uptake rows are worked out again from the source tables each time.
// Writes that go round the change tracker go through WriteAroundAsync; ReportSourceWriteGuard refuses any that do not.
internal sealed class ReportTables
{
    public static readonly IReadOnlyList<string> SourceTables =
        ["AspNetUsers", "AspNetUserRoles", "ModuleProgress", "ModuleCompletions", "ScenarioDecisions", "ScenarioRuns", "KnowledgeCheckAttempts", "KnowledgeCheckAnswers"];

    private static readonly HashSet<string> ReportedUserProperties =
        [nameof(User.AgencyId), nameof(User.TeamId), nameof(User.JobRole), nameof(User.IsActive)];

    private static readonly AsyncLocal<bool> WritingAroundNow = new();

    // Few enough parameters for any provider's limit in one statement.
    private const int Chunk = 400;

    private readonly HashSet<Guid> _people = [];
    private readonly List<ScenarioDecision> _decisions = [];
    private readonly List<ModuleCompletion> _completions = [];
    private readonly List<CheckAttempt> _firstAttempts = [];
    private readonly List<ScenarioRun> _runs = [];

    private ReportTables() { }

    public static ReportTables? Collect(ChangeTracker tracker)
    {
        var tables = new ReportTables();
        foreach (var entry in tracker.Entries())
        {
            var addedOrDeleted = entry.State is EntityState.Added or EntityState.Deleted;
            switch (entry.Entity)
            {
                case User user when addedOrDeleted || (entry.State == EntityState.Modified
                        && entry.Properties.Any(p => p.IsModified && ReportedUserProperties.Contains(p.Metadata.Name))):
                    tables._people.Add(user.Id);
                    break;
                case IdentityUserRole<Guid> role when addedOrDeleted:
                    tables._people.Add(role.UserId);
                    break;
                case ModuleProgress progress when addedOrDeleted:
                    tables._people.Add(progress.UserId);
                    break;
                case ModuleCompletion completion when addedOrDeleted:
                    tables._people.Add(completion.UserId);
                    if (entry.State == EntityState.Added) tables._completions.Add(completion);
                    break;
                case ScenarioDecision decision when entry.State == EntityState.Added && decision.Playthrough == 1:
                    tables._decisions.Add(decision);
                    break;
                // A progress records one run per playthrough, so the first playthrough's is its first time through.
                case ScenarioRun run when entry.State == EntityState.Added && run.Playthrough == 1:
                    tables._runs.Add(run);
                    break;
                // A later attempt, after the learner has seen which questions were wrong, says less about the question.
                case CheckAttempt attempt when entry.State == EntityState.Added && attempt.Number == 1 && attempt.CorrectQuestions is not null:
                    tables._firstAttempts.Add(attempt);
                    break;
            }
        }
        return tables._people.Count + tables._decisions.Count + tables._completions.Count + tables._runs.Count + tables._firstAttempts.Count == 0 ? null : tables;
    }

    public async Task ApplyAsync(AppDbContext db, CancellationToken ct)
    {
        foreach (var people in _people.Chunk(Chunk)) await RebuildUptakeAsync(db, people, ct);
        await CountFirstAttemptsAsync(db, ct);
        if (_decisions.Count == 0 && _completions.Count == 0 && _runs.Count == 0) return;

        var learners = await LearnersAsync(db, _decisions.Select(d => d.UserId).Concat(_completions.Select(c => c.UserId)).Concat(_runs.Select(r => r.UserId)).Distinct().ToList(), ct);
        await CountChoicesAsync(db, learners, ct);
        var endings = _runs.Where(r => learners.ContainsKey(r.UserId))
            .SelectMany(r => new[] { (Guid.Empty, ""), (learners[r.UserId].AgencyId, learners[r.UserId].JobRole) }
                .Select(level => (learners[r.UserId].PartnershipId, r.ModuleId, level.Item1, level.Item2, r.ScenarioId, r.EndingNodeId, r.ModuleVersion, Day: DateOnly.FromDateTime(r.EndedAt))))
            .GroupBy(key => key)
            .Select(g => new object[] { g.Key.PartnershipId, g.Key.ModuleId, g.Key.Item3, g.Key.Item4, g.Key.ScenarioId, g.Key.EndingNodeId, g.Key.ModuleVersion, g.Key.Day, g.Count() })
            .ToList();
        await UpsertAsync(db, ReportTablesSql.AddEndings, endings, ct);
        var months = _completions.Where(c => learners.ContainsKey(c.UserId))
            .GroupBy(c => (Learner: learners[c.UserId], c.ModuleId, Month: new DateOnly(c.CompletedAt.Year, c.CompletedAt.Month, 1)))
            .Select(g => new object[] { g.Key.Learner.PartnershipId, g.Key.Learner.AgencyId, g.Key.Learner.JobRole, g.Key.ModuleId, g.Key.Month, g.Count() })
            .ToList();
        await UpsertAsync(db, ReportTablesSql.AddCompletions, months, ct);
    }

    private sealed record Learner(Guid PartnershipId, Guid AgencyId, string JobRole);

    private static async Task<Dictionary<Guid, Learner>> LearnersAsync(AppDbContext db, List<Guid> ids, CancellationToken ct)
    {
        var learners = new Dictionary<Guid, Learner>();
        var learnerRole = db.Roles.Where(r => r.Name == Roles.Learner).Select(r => r.Id);
        foreach (var chunk in ids.Chunk(Chunk))
        {
            var found = await db.Users.AsNoTracking()
                .Where(u => chunk.Contains(u.Id) && u.AgencyId != null && db.UserRoles.Any(ur => ur.UserId == u.Id && learnerRole.Contains(ur.RoleId)))
                .Select(u => new { u.Id, u.Agency!.PartnershipId, AgencyId = u.AgencyId!.Value, u.JobRole })
                .ToListAsync(ct);
            foreach (var u in found) learners[u.Id] = new Learner(u.PartnershipId, u.AgencyId, u.JobRole.ToString());
        }
        return learners;
    }

    // Only a progress's first decision at a point, and its first of that option there, counts (going back and choosing
    // again adds nothing), to the partnership's count and to its agency and job role's.
    private async Task CountChoicesAsync(AppDbContext db, Dictionary<Guid, Learner> learners, CancellationToken ct)
    {
        var decisions = _decisions.Where(d => learners.ContainsKey(d.UserId)).ToList();
        if (decisions.Count == 0) return;
        var earlier = new List<(Guid Id, Guid ProgressId, string ScenarioId, string NodeId, int ChoiceNumber, DateTime MadeAt)>();
        foreach (var chunk in decisions.Select(d => d.ProgressId).Distinct().Chunk(Chunk))
        {
            earlier.AddRange((await db.ScenarioDecisions.AsNoTracking()
                .Where(d => chunk.Contains(d.ProgressId) && d.Playthrough == 1)
                .Select(d => new { d.Id, d.ProgressId, d.ScenarioId, d.NodeId, d.ChoiceNumber, d.MadeAt })
                .ToListAsync(ct)).Select(d => (d.Id, d.ProgressId, d.ScenarioId, d.NodeId, d.ChoiceNumber, d.MadeAt)));
        }
        // The first decision at each point, and of each option at each point, by time (then id, for a tie).
        var firstAtNode = earlier.GroupBy(d => (d.ProgressId, d.ScenarioId, d.NodeId))
            .ToDictionary(g => g.Key, g => g.OrderBy(d => d.MadeAt).ThenBy(d => d.Id).First().Id);
        var firstOfOption = earlier.GroupBy(d => (d.ProgressId, d.ScenarioId, d.NodeId, d.ChoiceNumber))
            .ToDictionary(g => g.Key, g => g.OrderBy(d => d.MadeAt).ThenBy(d => d.Id).First().Id);

        var counts = new Dictionary<(Guid, string, Guid, string, string, string, int, string, DateOnly), int>();
        void Add(Learner learner, ScenarioDecision d, int choiceNumber)
        {
            var day = DateOnly.FromDateTime(d.MadeAt);
            foreach (var (agency, role) in new[] { (Guid.Empty, ""), (learner.AgencyId, learner.JobRole) })
            {
                var key = (learner.PartnershipId, d.ModuleId, agency, role, d.ScenarioId, d.NodeId, choiceNumber, d.ModuleVersion, day);
                counts[key] = counts.GetValueOrDefault(key) + 1;
            }
        }
        foreach (var d in decisions)
        {
            if (firstAtNode.GetValueOrDefault((d.ProgressId, d.ScenarioId, d.NodeId)) == d.Id) Add(learners[d.UserId], d, 0);
            if (firstOfOption.GetValueOrDefault((d.ProgressId, d.ScenarioId, d.NodeId, d.ChoiceNumber)) == d.Id) Add(learners[d.UserId], d, d.ChoiceNumber);
        }
        await UpsertAsync(db, ReportTablesSql.AddChoices,
            counts.Select(c => new object[] { c.Key.Item1, c.Key.Item2, c.Key.Item3, c.Key.Item4, c.Key.Item5, c.Key.Item6, c.Key.Item7, c.Key.Item8, c.Key.Item9, c.Value }).ToList(), ct);
    }

    // Counted for everyone who takes the check, whatever their role or partnership: the figures are about the question.
    private async Task CountFirstAttemptsAsync(AppDbContext db, CancellationToken ct)
    {
        if (_firstAttempts.Count == 0) return;
        var totals = _firstAttempts.GroupBy(a => (a.ModuleId, a.ModuleVersion, a.CheckId, a.CorrectCount))
            .Select(g => new object[] { g.Key.ModuleId, g.Key.ModuleVersion, g.Key.CheckId, g.Key.CorrectCount, g.Count() }).ToList();
        var questions = _firstAttempts
            .SelectMany(a => a.Answers.Select(x => x.QuestionId).Distinct().Select(q => (a.ModuleId, a.ModuleVersion, a.CheckId, QuestionId: q, Total: a.CorrectCount, Right: a.AnsweredRight(q))))
            .GroupBy(x => (x.ModuleId, x.ModuleVersion, x.CheckId, x.QuestionId, x.Total))
            .Select(g => new object[] { g.Key.ModuleId, g.Key.ModuleVersion, g.Key.CheckId, g.Key.QuestionId, g.Key.Total, g.Count(x => x.Right) }).ToList();
        var options = _firstAttempts
            .SelectMany(a => a.Answers.Select(x => (a.ModuleId, a.ModuleVersion, a.CheckId, x.QuestionId, x.OptionNumber)))
            .GroupBy(x => x)
            .Select(g => new object[] { g.Key.ModuleId, g.Key.ModuleVersion, g.Key.CheckId, g.Key.QuestionId, g.Key.OptionNumber, g.Count() }).ToList();
        await UpsertAsync(db, ReportTablesSql.AddCheckTotals, totals, ct);
        await UpsertAsync(db, ReportTablesSql.AddQuestionTotals, questions, ct);
        await UpsertAsync(db, ReportTablesSql.AddOptionChoices, options, ct);
    }

    // INSERT … ON CONFLICT, which SQLite and PostgreSQL both take.
    private static async Task UpsertAsync(AppDbContext db, string sql, List<object[]> rows, CancellationToken ct)
    {
        if (rows.Count == 0) return;
        var width = rows[0].Length;
        foreach (var chunk in rows.Chunk(Math.Max(1, Chunk * 2 / width)))
        {
            var values = string.Join(", ", chunk.Select((_, r) => "(" + string.Join(", ", Enumerable.Range(r * width, width).Select(i => "{" + i + "}")) + ")"));
            await db.Database.ExecuteSqlRawAsync(sql.Replace("{0}", values, StringComparison.Ordinal), chunk.SelectMany(r => r).ToArray(), ct);
        }
    }

    private static async Task RebuildUptakeAsync(AppDbContext db, Guid[] people, CancellationToken ct)
    {
        var ids = people.Cast<object>().ToArray();
        foreach (var (sql, learnerRoleFirst) in ReportTablesSql.RebuildPeople(db.Database.ProviderName ?? "", ids.Length))
            await db.Database.ExecuteSqlRawAsync(sql, learnerRoleFirst ? [Roles.Learner, .. ids] : ids, ct);
    }

    public static Task RebuildAllAsync(AppDbContext db, CancellationToken ct = default) =>
        InTransactionAsync(db, token => RebuildAllStatementsAsync(db, token), ct);

    public static Task WriteAroundAsync(AppDbContext db, Func<CancellationToken, Task> write, CancellationToken ct = default) =>
        InTransactionAsync(db, async token =>
        {
            using (WritingAround()) await write(token);
            await RebuildAllStatementsAsync(db, token);
        }, ct);

    // Lets writes go round the change tracker until disposed, for a caller that empties the reporting tables
    // along with their sources (a test resetting its database) and so has nothing to rebuild.
    public static IDisposable WritingAround()
    {
        var outer = WritingAroundNow.Value;
        WritingAroundNow.Value = true;
        return new Restore(() => WritingAroundNow.Value = outer);
    }

    public static bool IsWritingAround => WritingAroundNow.Value;

    private sealed class Restore(Action restore) : IDisposable
    {
        public void Dispose() => restore();
    }

    private static async Task RebuildAllStatementsAsync(AppDbContext db, CancellationToken ct)
    {
        foreach (var sql in ReportTablesSql.RebuildAll(db.Database.ProviderName ?? ""))
            await db.Database.ExecuteSqlRawAsync(sql, sql.Contains("{0}", StringComparison.Ordinal) ? [Roles.Learner] : [], ct);
    }

    private static async Task InTransactionAsync(AppDbContext db, Func<CancellationToken, Task> work, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            await work(ct);
            return;
        }
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(token);
            await work(token);
            await transaction.CommitAsync(token);
        }, ct);
    }
}
