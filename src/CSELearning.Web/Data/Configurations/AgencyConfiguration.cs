using CSELearning.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CSELearning.Web.Data.Configurations;

public class AgencyConfiguration : IEntityTypeConfiguration<Agency>
{
    public void Configure(EntityTypeBuilder<Agency> builder)
    {
        builder.ToTable("Agencies");
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Name).HasMaxLength(Partnership.NameMaxLength).IsRequired();
        builder.Property(a => a.Sector).HasConversion<string>().HasMaxLength(40).IsRequired();
        builder.HasIndex(a => new { a.PartnershipId, a.Name }).IsUnique();
        builder.HasMany(a => a.Teams).WithOne(t => t.Agency)
            .HasForeignKey(t => t.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}
