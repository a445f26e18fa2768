using CSELearning.Web.Domain;
using CSELearning.Web.Domain.Reflections;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CSELearning.Web.Data.Configurations;

public class CommentReplyConfiguration : IEntityTypeConfiguration<CommentReply>
{
    public void Configure(EntityTypeBuilder<CommentReply> builder)
    {
        builder.ToTable("CommentReplies");
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Stage).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<ReflectiveLog>().WithMany().HasForeignKey(r => r.LogId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<User>().WithMany().HasForeignKey(r => r.AuthorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.LogId, r.CreatedAt });
    }
}

public class FormDraftConfiguration : IEntityTypeConfiguration<FormDraft>
{
    public void Configure(EntityTypeBuilder<FormDraft> builder)
    {
        builder.ToTable("FormDrafts");
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.Form).HasMaxLength(20);
        builder.Property(d => d.Version).IsConcurrencyToken();
        builder.HasOne<ReflectiveLog>().WithMany().HasForeignKey(d => d.LogId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<User>().WithMany().HasForeignKey(d => d.OwnerId).OnDelete(DeleteBehavior.Restrict);
        // One draft of each form per person and log; a second tab's first save collides and is refused.
        builder.HasIndex(d => new { d.OwnerId, d.LogId, d.Form }).IsUnique();
        builder.HasIndex(d => d.LogId);
    }
}
