using CSELearning.Web.Domain;
using CSELearning.Web.Domain.Reflections;
using CSELearning.Web.Domain.Supervision;

namespace CSELearning.UnitTests.Domain.Supervision;

public class SupervisionRecordTests
{
    private static readonly Guid Supervisor = Guid.CreateVersion7();
    private static readonly Guid Supervisee = Guid.CreateVersion7();
    private static readonly DateOnly March1 = new(2026, 3, 1);
    private static readonly DateTime Now = new(2026, 3, 1, 10, 0, 0, DateTimeKind.Utc);
    private static readonly ReversibleProtector Protector = new();

    // Signatures and the lock

    [Fact]
    public void A_new_record_is_a_draft_at_version_1_with_its_text_sealed()
    {
        var record = Start(Notes(discussion: "We talked about the new referral."));

        Assert.Equal((RecordStatus.Draft, 1), (record.Status, record.Version));
        Assert.DoesNotContain("new referral", record.ProtectedNotes, StringComparison.Ordinal);
        Assert.Equal("We talked about the new referral.", record.Read(Protector).Discussion);
    }

    [Fact]
    public void The_supervisor_signs_then_the_supervisee_acknowledges_and_the_record_is_locked()
    {
        var record = Start(Notes(wellbeing: "Tired but coping; agreed a lighter week."));

        record.SignAsSupervisor(Supervisor, 1, Protector, Now);
        Assert.Equal((RecordStatus.AwaitingAcknowledgement, 2), (record.Status, record.Version));
        record.Acknowledge(Supervisee, 2, Now.AddHours(1));

        Assert.Equal((RecordStatus.Locked, 3), (record.Status, record.Version));
        Assert.True(record.IsLocked);
        Assert.Equal(Now.AddHours(1), record.SuperviseeSignedAt);
    }

    [Fact]
    public void The_supervisee_cannot_acknowledge_before_the_supervisor_has_signed()
    {
        var record = Start(Notes(wellbeing: "Fine."));

        var refused = Assert.Throws<DomainException>(() => record.Acknowledge(Supervisee, 1, Now));

        Assert.Contains("has not signed", refused.Message, StringComparison.Ordinal);
        Assert.Equal((RecordStatus.Draft, 1), (record.Status, record.Version));
    }

    [Fact]
    public void Only_the_supervisor_signs_first_and_only_the_supervisee_acknowledges()
    {
        var record = Start(Notes(wellbeing: "Fine."));

        Assert.Throws<DomainException>(() => record.SignAsSupervisor(Supervisee, 1, Protector, Now));
        record.SignAsSupervisor(Supervisor, 1, Protector, Now);
        Assert.Throws<DomainException>(() => record.Acknowledge(Supervisor, 2, Now));
        Assert.Equal(RecordStatus.AwaitingAcknowledgement, record.Status);
    }

    [Fact]
    public void The_supervisor_cannot_sign_without_recording_the_supervisees_wellbeing()
    {
        var record = Start(Notes(wellbeing: "   "));

        var refused = Assert.Throws<DomainException>(() => record.SignAsSupervisor(Supervisor, 1, Protector, Now));

        Assert.Contains("wellbeing", refused.Message, StringComparison.Ordinal);
        Assert.Null(record.SupervisorSignedAt);
    }

    [Fact]
    public void Once_signed_by_the_supervisor_the_record_cannot_be_saved_and_once_locked_takes_no_comments()
    {
        var record = Start(Notes(wellbeing: "Fine."));
        record.SignAsSupervisor(Supervisor, 1, Protector, Now);

        Assert.Throws<DomainException>(() => record.Save(Supervisor, Details(Notes(discussion: "changed")), 2, Protector, Now));
        record.AddComment(Supervisee, "I would add that we agreed a debrief.", Protector, Now);
        record.Acknowledge(Supervisee, 2, Now);

        Assert.Throws<DomainException>(() => record.Save(Supervisor, Details(Notes(discussion: "changed")), 3, Protector, Now));
        Assert.Throws<DomainException>(() => record.AddComment(Supervisee, "Too late", Protector, Now));
        Assert.Throws<DomainException>(() => record.Acknowledge(Supervisee, 3, Now));
        Assert.Equal(("", 3), (record.Read(Protector).Discussion, record.Version));
    }

