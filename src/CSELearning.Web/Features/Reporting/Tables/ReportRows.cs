namespace CSELearning.Web.Features.Reporting.Tables;

// Counts and dates only, never anything anyone wrote or answered, so a view over tens of thousands of learners adds
// up a few thousand rows rather than joining the events to the people. Written only by ReportTables, in the same
// transaction as the change they follow.

// Rebuilt for a person whenever their agency, team, job role or active state changes, so moving or leaving moves or
// removes all their rows at once.
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

// A view with no period reads these few thousand counts instead of a row per person. Kept by subtracting a person's
// rows before they are worked out again and adding them after, so a count may stand at nought until used again.
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

// Kept as UptakeCount is; a view with no period works its medians out from these histograms.
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

// ChoiceNumber 0 counts first deciding at the point at all. Counted twice over: for the whole partnership (agency
// Guid.Empty, job role empty) and under the learner's agency and job role when they chose, so each filter reads only
// the rows it needs.
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

// Each progress's first time through a scenario, counted once at the ending it reached; kept at the same two levels as
// ChoiceCount. A replay after seeing the feedback, or a new ending reached by going back, adds nothing.
public class EndingCount
{
    private EndingCount() { }

    public Guid PartnershipId { get; private set; }
    public string ModuleId { get; private set; } = "";
    public Guid AgencyId { get; private set; }
    public string JobRole { get; private set; } = "";
    public string ScenarioId { get; private set; } = "";
    public string EndingNodeId { get; private set; } = "";
    public string ModuleVersion { get; private set; } = "";
    public DateOnly Day { get; private set; }
    public int People { get; private set; }
}

// By the agency and job role the learners had when they completed.
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

// Item analysis. Only each progress's first attempt at a check counts, across every partnership, and none is ever
// taken away: erasing a person leaves their attempts, which name no one, counted.

// How many first attempts at a check got each total of questions right: the histogram the discrimination index is
// walked from.
public class CheckTotalCount
{
    private CheckTotalCount() { }

    public string ModuleId { get; private set; } = "";
    public string ModuleVersion { get; private set; } = "";
    public string CheckId { get; private set; } = "";
    public int Total { get; private set; }
    public int Attempts { get; private set; }
}

// Of the first attempts with a given total, how many answered the question right.
public class QuestionTotalCount
{
    private QuestionTotalCount() { }

    public string ModuleId { get; private set; } = "";
    public string ModuleVersion { get; private set; } = "";
    public string CheckId { get; private set; } = "";
    public string QuestionId { get; private set; } = "";
    public int Total { get; private set; }
    public int Correct { get; private set; }
}

// How many first attempts chose each option, by its number as written.
public class OptionChoiceCount
{
    private OptionChoiceCount() { }

    public string ModuleId { get; private set; } = "";
    public string ModuleVersion { get; private set; } = "";
    public string CheckId { get; private set; } = "";
    public string QuestionId { get; private set; } = "";
    public int OptionNumber { get; private set; }
    public int Attempts { get; private set; }
}
