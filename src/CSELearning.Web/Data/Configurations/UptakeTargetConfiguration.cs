using CSELearning.Web.Domain;
using CSELearning.Web.Domain.Reporting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CSELearning.Web.Data.Configurations;

public class UptakeTargetConfiguration : IEntityTypeConfiguration<UptakeTarget>
{
    public void Configure(EntityTypeBuilder<UptakeTarget> builder)
    {
        builder.ToTable("UptakeTargets");
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.ModuleId).HasMaxLength(ContentIds.Length);
        builder.HasOne<Partnership>().WithMany().HasForeignKey(t => t.PartnershipId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Agency>().WithMany().HasForeignKey(t => t.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<User>().WithMany().HasForeignKey(t => t.SetById).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(t => new { t.AgencyId, t.ModuleId }).IsUnique();
        builder.HasIndex(t => t.PartnershipId);
        builder.HasIndex(t => t.SetById);
    }
}