    [Fact]
    public void Only_the_supervisee_comments_and_a_comment_is_sealed()
    {
        var record = Start(Notes());

        Assert.Throws<DomainException>(() => record.AddComment(Supervisor, "Mine", Protector, Now));
        var comment = record.AddComment(Supervisee, "  The date was the 2nd.  ", Protector, Now);

        Assert.Equal("The date was the 2nd.", comment.Read(Protector));
        Assert.DoesNotContain("The date", comment.ProtectedText, StringComparison.Ordinal);
        Assert.Equal(1, record.Version); // a comment does not make the supervisor's open form out of date
    }

    // Versions

    [Fact]
    public void A_save_against_an_older_version_is_refused_and_changes_nothing()
    {
        var record = Start(Notes(discussion: "First"));
        record.Save(Supervisor, Details(Notes(discussion: "Second")), 1, Protector, Now);

        var refused = Assert.Throws<RecordConflictException>(() => record.Save(Supervisor, Details(Notes(discussion: "From another tab")), 1, Protector, Now));

        Assert.Contains("changed since you opened it", refused.Message, StringComparison.Ordinal);
        Assert.Equal(("Second", 2), (record.Read(Protector).Discussion, record.Version));
    }

    [Fact]
    public void A_signature_against_an_older_version_is_refused()
    {
        var record = Start(Notes(wellbeing: "Fine."));
        record.Save(Supervisor, Details(Notes(wellbeing: "Fine, after a hard week.")), 1, Protector, Now);

        Assert.Throws<RecordConflictException>(() => record.SignAsSupervisor(Supervisor, 1, Protector, Now));
        record.SignAsSupervisor(Supervisor, 2, Protector, Now);
        var stale = Assert.Throws<RecordConflictException>(() => record.Acknowledge(Supervisee, 2, Now));

        Assert.Contains("signed by the supervisor since you opened it", stale.Message, StringComparison.Ordinal);
        Assert.Equal(RecordStatus.AwaitingAcknowledgement, record.Status);
    }

    // Limits

    [Theory]
    [InlineData(SessionField.Attendees, 500)]
    [InlineData(SessionField.Agenda, 2_000)]
    [InlineData(SessionField.Discussion, 10_000)]
    [InlineData(SessionField.Wellbeing, 5_000)]
    [InlineData(SessionField.Decisions, 5_000)]
    public void Each_part_takes_text_up_to_its_limit_and_refuses_more(SessionField field, int limit)
    {
        Assert.Equal(limit, field.MaxLength());
        Assert.Empty(NotesWith(field, new string('a', limit)).Problems());

        var problems = NotesWith(field, new string('a', limit + 1)).Problems();

        Assert.Equal($"{field.Heading()} must be {limit:N0} characters or fewer (it is {limit + 1:N0})", problems[field.ToString()]);
        var record = Start(Notes());
        Assert.Throws<DomainException>(() => record.Save(Supervisor, Details(NotesWith(field, new string('a', limit + 1))), 1, Protector, Now));
        Assert.Equal(1, record.Version);
    }

    [Fact]
    public void Action_descriptions_comments_and_the_next_date_have_their_limits()
    {
        var tooLong = new string('a', SupervisionAction.MaxDescriptionLength + 1);
        var details = Details(Notes(), new ActionDraft(null, null, tooLong, ActionOwner.Supervisee, null, ActionStatus.Open)) with { NextSessionDate = March1.AddDays(-1) };

        var problems = details.Problems();

        Assert.Equal("An action must be 500 characters or fewer (it is 501)", problems["Actions[0].Description"]);
        Assert.Equal("The next session must be on or after the date of this one", problems["NextSessionDate"]);
        Assert.Throws<DomainException>(() => Start(Notes()).AddComment(Supervisee, new string('a', CommentText.MaxLength + 1), Protector, Now));
    }

