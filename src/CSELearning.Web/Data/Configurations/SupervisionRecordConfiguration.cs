using CSELearning.Web.Domain;
using CSELearning.Web.Domain.Reflections;
using CSELearning.Web.Domain.Supervision;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CSELearning.Web.Data.Configurations;

public class SupervisionRecordConfiguration : IEntityTypeConfiguration<SupervisionRecord>
{
    public void Configure(EntityTypeBuilder<SupervisionRecord> builder)
    {
        builder.ToTable("SupervisionRecords");
        builder.Property(r => r.Id).ValueGeneratedNever();
        // Saves and signatures made against an older version are refused, never overwritten.
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasOne<User>().WithMany().HasForeignKey(r => r.SupervisorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<User>().WithMany().HasForeignKey(r => r.SuperviseeId).OnDelete(DeleteBehavior.Restrict);
        // Actions and discussed logs are parts of the record: one removed from it is deleted with it.
        builder.HasMany(r => r.Actions).WithOne().HasForeignKey(a => a.RecordId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.DiscussedLogs).WithOne().HasForeignKey(d => d.RecordId).OnDelete(DeleteBehavior.Cascade);
        // "This pair's records" (the supervisor's list, carrying actions forward) and "my records" (the supervisee's).
        builder.HasIndex(r => new { r.SupervisorId, r.SuperviseeId, r.SessionDate });
        builder.HasIndex(r => new { r.SuperviseeId, r.SessionDate });
    }
}

public class SupervisionActionConfiguration : IEntityTypeConfiguration<SupervisionAction>
{
    public void Configure(EntityTypeBuilder<SupervisionAction> builder)
    {
        builder.ToTable("SupervisionActions");
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Owner).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<SupervisionAction>().WithMany().HasForeignKey(a => a.CarriedFromId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.RecordId, a.Position });
    }
}

public class DiscussedLogConfiguration : IEntityTypeConfiguration<DiscussedLog>
{
    public void Configure(EntityTypeBuilder<DiscussedLog> builder)
    {
        builder.ToTable("DiscussedLogs");
        builder.HasKey(d => new { d.RecordId, d.LogId });
        builder.HasOne<ReflectiveLog>().WithMany().HasForeignKey(d => d.LogId).OnDelete(DeleteBehavior.Restrict);
    }
}

public class SupervisionCommentConfiguration : IEntityTypeConfiguration<SupervisionComment>
{
    public void Configure(EntityTypeBuilder<SupervisionComment> builder)
    {
        builder.ToTable("SupervisionComments");
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.HasOne<SupervisionRecord>().WithMany().HasForeignKey(c => c.RecordId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<User>().WithMany().HasForeignKey(c => c.AuthorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.RecordId, c.CreatedAt });
    }
}
