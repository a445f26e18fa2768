using CSELearning.Web.Domain;
using CSELearning.Web.Domain.Learning;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CSELearning.Web.Data.Configurations;

// Lengths of the ids that content gives modules, sections, nodes and questions (the validator holds authors to them).
internal static class ContentIds
{
    public const int Length = Content.ModuleSection.MaxIdLength;
    public const int VersionLength = 20;
    public const int HashLength = 80;
}

public class ModuleProgressConfiguration : IEntityTypeConfiguration<ModuleProgress>
{
    public void Configure(EntityTypeBuilder<ModuleProgress> builder)
    {
        builder.ToTable("ModuleProgress");
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.ModuleId).HasMaxLength(ContentIds.Length);
        builder.Property(p => p.StartedVersion).HasMaxLength(ContentIds.VersionLength);
        builder.Property(p => p.StartedContentHash).HasMaxLength(ContentIds.HashLength);
        builder.Property(p => p.LastSectionId).HasMaxLength(ContentIds.Length);
        builder.HasOne<User>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Restrict);
        // One first time, one refresher and so on: a doubled Start cannot make two of the same number.
        builder.HasIndex(p => new { p.UserId, p.ModuleId, p.Number }).IsUnique();
    }
}

public class ScenarioPositionConfiguration : IEntityTypeConfiguration<ScenarioPosition>
{
    public void Configure(EntityTypeBuilder<ScenarioPosition> builder)
    {
        builder.ToTable("ScenarioPositions");
        builder.HasKey(p => new { p.ProgressId, p.ScenarioId });
        builder.Property(p => p.ScenarioId).HasMaxLength(ContentIds.Length);
        builder.Property(p => p.CurrentNodeId).HasMaxLength(ContentIds.Length);
        // Two posts made from the same page: the second finds the revision moved on and changes nothing.
        builder.Property(p => p.Revision).IsConcurrencyToken();
        builder.HasOne<ModuleProgress>().WithMany().HasForeignKey(p => p.ProgressId).OnDelete(DeleteBehavior.Restrict);
    }
}

public class ScenarioDecisionConfiguration : IEntityTypeConfiguration<ScenarioDecision>
{
    public void Configure(EntityTypeBuilder<ScenarioDecision> builder)
    {
        builder.ToTable("ScenarioDecisions");
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.ModuleId).HasMaxLength(ContentIds.Length);
        builder.Property(d => d.ModuleVersion).HasMaxLength(ContentIds.VersionLength);
        builder.Property(d => d.ScenarioId).HasMaxLength(ContentIds.Length);
        builder.Property(d => d.NodeId).HasMaxLength(ContentIds.Length);
        builder.Property(d => d.TargetNodeId).HasMaxLength(ContentIds.Length);
        builder.HasOne<ModuleProgress>().WithMany().HasForeignKey(d => d.ProgressId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<User>().WithMany().HasForeignKey(d => d.UserId).OnDelete(DeleteBehavior.Restrict);
        // The learner's path through a playthrough (the reports read Features.Reporting.Tables.ChoiceCount, not these rows).
        builder.HasIndex(d => new { d.ProgressId, d.ScenarioId, d.Playthrough, d.Step });
    }
}

public class ScenarioRunConfiguration : IEntityTypeConfiguration<ScenarioRun>
{
    public void Configure(EntityTypeBuilder<ScenarioRun> builder)
    {
        builder.ToTable("ScenarioRuns");
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.ModuleId).HasMaxLength(ContentIds.Length);
        builder.Property(r => r.ModuleVersion).HasMaxLength(ContentIds.VersionLength);
        builder.Property(r => r.ScenarioId).HasMaxLength(ContentIds.Length);
        builder.Property(r => r.EndingNodeId).HasMaxLength(ContentIds.Length);
        builder.Property(r => r.Outcome).HasConversion<string>().HasMaxLength(10);
        builder.HasOne<ModuleProgress>().WithMany().HasForeignKey(r => r.ProgressId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<User>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Restrict);
        // Once per playthrough: a doubled post that reaches the ending twice cannot record two runs.
        builder.HasIndex(r => new { r.ProgressId, r.ScenarioId, r.Playthrough }).IsUnique();
        builder.HasIndex(r => r.UserId);
    }
}

public class CheckAttemptConfiguration : IEntityTypeConfiguration<CheckAttempt>
{
    public void Configure(EntityTypeBuilder<CheckAttempt> builder)
    {
        builder.ToTable("KnowledgeCheckAttempts");
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.ModuleId).HasMaxLength(ContentIds.Length);
        builder.Property(a => a.ModuleVersion).HasMaxLength(ContentIds.VersionLength);
        builder.Property(a => a.CheckId).HasMaxLength(ContentIds.Length);
        builder.Property(a => a.OptionOrder);
        builder.Property(a => a.CorrectQuestions);
        builder.HasOne<ModuleProgress>().WithMany().HasForeignKey(a => a.ProgressId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<User>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(a => a.Answers).WithOne().HasForeignKey(a => a.AttemptId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.Answers).UsePropertyAccessMode(PropertyAccessMode.Field);
        // A replayed submission cannot record the same attempt twice.
        builder.HasIndex(a => new { a.ProgressId, a.CheckId, a.Number }).IsUnique();
        builder.HasIndex(a => new { a.ModuleId, a.CheckId });
    }
}

public class CheckAnswerConfiguration : IEntityTypeConfiguration<CheckAnswer>
{
    public void Configure(EntityTypeBuilder<CheckAnswer> builder)
    {
        builder.ToTable("KnowledgeCheckAnswers");
        builder.HasKey(a => new { a.AttemptId, a.QuestionId, a.OptionNumber });
        builder.Property(a => a.QuestionId).HasMaxLength(ContentIds.Length);
    }
}

public class ModuleCompletionConfiguration : IEntityTypeConfiguration<ModuleCompletion>
{
    public void Configure(EntityTypeBuilder<ModuleCompletion> builder)
    {
        builder.ToTable("ModuleCompletions");
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.ModuleId).HasMaxLength(ContentIds.Length);
        builder.Property(c => c.ModuleVersion).HasMaxLength(ContentIds.VersionLength);
        builder.Property(c => c.ContentHash).HasMaxLength(ContentIds.HashLength);
        // As on the certificate, which copies it.
        builder.Property(c => c.CpdHoursAwarded).HasPrecision(6, 2);
        builder.Ignore(c => c.Version);
        builder.HasOne<ModuleProgress>().WithMany().HasForeignKey(c => c.ProgressId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<User>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Restrict);
        // Recorded once: a double-submitted or replayed completion cannot make a second.
        builder.HasIndex(c => c.ProgressId).IsUnique();
        builder.HasIndex(c => new { c.UserId, c.ModuleId });
        // Completions by date, for the xAPI export (the dashboards read the reporting tables).
        builder.HasIndex(c => new { c.CompletedAt, c.ModuleId, c.UserId }).HasDatabaseName("IX_ModuleCompletions_Month");
    }
}
