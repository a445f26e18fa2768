using CSELearning.Web.Domain;
using CSELearning.Web.Domain.Audit;
using CSELearning.Web.Domain.Reflections;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CSELearning.Web.Data.Configurations;

public class ReflectiveLogConfiguration : IEntityTypeConfiguration<ReflectiveLog>
{
    public void Configure(EntityTypeBuilder<ReflectiveLog> builder)
    {
        builder.ToTable("ReflectiveLogs");
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.Property(l => l.ModuleId).HasMaxLength(ContentIds.Length);
        builder.Property(l => l.ModuleVersion).HasMaxLength(ContentIds.VersionLength);
        builder.Property(l => l.PromptId).HasMaxLength(ContentIds.Length);
        builder.Property(l => l.Status).HasConversion<string>().HasMaxLength(20);
        // Edits, shares and reviews made against an older version are refused, never overwritten.
        builder.Property(l => l.Version).IsConcurrencyToken();
        builder.HasOne<User>().WithMany().HasForeignKey(l => l.AuthorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(l => new { l.AuthorId, l.UpdatedAt });
        // The caseload: logs awaiting review, oldest first.
        builder.HasIndex(l => new { l.Status, l.SharedAt });
    }
}

public class ReviewCommentConfiguration : IEntityTypeConfiguration<ReviewComment>
{
    public void Configure(EntityTypeBuilder<ReviewComment> builder)
    {
        builder.ToTable("ReviewComments");
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Stage).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<ReflectiveLog>().WithMany().HasForeignKey(c => c.LogId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<User>().WithMany().HasForeignKey(c => c.SupervisorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.LogId, c.CreatedAt });
    }
}

public class LogShareConfiguration : IEntityTypeConfiguration<LogShare>
{
    public void Configure(EntityTypeBuilder<LogShare> builder)
    {
        builder.ToTable("LogShares");
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.HasOne<ReflectiveLog>().WithMany().HasForeignKey(s => s.LogId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<User>().WithMany().HasForeignKey(s => s.SupervisorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => s.LogId);
    }
}

public class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("AuditEntries");
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Action).HasConversion<string>().HasMaxLength(40);
        builder.Property(a => a.Detail).HasMaxLength(200);
        // No foreign keys: the trail outlives what it describes (an erased person, a removed record).
        builder.HasIndex(a => a.At);
        builder.HasIndex(a => new { a.OwnerId, a.At });
        builder.HasIndex(a => new { a.SubjectId, a.At });
    }
}
