using CSELearning.Web.Content;

namespace CSELearning.Web.Domain.Learning;

public enum RefreshState
{
    // The refresh date is within the next DueSoonDays days.
    DueSoon,
    // A major change has been published since the learner completed the module.
    Due,
    // The refresh date, the last day the certificate is valid, has passed.
    Overdue,
}

// When a learner should take a module again: by the end of the module's refresh period after their latest
// completion (the day their certificate is valid until), or at once when a major change has been published since.
public sealed record Refresh(RefreshState State, DateOnly? DueOn)
{
    public const int DueSoonDays = 30;

    // Null when nothing is due: never completed, or completed recently enough.
    public static Refresh? Of(ContentModule module, ModuleCompletion? latest, DateOnly today)
    {
        if (latest is null) return null;
        DateOnly? dueOn = module.RefreshMonths is { } months ? DateOnly.FromDateTime(latest.CompletedAt).AddMonths(months) : null;
        if (dueOn is { } passed && passed < today) return new Refresh(RefreshState.Overdue, passed);
        if (latest.IsDueForRefresh(module)) return new Refresh(RefreshState.Due, dueOn);
        if (dueOn is { } soon && soon <= today.AddDays(DueSoonDays)) return new Refresh(RefreshState.DueSoon, soon);
        return null;
    }
}
