using CSELearning.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CSELearning.Web.Data.Configurations;

public class SupervisionRelationshipConfiguration : IEntityTypeConfiguration<SupervisionRelationship>
{
    public void Configure(EntityTypeBuilder<SupervisionRelationship> builder)
    {
        builder.ToTable("SupervisionRelationships");
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.HasOne(s => s.Supervisor).WithMany().HasForeignKey(s => s.SupervisorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(s => s.Supervisee).WithMany().HasForeignKey(s => s.SuperviseeId).OnDelete(DeleteBehavior.Restrict);
        // "Who does this supervisor look after now?" and "who supervises this person?" are the hot reads.
        builder.HasIndex(s => new { s.SupervisorId, s.EndsOn });
        builder.HasIndex(s => new { s.SuperviseeId, s.EndsOn });
    }
}
