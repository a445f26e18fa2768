namespace CSELearning.Web.Features.Reporting.Tables;

// The tables the commissioners' dashboards read, so that a view over tens of thousands of learners and a
// million events adds up a few thousand rows rather than joining the events to the people. They hold counts
// and dates only, never anything anyone wrote or answered, and are written by Data/ReportTables.cs in the
// same transaction as the change they follow; nothing else changes them.

// One row for each learner counted in the reports (active, with the Learner role, in an agency), with their
// partnership, agency, team and job role as they are now; and one more for each module they have started,
// with when they first started it and their latest completion of it. Rebuilt for a person whenever any of
// that changes, so moving agency or leaving moves or removes all their rows at once.
public class UptakeRow
{
    private UptakeRow() { }

    public Guid UserId { get; private set; }
    // The module, or empty for the row that counts the person in scope.
    public string ModuleId { get; private set; } = "";
    public Guid PartnershipId { get; private set; }
    public Guid AgencyId { get; private set; }
    public Guid? TeamId { get; private set; }
    public string JobRole { get; private set; } = "";
    public DateTime? FirstStartedAt { get; private set; }
    public DateTime? CompletedAt { get; private set; }
    public string? CompletedVersion { get; private set; }
    public int? CompletedMinutes { get; private set; }
}

// The uptake rows added up: how many of them there are for each module (empty for the people in scope), agency,
// team (Guid.Empty for none), job role and latest version completed (empty for none). A view with
// no period reads these few thousand counts instead of a row per person; kept by subtracting a person's rows
// before they are worked out again and adding them after, so a count may stand at nought until it is used again.
public class UptakeCount
{
    private UptakeCount() { }

    public Guid PartnershipId { get; private set; }
    public string ModuleId { get; private set; } = "";
    public Guid AgencyId { get; private set; }
    public Guid TeamId { get; private set; }
    public string JobRole { get; private set; } = "";
    public string CompletedVersion { get; private set; } = "";
    public int People { get; private set; }
}

// The completed uptake rows added up by learning time as well: how many people's latest completion of a module's
// version took so many whole minutes, per agency, team (Guid.Empty for none) and job role. The
// medians of a view with no period are worked out from these histograms. Kept as UptakeCount is.
public class LearningTimeCount
{
    private LearningTimeCount() { }

    public Guid PartnershipId { get; private set; }
    public string ModuleId { get; private set; } = "";
    public Guid AgencyId { get; private set; }
    public Guid TeamId { get; private set; }
    public string JobRole { get; private set; } = "";
    public string CompletedVersion { get; private set; } = "";
    public int Minutes { get; private set; }
    public int People { get; private set; }
}

// How many learners first chose one option at one decision point (ChoiceNumber from 1), or
// first decided there at all (ChoiceNumber 0), on one day, in their first time through a
// scenario of one version of a module. Counted twice over: once for the whole partnership (agency
// Guid.Empty and job role empty) and once under the agency and job role the learner had when
// they chose, so each filter reads only the rows it needs.
public class ChoiceCount
{
    private ChoiceCount() { }

    public Guid PartnershipId { get; private set; }
    public string ModuleId { get; private set; } = "";
    public Guid AgencyId { get; private set; }
    public string JobRole { get; private set; } = "";
    public string ScenarioId { get; private set; } = "";
    public string NodeId { get; private set; } = "";
    public int ChoiceNumber { get; private set; }
    public string ModuleVersion { get; private set; } = "";
    public DateOnly Day { get; private set; }
    public int People { get; private set; }
}

// Completions of one module in one month by learners of one agency and job role (as they were when they completed).
public class CompletionCount
{
    private CompletionCount() { }

    public Guid PartnershipId { get; private set; }
    public Guid AgencyId { get; private set; }
    public string JobRole { get; private set; } = "";
    public string ModuleId { get; private set; } = "";
    // The first day of the month.
    public DateOnly Month { get; private set; }
    public int Completions { get; private set; }
}
