using System.Net;
using System.Text;
using CSELearning.IntegrationTests.Infrastructure;
using CSELearning.Web.Domain;
using CSELearning.Web.Domain.Reflections;
using CSELearning.Web.Domain.Supervision;
using Microsoft.Extensions.DependencyInjection;

namespace CSELearning.IntegrationTests.Features.Supervision;

/// <summary>
/// A supervision session exported to a calendar, read back by an independent iCalendar parser (Ical.Net): the
/// next session's day as a whole-day private event with a link to the record, for either person on the record
/// only, and never a word of the notes.
/// </summary>
public abstract class CalendarTests(AppFactory factory) : IntegrationTest(factory)
{
    private const string NotesPhrase = "Heliotrope-Basalt-Wren";
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    private Task<Guid> RecordAsync(SupervisionPeople people, DateOnly session, DateOnly? next) => Factory.WithDbAsync(async db =>
    {
        var protector = Factory.Services.GetRequiredService<ITextProtector>();
        var record = SupervisionRecord.Start(people.Supervisor.Id, people.Supervisee.Id, [],
            new SessionDetails(session, next, SessionNotes.Empty with { Discussion = NotesPhrase, Wellbeing = NotesPhrase, Agenda = "Caseload, " + NotesPhrase }, [], []),
            protector, DateTime.UtcNow);
        db.SupervisionRecords.Add(record);
        await db.SaveChangesAsync();
        return record.Id;
    });

    private static async Task<(HttpResponseMessage Response, string Text)> DownloadAsync(HttpClient client, Guid id)
    {
        var response = await client.GetAsync($"/supervision/records/{id}/calendar.ics");
        return (response, Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()));
    }

    [Fact]
    public async Task Both_people_on_the_record_get_the_next_session_as_a_private_whole_day_event_with_a_link_and_no_notes()
    {
        var people = await SupervisionPeople.CreateAsync(Factory);
        var id = await RecordAsync(people, Today.AddDays(-2), Today.AddDays(26));

        foreach (var person in new[] { people.Supervisor, people.Supervisee })
        {
            var (response, text) = await DownloadAsync(await Factory.SignedInAsync(person.Email!), id);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
            Assert.Equal($"supervision-{Today.AddDays(26):yyyy-MM-dd}.ics", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
            var calendar = Ical.Net.Calendar.Load(text)!;
            var e = Assert.Single(calendar.Events);
            Assert.Equal("Next supervision session", e.Summary);
            Assert.False(e.DtStart!.HasTime);
            Assert.Equal(Today.AddDays(26), e.DtStart.Date);
            Assert.Equal(Today.AddDays(27), e.DtEnd!.Date);
            Assert.Equal(new Uri($"https://localhost/supervision/records/{id:D}"), e.Url);
            Assert.Contains($"https://localhost/supervision/records/{id:D}", e.Description);
            Assert.Equal("PRIVATE", e.Class);
            Assert.EndsWith("@localhost", e.Uid);
            Assert.DoesNotContain(NotesPhrase, text, StringComparison.OrdinalIgnoreCase);
            // Every line ends CRLF and none is longer than 75 octets.
            Assert.All(text.Split("\r\n")[..^1], line => Assert.InRange(Encoding.UTF8.GetByteCount(line), 1, 75));
            Assert.EndsWith("END:VCALENDAR\r\n", text);
        }
    }

    [Fact]
    public async Task A_record_with_no_next_session_exports_the_session_it_records_under_its_own_uid()
    {
        var people = await SupervisionPeople.CreateAsync(Factory);
        var planned = await RecordAsync(people, Today.AddDays(-30), Today.AddDays(-2));
        var unplanned = await RecordAsync(people, Today.AddDays(-2), null);
        var supervisee = await Factory.SignedInAsync(people.Supervisee.Email!);

        var e = Assert.Single(Ical.Net.Calendar.Load((await DownloadAsync(supervisee, unplanned)).Text)!.Events);
        var other = Assert.Single(Ical.Net.Calendar.Load((await DownloadAsync(supervisee, planned)).Text)!.Events);

        Assert.Equal("Supervision session", e.Summary);
        Assert.Equal(Today.AddDays(-2), e.DtStart!.Date);
        // The same day from two records is two events: a calendar must not merge them into one.
        Assert.Equal(Today.AddDays(-2), other.DtStart!.Date);
        Assert.NotEqual(e.Uid, other.Uid);
    }

    [Fact]
    public async Task No_one_else_gets_the_file_not_even_a_former_supervisor()
    {
        var people = await SupervisionPeople.CreateAsync(Factory);
        var id = await RecordAsync(people, Today.AddDays(-2), Today.AddDays(26));

        foreach (var person in new[] { people.Former, people.OtherSupervisor, people.OtherLearner, people.Commissioner, people.Administrator })
        {
            var (response, text) = await DownloadAsync(await Factory.SignedInAsync(person.Email!), id);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.DoesNotContain("VCALENDAR", text);
        }
        var anonymous = await Factory.CreateBrowser().GetAsync($"/supervision/records/{id}/calendar.ics");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
    }
}

public sealed class CalendarTestsOnSqlite(SqliteAppFactory factory) : CalendarTests(factory), IClassFixture<SqliteAppFactory>;
public sealed class CalendarTestsOnPostgres(PostgresAppFactory factory) : CalendarTests(factory), IClassFixture<PostgresAppFactory>;
