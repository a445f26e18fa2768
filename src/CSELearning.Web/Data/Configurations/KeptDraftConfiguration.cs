using CSELearning.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CSELearning.Web.Data.Configurations;

public class KeptDraftConfiguration : IEntityTypeConfiguration<KeptDraft>
{
    public void Configure(EntityTypeBuilder<KeptDraft> builder)
    {
        builder.ToTable("KeptDrafts");
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.Path).HasMaxLength(KeptDraft.MaxPathLength).IsRequired();
        builder.Property(d => d.FormPage).HasMaxLength(KeptDraft.MaxPathLength);
        builder.Property(d => d.ProtectedFields).IsRequired();
        builder.HasOne<User>().WithMany().HasForeignKey(d => d.UserId).OnDelete(DeleteBehavior.Restrict);
        // Read by person (their list), deleted by expiry.
        builder.HasIndex(d => d.UserId);
        builder.HasIndex(d => d.ExpiresAt);
    }
}
