using CSELearning.Web.Domain;

namespace CSELearning.UnitTests.Domain;

public class SupervisionRelationshipTests
{
    private static readonly Guid Supervisor = Guid.CreateVersion7();
    private static readonly Guid Supervisee = Guid.CreateVersion7();
    private static readonly DateOnly March1 = new(2026, 3, 1);

    [Fact]
    public void Nobody_supervises_themselves() =>
        Assert.Throws<DomainException>(() => new SupervisionRelationship(Supervisor, Supervisor, March1));

    [Fact]
    public void It_cannot_end_before_it_starts() =>
        Assert.Throws<DomainException>(() => new SupervisionRelationship(Supervisor, Supervisee, March1, March1.AddDays(-1)));

    [Fact]
    public void It_is_current_from_its_first_day_to_its_last_inclusive()
    {
        var relationship = new SupervisionRelationship(Supervisor, Supervisee, March1, March1.AddDays(30));

        Assert.False(relationship.IsCurrentOn(March1.AddDays(-1)));
        Assert.True(relationship.IsCurrentOn(March1));
        Assert.True(relationship.IsCurrentOn(March1.AddDays(30)));
        Assert.False(relationship.IsCurrentOn(March1.AddDays(31)));
    }

    [Fact]
    public void An_open_relationship_is_current_for_ever_after_it_starts()
    {
        var relationship = new SupervisionRelationship(Supervisor, Supervisee, March1);

        Assert.True(relationship.IsCurrentOn(March1.AddYears(5)));
    }

    [Fact]
    public void A_supervisee_s_current_supervisors_are_those_whose_supervision_of_them_is_current_that_day()
    {
        var former = Guid.CreateVersion7();
        var later = Guid.CreateVersion7();
        var someoneElses = Guid.CreateVersion7();
        var relationships = new[]
        {
            new SupervisionRelationship(Supervisor, Supervisee, March1),
            new SupervisionRelationship(former, Supervisee, March1.AddYears(-1), March1.AddDays(-1)),
            new SupervisionRelationship(later, Supervisee, March1.AddDays(1)),
            new SupervisionRelationship(someoneElses, Guid.CreateVersion7(), March1),
        }.AsQueryable();

        Assert.Equal([Supervisor], SupervisionRelationship.CurrentSupervisorsOf(relationships, Supervisee, March1));
        Assert.Equal([Supervisor, later], SupervisionRelationship.CurrentSupervisorsOf(relationships, Supervisee, March1.AddDays(1)));
    }

    [Fact]
    public void Ending_sets_the_last_day_and_cannot_be_repeated_later()
    {
        var relationship = new SupervisionRelationship(Supervisor, Supervisee, March1);
        relationship.End(March1.AddDays(10));

        Assert.Equal(March1.AddDays(10), relationship.EndsOn);
        Assert.Throws<DomainException>(() => relationship.End(March1.AddDays(20)));
    }

    [Fact]
    public void Ending_before_the_start_is_refused()
    {
        var relationship = new SupervisionRelationship(Supervisor, Supervisee, March1);

        Assert.Throws<DomainException>(() => relationship.End(March1.AddDays(-1)));
        Assert.Null(relationship.EndsOn);
    }

    [Theory]
    [InlineData(-10, -1, false)] // wholly before
    [InlineData(-10, 0, true)]   // touches the first day
    [InlineData(5, 8, true)]     // inside
    [InlineData(30, null, true)] // starts on the last day, open
    [InlineData(31, null, false)] // starts after
    public void Overlap_is_judged_on_inclusive_days(int startOffset, int? endOffset, bool overlaps)
    {
        var relationship = new SupervisionRelationship(Supervisor, Supervisee, March1, March1.AddDays(30));

        Assert.Equal(overlaps, relationship.OverlapsWith(March1.AddDays(startOffset), endOffset is { } e ? March1.AddDays(e) : null));
    }

    [Fact]
    public void The_database_query_for_current_relationships_agrees_with_IsCurrentOn()
    {
        var ended = new SupervisionRelationship(Supervisor, Supervisee, March1, March1.AddDays(30));
        var open = new SupervisionRelationship(Supervisor, Supervisee, March1);

        foreach (var offset in new[] { -1, 0, 15, 30, 31, 400 })
        {
            var day = March1.AddDays(offset);
            var current = SupervisionRelationship.CurrentOn(day).Compile();
            Assert.Equal(ended.IsCurrentOn(day), current(ended));
            Assert.Equal(open.IsCurrentOn(day), current(open));
        }
    }
}

public class SupervisionFrequencyTests
{
    private static readonly Guid Supervisor = Guid.CreateVersion7();
    private static readonly Guid Supervisee = Guid.CreateVersion7();
    private static readonly DateOnly March1 = new(2026, 3, 1);

    [Fact]
    public void Supervision_is_due_the_agreed_number_of_weeks_after_the_last_session_or_after_the_start_before_any()
    {
        var monthly = new SupervisionRelationship(Supervisor, Supervisee, March1, frequencyWeeks: 4);

        Assert.Equal(March1.AddDays(28), monthly.SupervisionDueOn(null));
        Assert.Equal(new DateOnly(2026, 5, 8), monthly.SupervisionDueOn(new DateOnly(2026, 4, 10)));
        // A session before this supervision began (with an earlier supervisor, say) does not count.
        Assert.Equal(March1.AddDays(28), monthly.SupervisionDueOn(March1.AddDays(-10)));
    }

    [Fact]
    public void Without_an_agreed_frequency_nothing_is_due() =>
        Assert.Null(new SupervisionRelationship(Supervisor, Supervisee, March1).SupervisionDueOn(March1));

    [Theory]
    [InlineData(0)]
    [InlineData(27)]
    [InlineData(-4)]
    public void The_frequency_is_from_1_to_26_weeks(int weeks)
    {
        Assert.Throws<CSELearning.Web.Domain.DomainException>(() => new SupervisionRelationship(Supervisor, Supervisee, March1, frequencyWeeks: weeks));
        var relationship = new SupervisionRelationship(Supervisor, Supervisee, March1, frequencyWeeks: 26);
        Assert.Throws<CSELearning.Web.Domain.DomainException>(() => relationship.ChangeFrequency(weeks));
        Assert.Equal(26, relationship.FrequencyWeeks);
    }
}
