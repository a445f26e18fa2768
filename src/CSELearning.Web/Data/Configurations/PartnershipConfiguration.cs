using CSELearning.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CSELearning.Web.Data.Configurations;

public class PartnershipConfiguration : IEntityTypeConfiguration<Partnership>
{
    public void Configure(EntityTypeBuilder<Partnership> builder)
    {
        builder.ToTable("Partnerships");
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Name).HasMaxLength(Partnership.NameMaxLength).IsRequired();
        builder.HasIndex(p => p.Name).IsUnique();
        builder.HasMany(p => p.Agencies).WithOne(a => a.Partnership)
            .HasForeignKey(a => a.PartnershipId).OnDelete(DeleteBehavior.Restrict);
    }
}