    [Fact]
    public void A_record_holds_at_most_fifty_actions_of_its_own()
    {
        var actions = Enumerable.Range(1, SessionDetails.MaxActions + 1)
            .Select(i => new ActionDraft(null, null, $"Action {i}", ActionOwner.Supervisee, null, ActionStatus.Open)).ToArray();

        Assert.Throws<DomainException>(() => Start(Notes(), actions));
        Assert.Equal(SessionDetails.MaxActions, Start(Notes(), actions[..^1]).Actions.Count);
    }

    // Actions

    [Fact]
    public void Actions_are_added_changed_and_removed_by_clearing_their_description()
    {
        var record = Start(Notes(), Action("Book the training"), Action("Read the protocol"));
        var first = record.Actions.Single(a => a.Description(Protector) == "Book the training");
        var second = record.Actions.Single(a => a.Description(Protector) == "Read the protocol");

        record.Save(Supervisor, Details(Notes(),
            new ActionDraft(first.Id, null, "Book the training", ActionOwner.Supervisor, March1.AddDays(7), ActionStatus.Done),
            new ActionDraft(second.Id, null, "", ActionOwner.Supervisee, null, ActionStatus.Open),
            Action("Arrange a debrief")), 1, Protector, Now);

        Assert.Equal(["Book the training", "Arrange a debrief"], record.Actions.OrderBy(a => a.Position).Select(a => a.Description(Protector)));
        Assert.Equal((ActionOwner.Supervisor, March1.AddDays(7), ActionStatus.Done), (first.Owner, first.DueOn, first.Status));
    }

    // Carrying actions forward

    [Fact]
    public void Starting_the_next_record_carries_forward_every_open_action_as_a_linked_copy()
    {
        var first = Start(Notes(wellbeing: "Fine."), Action("Book the training", ActionOwner.Supervisor, March1.AddDays(14)), Action("Read the protocol"));
        var done = first.Actions.Single(a => a.Description(Protector) == "Read the protocol");
        first.Save(Supervisor, Details(Notes(wellbeing: "Fine."), [.. first.Actions.OrderBy(a => a.Position).Select(a =>
            new ActionDraft(a.Id, null, a.Description(Protector), a.Owner, a.DueOn, a == done ? ActionStatus.Done : ActionStatus.Open))]), 1, Protector, Now);
        first.SignAsSupervisor(Supervisor, 2, Protector, Now);
        var open = first.Actions.Single(a => a.Status == ActionStatus.Open);

        var second = SupervisionRecord.Start(Supervisor, Supervisee, [first], Details(Notes(), Action("Arrange a debrief")), Protector, Now.AddDays(28));

        var carried = second.Actions.Single(a => a.IsCarriedForward);
        Assert.Equal(open.Id, carried.CarriedFromId);
        Assert.Equal(("Book the training", ActionOwner.Supervisor, March1.AddDays(14), ActionStatus.Open),
            (carried.Description(Protector), carried.Owner, carried.DueOn, carried.Status));
        Assert.Equal(2, second.Actions.Count);
        Assert.Equal(ActionStatus.Open, open.Status); // the signed record is left as it was
    }

    [Fact]
    public void An_action_carried_once_is_not_carried_again_but_its_copy_is_while_still_open()
    {
        var first = Signed(SupervisionRecord.Start(Supervisor, Supervisee, [], Details(Notes(wellbeing: "Fine."), Action("Book the training")), Protector, Now));
        var second = Signed(SupervisionRecord.Start(Supervisor, Supervisee, [first], Details(Notes(wellbeing: "Fine.")), Protector, Now.AddDays(28)));

        var outstanding = SupervisionRecord.Outstanding([first, second]);
        var third = SupervisionRecord.Start(Supervisor, Supervisee, [first, second], Details(Notes()), Protector, Now.AddDays(56));

        Assert.Equal(second.Actions.Single().Id, Assert.Single(outstanding).Id);
        Assert.Equal(second.Actions.Single().Id, Assert.Single(third.Actions).CarriedFromId);
    }

