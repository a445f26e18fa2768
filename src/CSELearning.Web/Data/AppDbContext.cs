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
    public DbSet<UserSession> UserSessions => Set<UserSession>();
    public DbSet<KeptDraft> KeptDrafts => Set<KeptDraft>();
    public DbSet<ModuleProgress> ModuleProgress => Set<ModuleProgress>();
    public DbSet<ScenarioPosition> ScenarioPositions => Set<ScenarioPosition>();
    public DbSet<ScenarioDecision> ScenarioDecisions => Set<ScenarioDecision>();
    public DbSet<ScenarioRun> ScenarioRuns => Set<ScenarioRun>();
    public DbSet<CheckAttempt> CheckAttempts => Set<CheckAttempt>();
    public DbSet<ModuleCompletion> ModuleCompletions => Set<ModuleCompletion>();
    public DbSet<Domain.Certificates.Certificate> Certificates => Set<Domain.Certificates.Certificate>();
    public DbSet<ReflectiveLog> ReflectiveLogs => Set<ReflectiveLog>();
    public DbSet<ReviewComment> ReviewComments => Set<ReviewComment>();
    public DbSet<LogShare> LogShares => Set<LogShare>();
    public DbSet<CommentReply> CommentReplies => Set<CommentReply>();
    public DbSet<FormDraft> FormDrafts => Set<FormDraft>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<SupervisionRecord> SupervisionRecords => Set<SupervisionRecord>();
    public DbSet<SupervisionAction> SupervisionActions => Set<SupervisionAction>();
    public DbSet<DiscussedLog> DiscussedLogs => Set<DiscussedLog>();
    public DbSet<SupervisionComment> SupervisionComments => Set<SupervisionComment>();
    public DbSet<Domain.Reporting.UptakeTarget> UptakeTargets => Set<Domain.Reporting.UptakeTarget>();
    public DbSet<Domain.Notifications.Notification> Notifications => Set<Domain.Notifications.Notification>();
    public DbSet<Domain.Notifications.NotificationOptOut> NotificationOptOuts => Set<Domain.Notifications.NotificationOptOut>();
    public DbSet<Domain.Notifications.OutboxMessage> OutboxMessages => Set<Domain.Notifications.OutboxMessage>();
    public DbSet<Domain.Notifications.JobLease> JobLeases => Set<Domain.Notifications.JobLease>();

    public DbSet<Features.Reporting.Tables.UptakeRow> UptakeRows => Set<Features.Reporting.Tables.UptakeRow>();
    public DbSet<Features.Reporting.Tables.UptakeCount> UptakeCounts => Set<Features.Reporting.Tables.UptakeCount>();
    public DbSet<Features.Reporting.Tables.LearningTimeCount> LearningTimeCounts => Set<Features.Reporting.Tables.LearningTimeCount>();
    public DbSet<Features.Reporting.Tables.ChoiceCount> ChoiceCounts => Set<Features.Reporting.Tables.ChoiceCount>();
    public DbSet<Features.Reporting.Tables.EndingCount> EndingCounts => Set<Features.Reporting.Tables.EndingCount>();
    public DbSet<Features.Reporting.Tables.CompletionCount> CompletionCounts => Set<Features.Reporting.Tables.CompletionCount>();
    public DbSet<Features.Reporting.Tables.CheckTotalCount> CheckTotalCounts => Set<Features.Reporting.Tables.CheckTotalCount>();
    public DbSet<Features.Reporting.Tables.QuestionTotalCount> QuestionTotalCounts => Set<Features.Reporting.Tables.QuestionTotalCount>();
    public DbSet<Features.Reporting.Tables.OptionChoiceCount> OptionChoiceCounts => Set<Features.Reporting.Tables.OptionChoiceCount>();

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
