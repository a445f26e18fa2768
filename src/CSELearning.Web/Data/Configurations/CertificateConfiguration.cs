using CSELearning.Web.Domain;
using CSELearning.Web.Domain.Certificates;
using CSELearning.Web.Domain.Learning;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CSELearning.Web.Data.Configurations;

public class CertificateConfiguration : IEntityTypeConfiguration<Certificate>
{
    public void Configure(EntityTypeBuilder<Certificate> builder)
    {
        builder.ToTable("Certificates");
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Number).HasMaxLength(40);
        builder.Property(c => c.VerificationCode).HasMaxLength(Certificate.CodeLength);
        builder.Property(c => c.LearnerName).HasMaxLength(256);
        builder.Property(c => c.ModuleId).HasMaxLength(ContentIds.Length);
        builder.Property(c => c.ModuleTitle).HasMaxLength(300);
        builder.Property(c => c.ModuleVersion).HasMaxLength(ContentIds.VersionLength);
        builder.Property(c => c.CpdHours).HasPrecision(6, 2);
        builder.Property(c => c.PartnershipName).HasMaxLength(200);
        builder.Property(c => c.RevocationReason).HasMaxLength(500);
        builder.HasOne<ModuleCompletion>().WithMany().HasForeignKey(c => c.CompletionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<User>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Restrict);
        // One certificate per completion; codes and numbers are unique, and a code is looked up by itself.
        builder.HasIndex(c => c.CompletionId).IsUnique();
        builder.HasIndex(c => c.VerificationCode).IsUnique();
        builder.HasIndex(c => c.Number).IsUnique();
        builder.HasIndex(c => c.UserId);
    }
}
