using System.Globalization;
using CSELearning.Web.Domain;
using CSELearning.Web.Domain.Supervision;

namespace CSELearning.Web.Features.Supervision;

// Dates are year-month-day, as a browser's date field sends them.
public sealed class RecordForm
{
    public const string DateFormat = "yyyy-MM-dd";

    public string? SessionDate { get; set; }
    public string? NextSessionDate { get; set; }
    public string? Attendees { get; set; }
    public string? Agenda { get; set; }
    public string? Discussion { get; set; }
    public string? Wellbeing { get; set; }
    public string? Decisions { get; set; }
    public List<Guid> Logs { get; set; } = [];
    public List<ActionRow> Actions { get; set; } = [];
    public int Version { get; set; }

    // One action row: an action on the record (Id), a carried-forward one not yet saved (CarriedFrom), or a new one.
    public sealed class ActionRow
    {
        public Guid? Id { get; set; }
        public Guid? CarriedFrom { get; set; }
        public string? Description { get; set; }
        public string? Owner { get; set; }
        public string? DueOn { get; set; }
        // "Done" when the row's checkbox is ticked; an unticked box sends nothing, which is Open.
        public string? Status { get; set; }

        public bool IsBlankNewRow => Id is null && CarriedFrom is null && string.IsNullOrWhiteSpace(Description) && string.IsNullOrWhiteSpace(DueOn);
    }

    public SessionNotes ToNotes() => new(Attendees ?? "", Agenda ?? "", Discussion ?? "", Wellbeing ?? "", Decisions ?? "");

    // Wholly blank new rows (the form always offers a few) are dropped first, so the rows shown are those checked.
    public (SessionDetails? Details, IReadOnlyDictionary<string, string> Errors) ToDetails()
    {
        Actions = Actions.Where(a => !a.IsBlankNewRow).ToList();
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var sessionDate = ParseDate(SessionDate, nameof(SessionDate), "the date of the session", required: true, errors);
        var nextSessionDate = ParseDate(NextSessionDate, nameof(NextSessionDate), "the date of the next session", required: false, errors);
        var drafts = new List<ActionDraft>();
        for (var i = 0; i < Actions.Count; i++)
        {
            var row = Actions[i];
            if (!EnumDisplay.TryParseDisplay(row.Owner, out ActionOwner owner))
                errors[$"Actions[{i}].Owner"] = "Choose who will do this action";
            var dueOn = ParseDate(row.DueOn, $"Actions[{i}].DueOn", "the due date", required: false, errors);
            var status = row.Status == nameof(ActionStatus.Done) ? ActionStatus.Done : ActionStatus.Open;
            drafts.Add(new ActionDraft(row.Id, row.Id is null ? row.CarriedFrom : null, row.Description ?? "", owner, dueOn, status));
        }
        if (sessionDate is not { } date) return (null, errors);

        var details = new SessionDetails(date, nextSessionDate, ToNotes(), Logs, drafts);
        foreach (var (field, message) in details.Problems()) errors.TryAdd(field, message);
        return (errors.Count == 0 ? details : null, errors);
    }

    public static RecordForm Blank(DateOnly today, IEnumerable<SupervisionAction> carried) => new()
    {
        SessionDate = Format(today),
        Actions = carried.Select(a => new ActionRow { CarriedFrom = a.Id, Owner = a.Owner.ToString(), DueOn = Format(a.DueOn) }).ToList(),
        Version = 0,
    };

    public static RecordForm From(SupervisionRecord record, SessionNotes notes, Domain.Reflections.ITextProtector protector) => new()
    {
        SessionDate = Format(record.SessionDate),
        NextSessionDate = Format(record.NextSessionDate),
        Attendees = notes.Attendees,
        Agenda = notes.Agenda,
        Discussion = notes.Discussion,
        Wellbeing = notes.Wellbeing,
        Decisions = notes.Decisions,
        Logs = record.DiscussedLogs.Select(d => d.LogId).ToList(),
        Actions = record.Actions.OrderBy(a => a.Position).Select(a => new ActionRow
        {
            Id = a.Id,
            Description = a.IsCarriedForward ? null : a.Description(protector),
            Owner = a.Owner.ToString(),
            DueOn = Format(a.DueOn),
            Status = a.Status.ToString(),
        }).ToList(),
        Version = record.Version,
    };

    // Where a field comes in the form, so the error summary lists problems in the order of the page.
    public static (int Section, int Row, int Part) FormOrder(string field)
    {
        string[] fields = [nameof(SessionDate), nameof(Attendees), nameof(Agenda), nameof(Logs), nameof(Discussion), nameof(Wellbeing), nameof(Decisions)];
        if (Array.IndexOf(fields, field) is var at and >= 0) return (at, 0, 0);
        if (field.StartsWith("Actions[", StringComparison.Ordinal) && field.IndexOf(']', StringComparison.Ordinal) is var close and > 0
            && int.TryParse(field.AsSpan(8, close - 8), NumberStyles.None, CultureInfo.InvariantCulture, out var row))
            return (fields.Length, row, Array.IndexOf(["Description", "Owner", "DueOn"], field[(close + 2)..]));
        return (fields.Length + 1, 0, 0);
    }

    // The id of the control a field's error links to: "Actions[2].Description" is "Actions_2__Description".
    public static string IdFor(string field) => field.Replace('[', '_').Replace(']', '_').Replace('.', '_');

    public static string? Format(DateOnly? date) => date?.ToString(DateFormat, CultureInfo.InvariantCulture);

    private static DateOnly? ParseDate(string? text, string field, string what, bool required, Dictionary<string, string> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required) errors[field] = $"Enter {what}";
            return null;
        }
        if (!DateOnly.TryParseExact(text.Trim(), DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            errors[field] = $"Enter {what} as a real date, like 2026-11-21";
        else if (!Shared.InputErrors.InDateRange(date))
            errors[field] = $"Enter {what} {Shared.InputErrors.DateRangeText}";
        else
            return date;
        return null;
    }
}
