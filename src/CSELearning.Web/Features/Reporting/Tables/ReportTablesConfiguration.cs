using CSELearning.Web.Data.Configurations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CSELearning.Web.Features.Reporting.Tables;

// No foreign keys: these tables are derived from the tables that have them. Each covering index is in the order its
// report filters and groups, so a report reads the index alone.

public class UptakeRowConfiguration : IEntityTypeConfiguration<UptakeRow>
{
    public void Configure(EntityTypeBuilder<UptakeRow> builder)
    {
        builder.ToTable("UptakeRows");
        builder.HasKey(r => new { r.UserId, r.ModuleId });
        builder.Property(r => r.ModuleId).HasMaxLength(ContentIds.Length);
        builder.Property(r => r.JobRole).HasMaxLength(40);
        builder.Property(r => r.CompletedVersion).HasMaxLength(ContentIds.VersionLength);
        // A view with a period reads each module's rows started, and completed, in it.
        builder.HasIndex(r => new { r.PartnershipId, r.ModuleId, r.FirstStartedAt, r.AgencyId, r.TeamId, r.JobRole })
            .HasDatabaseName("IX_UptakeRows_Started");
        builder.HasIndex(r => new { r.PartnershipId, r.ModuleId, r.CompletedAt, r.CompletedVersion, r.JobRole, r.AgencyId, r.TeamId, r.CompletedMinutes })
            .HasDatabaseName("IX_UptakeRows_Completed");
    }
}

public class UptakeCountConfiguration : IEntityTypeConfiguration<UptakeCount>
{
    public void Configure(EntityTypeBuilder<UptakeCount> builder)
    {
        builder.ToTable("UptakeCounts");
        builder.HasKey(c => new { c.PartnershipId, c.ModuleId, c.AgencyId, c.TeamId, c.JobRole, c.CompletedVersion });
        builder.Property(c => c.ModuleId).HasMaxLength(ContentIds.Length);
        builder.Property(c => c.JobRole).HasMaxLength(40);
        builder.Property(c => c.CompletedVersion).HasMaxLength(ContentIds.VersionLength);
        // In the order a module's counts group by, so the groups come off the index with nothing to sort.
        builder.HasIndex(c => new { c.PartnershipId, c.ModuleId, c.JobRole, c.CompletedVersion, c.People })
            .HasDatabaseName("IX_UptakeCounts_Role");
        builder.HasIndex(c => new { c.PartnershipId, c.ModuleId, c.AgencyId, c.CompletedVersion, c.JobRole, c.People })
            .HasDatabaseName("IX_UptakeCounts_Agency");
        builder.HasIndex(c => new { c.PartnershipId, c.ModuleId, c.TeamId, c.CompletedVersion, c.JobRole, c.People })
            .HasDatabaseName("IX_UptakeCounts_Team");
    }
}

public class LearningTimeCountConfiguration : IEntityTypeConfiguration<LearningTimeCount>
{
    public void Configure(EntityTypeBuilder<LearningTimeCount> builder)
    {
        builder.ToTable("LearningTimeCounts");
        builder.HasKey(c => new { c.PartnershipId, c.ModuleId, c.AgencyId, c.TeamId, c.JobRole, c.CompletedVersion, c.Minutes });
        builder.Property(c => c.ModuleId).HasMaxLength(ContentIds.Length);
        builder.Property(c => c.JobRole).HasMaxLength(40);
        builder.Property(c => c.CompletedVersion).HasMaxLength(ContentIds.VersionLength);
        // Likewise, in the order a module's histograms group by.
        builder.HasIndex(c => new { c.PartnershipId, c.ModuleId, c.JobRole, c.Minutes, c.CompletedVersion, c.People })
            .HasDatabaseName("IX_LearningTimeCounts_Role");
        builder.HasIndex(c => new { c.PartnershipId, c.ModuleId, c.AgencyId, c.Minutes, c.JobRole, c.CompletedVersion, c.People })
            .HasDatabaseName("IX_LearningTimeCounts_Agency");
        builder.HasIndex(c => new { c.PartnershipId, c.ModuleId, c.TeamId, c.Minutes, c.JobRole, c.CompletedVersion, c.People })
            .HasDatabaseName("IX_LearningTimeCounts_Team");
    }
}

public class ChoiceCountConfiguration : IEntityTypeConfiguration<ChoiceCount>
{
    public void Configure(EntityTypeBuilder<ChoiceCount> builder)
    {
        builder.ToTable("ChoiceCounts");
        builder.HasKey(c => new { c.PartnershipId, c.ModuleId, c.AgencyId, c.JobRole, c.ScenarioId, c.NodeId, c.ChoiceNumber, c.ModuleVersion, c.Day });
        builder.Property(c => c.ModuleId).HasMaxLength(ContentIds.Length);
        builder.Property(c => c.JobRole).HasMaxLength(40);
        builder.Property(c => c.ScenarioId).HasMaxLength(ContentIds.Length);
        builder.Property(c => c.NodeId).HasMaxLength(ContentIds.Length);
        builder.Property(c => c.ModuleVersion).HasMaxLength(ContentIds.VersionLength);
        // The whole partnership, or one agency: the key's own order with the count added.
        builder.HasIndex(c => new { c.PartnershipId, c.ModuleId, c.AgencyId, c.JobRole, c.ScenarioId, c.NodeId, c.ChoiceNumber, c.ModuleVersion, c.Day, c.People })
            .HasDatabaseName("IX_ChoiceCounts_Report");
        // One job role across the partnership's agencies.
        builder.HasIndex(c => new { c.PartnershipId, c.ModuleId, c.JobRole, c.ScenarioId, c.NodeId, c.ChoiceNumber, c.ModuleVersion, c.Day, c.AgencyId, c.People })
            .HasDatabaseName("IX_ChoiceCounts_Role");
    }
}

