using CSELearning.Web.Domain;
using CSELearning.Web.Domain.Audit;
using CSELearning.Web.Domain.Learning;
using CSELearning.Web.Domain.Reflections;
using CSELearning.Web.Domain.Supervision;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CSELearning.Web.Data;

public class AppDbContext(DbContextOptions<AppDbContext> options) : IdentityDbContext<User, Role, Guid>(options)
{
    public DbSet<Partnership> Partnerships => Set<Partnership>();
    public DbSet<Agency> Agencies => Set<Agency>();
    public DbSet<Team> Teams => Set<Team>();
    public DbSet<SupervisionRelationship> SupervisionRelationships => Set<SupervisionRelationship>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<ModuleProgress> ModuleProgress => Set<ModuleProgress>();
    public DbSet<ScenarioPosition> ScenarioPositions => Set<ScenarioPosition>();
    public DbSet<ScenarioDecision> ScenarioDecisions => Set<ScenarioDecision>();
    public DbSet<CheckAttempt> CheckAttempts => Set<CheckAttempt>();
    public DbSet<ModuleCompletion> ModuleCompletions => Set<ModuleCompletion>();
    public DbSet<Domain.Certificates.Certificate> Certificates => Set<Domain.Certificates.Certificate>();
    public DbSet<ReflectiveLog> ReflectiveLogs => Set<ReflectiveLog>();
    public DbSet<ReviewComment> ReviewComments => Set<ReviewComment>();
    public DbSet<LogShare> LogShares => Set<LogShare>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<SupervisionRecord> SupervisionRecords => Set<SupervisionRecord>();
    public DbSet<SupervisionAction> SupervisionActions => Set<SupervisionAction>();
    public DbSet<DiscussedLog> DiscussedLogs => Set<DiscussedLog>();
    public DbSet<SupervisionComment> SupervisionComments => Set<SupervisionComment>();
    public DbSet<Domain.Reporting.UptakeTarget> UptakeTargets => Set<Domain.Reporting.UptakeTarget>();

    public DbSet<Domain.Reporting.UptakeRow> UptakeRows => Set<Domain.Reporting.UptakeRow>();
    public DbSet<Domain.Reporting.UptakeCount> UptakeCounts => Set<Domain.Reporting.UptakeCount>();
    public DbSet<Domain.Reporting.LearningTimeCount> LearningTimeCounts => Set<Domain.Reporting.LearningTimeCount>();
    public DbSet<Domain.Reporting.ChoiceCount> ChoiceCounts => Set<Domain.Reporting.ChoiceCount>();
    public DbSet<Domain.Reporting.CompletionCount> CompletionCounts => Set<Domain.Reporting.CompletionCount>();

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    /// <summary>
    /// Saves, and brings the reporting tables up to date in the same transaction (see <see cref="ReportTables"/>):
    /// within the caller's transaction when there is one, otherwise in one of its own, retried as a whole on a
    /// transient failure like any other save.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RefuseAuditChanges();
        if (ReportTables.Collect(ChangeTracker) is not { } reports)
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        if (Database.CurrentTransaction is not null)
        {
            var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            await reports.ApplyAsync(this, cancellationToken);
            return saved;
        }
        var count = await Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            await using var transaction = await Database.BeginTransactionAsync(ct);
            var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess: false, ct);
            await reports.ApplyAsync(this, ct);
            await transaction.CommitAsync(ct);
            return saved;
        }, cancellationToken);
        if (acceptAllChangesOnSuccess) ChangeTracker.AcceptAllChanges();
        return count;
    }

    // The audit trail only grows: no code path in the application may change or remove an entry.
    private void RefuseAuditChanges()
    {
        if (ChangeTracker.Entries<AuditEntry>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
            throw new AuditTrailIsAppendOnlyException();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every instant is UTC. SQLite hands DateTime back unspecified, so say what it is on the way out.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}