    [Fact]
    public void A_carried_action_keeps_its_wording_cannot_be_removed_and_once_done_is_not_carried()
    {
        var first = Signed(SupervisionRecord.Start(Supervisor, Supervisee, [], Details(Notes(wellbeing: "Fine."), Action("Book the training")), Protector, Now));
        var original = first.Actions.Single();
        var second = SupervisionRecord.Start(Supervisor, Supervisee, [first],
            Details(Notes(wellbeing: "Fine."), new ActionDraft(null, original.Id, "Reworded", ActionOwner.Supervisee, March1.AddDays(40), ActionStatus.Open)), Protector, Now.AddDays(28));
        var copy = second.Actions.Single();
        Assert.Equal(("Book the training", March1.AddDays(40)), (copy.Description(Protector), copy.DueOn));

        // Left out of the form, or cleared, it stays; marked done, the next record does not take it on.
        second.Save(Supervisor, Details(Notes(wellbeing: "Fine.")), 1, Protector, Now);
        Assert.Single(second.Actions);
        second.Save(Supervisor, Details(Notes(wellbeing: "Fine."), new ActionDraft(copy.Id, null, "", ActionOwner.Supervisee, null, ActionStatus.Done)), 2, Protector, Now);
        Assert.Equal(ActionStatus.Done, Assert.Single(second.Actions).Status);
        Signed(second, version: 3);

        Assert.Empty(SupervisionRecord.Outstanding([first, second]));
    }

    [Fact]
    public void The_next_record_cannot_start_while_an_earlier_one_is_still_a_draft()
    {
        var draft = Start(Notes(), Action("Book the training"));

        var refused = Assert.Throws<DomainException>(() => SupervisionRecord.Start(Supervisor, Supervisee, [draft], Details(Notes()), Protector, Now));

        Assert.Contains("still a draft", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_the_pairs_own_records_carry_forward()
    {
        var other = SupervisionRecord.Start(Guid.CreateVersion7(), Supervisee, [], Details(Notes()), Protector, Now);

        Assert.Throws<ArgumentException>(() => SupervisionRecord.Start(Supervisor, Supervisee, [other], Details(Notes()), Protector, Now));
        Assert.Throws<DomainException>(() => SupervisionRecord.Start(Supervisor, Supervisor, [], Details(Notes()), Protector, Now));
    }

    // Helpers

    private static SupervisionRecord Start(SessionNotes notes, params ActionDraft[] actions) =>
        SupervisionRecord.Start(Supervisor, Supervisee, [], Details(notes, actions), Protector, Now);

    private static SupervisionRecord Signed(SupervisionRecord record, int version = 1)
    {
        record.SignAsSupervisor(Supervisor, version, Protector, Now);
        return record;
    }

    private static SessionDetails Details(SessionNotes notes, params ActionDraft[] actions) => new(March1, null, notes, [], actions);

    private static ActionDraft Action(string description, ActionOwner owner = ActionOwner.Supervisee, DateOnly? dueOn = null) =>
        new(null, null, description, owner, dueOn, ActionStatus.Open);

    private static SessionNotes Notes(string discussion = "", string wellbeing = "") => SessionNotes.Empty with { Discussion = discussion, Wellbeing = wellbeing };

    private static SessionNotes NotesWith(SessionField field, string text) => field switch
    {
        SessionField.Attendees => SessionNotes.Empty with { Attendees = text },
        SessionField.Agenda => SessionNotes.Empty with { Agenda = text },
        SessionField.Discussion => SessionNotes.Empty with { Discussion = text },
        SessionField.Wellbeing => SessionNotes.Empty with { Wellbeing = text },
        _ => SessionNotes.Empty with { Decisions = text },
    };

    /// <summary>Stands in for Data Protection: reversible, and never leaves the text readable.</summary>
    private sealed class ReversibleProtector : ITextProtector
    {
        public string Protect(string plaintext) => "sealed:" + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(plaintext));

        public string Unprotect(string protectedText) => System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(protectedText["sealed:".Length..]));
    }
}