public class EndingCountConfiguration : IEntityTypeConfiguration<EndingCount>
{
    public void Configure(EntityTypeBuilder<EndingCount> builder)
    {
        builder.ToTable("EndingCounts");
        builder.HasKey(c => new { c.PartnershipId, c.ModuleId, c.AgencyId, c.JobRole, c.ScenarioId, c.EndingNodeId, c.ModuleVersion, c.Day });
        builder.Property(c => c.ModuleId).HasMaxLength(ContentIds.Length);
        builder.Property(c => c.JobRole).HasMaxLength(40);
        builder.Property(c => c.ScenarioId).HasMaxLength(ContentIds.Length);
        builder.Property(c => c.EndingNodeId).HasMaxLength(ContentIds.Length);
        builder.Property(c => c.ModuleVersion).HasMaxLength(ContentIds.VersionLength);
        builder.HasIndex(c => new { c.PartnershipId, c.ModuleId, c.AgencyId, c.JobRole, c.ScenarioId, c.EndingNodeId, c.ModuleVersion, c.Day, c.People })
            .HasDatabaseName("IX_EndingCounts_Report");
        builder.HasIndex(c => new { c.PartnershipId, c.ModuleId, c.JobRole, c.ScenarioId, c.EndingNodeId, c.ModuleVersion, c.Day, c.AgencyId, c.People })
            .HasDatabaseName("IX_EndingCounts_Role");
    }
}

public class CompletionCountConfiguration : IEntityTypeConfiguration<CompletionCount>
{
    public void Configure(EntityTypeBuilder<CompletionCount> builder)
    {
        builder.ToTable("CompletionCounts");
        builder.HasKey(c => new { c.PartnershipId, c.AgencyId, c.JobRole, c.ModuleId, c.Month });
        builder.Property(c => c.JobRole).HasMaxLength(40);
        builder.Property(c => c.ModuleId).HasMaxLength(ContentIds.Length);
        builder.HasIndex(c => new { c.PartnershipId, c.Month, c.AgencyId, c.JobRole, c.ModuleId, c.Completions })
            .HasDatabaseName("IX_CompletionCounts_Report");
    }
}

// Item analysis reads one module version's rows at a time: each key is in that order already.
public class CheckTotalCountConfiguration : IEntityTypeConfiguration<CheckTotalCount>
{
    public void Configure(EntityTypeBuilder<CheckTotalCount> builder)
    {
        builder.ToTable("CheckTotalCounts");
        builder.HasKey(c => new { c.ModuleId, c.ModuleVersion, c.CheckId, c.Total });
        builder.Property(c => c.ModuleId).HasMaxLength(ContentIds.Length);
        builder.Property(c => c.ModuleVersion).HasMaxLength(ContentIds.VersionLength);
        builder.Property(c => c.CheckId).HasMaxLength(ContentIds.Length);
    }
}

public class QuestionTotalCountConfiguration : IEntityTypeConfiguration<QuestionTotalCount>
{
    public void Configure(EntityTypeBuilder<QuestionTotalCount> builder)
    {
        builder.ToTable("QuestionTotalCounts");
        builder.HasKey(c => new { c.ModuleId, c.ModuleVersion, c.CheckId, c.QuestionId, c.Total });
        builder.Property(c => c.ModuleId).HasMaxLength(ContentIds.Length);
        builder.Property(c => c.ModuleVersion).HasMaxLength(ContentIds.VersionLength);
        builder.Property(c => c.CheckId).HasMaxLength(ContentIds.Length);
        builder.Property(c => c.QuestionId).HasMaxLength(ContentIds.Length);
    }
}

public class OptionChoiceCountConfiguration : IEntityTypeConfiguration<OptionChoiceCount>
{
    public void Configure(EntityTypeBuilder<OptionChoiceCount> builder)
    {
        builder.ToTable("OptionChoiceCounts");
        builder.HasKey(c => new { c.ModuleId, c.ModuleVersion, c.CheckId, c.QuestionId, c.OptionNumber });
        builder.Property(c => c.ModuleId).HasMaxLength(ContentIds.Length);
        builder.Property(c => c.ModuleVersion).HasMaxLength(ContentIds.VersionLength);
        builder.Property(c => c.CheckId).HasMaxLength(ContentIds.Length);
        builder.Property(c => c.QuestionId).HasMaxLength(ContentIds.Length);
    }
}
