using System.Net;
using System.Text.RegularExpressions;
using CSELearning.IntegrationTests.Infrastructure;
using CSELearning.Tests.Shared;
using CSELearning.Web.Domain;
using CSELearning.Web.Domain.Audit;
using CSELearning.Web.Domain.Reflections;
using CSELearning.Web.Domain.Supervision;
using CSELearning.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CSELearning.IntegrationTests.Features.Supervision;

/// <summary>
/// The PDF of a signed supervision record: only its two parties can generate it, only once the supervisor has
/// signed, every generation is audited, and it prints every field, the actions (across pages, header repeated),
/// both signatures, the marking, who generated it and page numbers.
/// </summary>
public abstract partial class SupervisionRecordPdfTests(AppFactory factory) : IntegrationTest(factory)
{
    private Task<SupervisionPeople> PeopleAsync() => SupervisionPeople.CreateAsync(Factory);

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    private static string Pdf(Guid id) => $"/supervision/records/{id}/pdf";

    private static SessionNotes Notes => new(
        "Sol Supervisor (supervisor), Ash Supervisee (social worker)",
        "The home visit; caseload",
        "We talked through the home visit and the strategy meeting.",
        "Tired after the visit; a debrief is booked with the team manager.",
        "Keep the case for now and review next month.");

    /// <summary>A record written, signed and (optionally) acknowledged through the domain, straight to the database.</summary>
    private Task<Guid> RecordAsync(SupervisionPeople people, SessionNotes notes, IReadOnlyList<ActionDraft> actions, bool sign = true, bool acknowledge = true,
        string? comment = null, Guid? log = null) => Factory.WithDbAsync(async db =>
    {
        var protector = Factory.Services.GetRequiredService<ITextProtector>();
        var now = DateTime.UtcNow.AddHours(-3);
        var record = SupervisionRecord.Start(people.Supervisor.Id, people.Supervisee.Id, [],
            new SessionDetails(Today.AddDays(-2), Today.AddDays(26), notes, log is { } l ? [l] : [], actions), protector, now);
        db.SupervisionRecords.Add(record);
        if (comment is not null) db.SupervisionComments.Add(record.AddComment(people.Supervisee.Id, comment, protector, now.AddMinutes(30)));
        if (sign) record.SignAsSupervisor(people.Supervisor.Id, 1, protector, now.AddHours(1));
        if (sign && acknowledge) record.Acknowledge(people.Supervisee.Id, 2, now.AddHours(2).AddMinutes(17));
        await db.SaveChangesAsync();
        return record.Id;
    });

    private Task<Guid> LogAsync(User author, string title) => Factory.WithDbAsync(async db =>
    {
        var protector = Factory.Services.GetRequiredService<ITextProtector>();
        var log = new ReflectiveLog(author.Id, ReflectionText.Empty with { Title = title }, protector, DateTime.UtcNow);
        log.Share(author.Id, 1, DateTime.UtcNow);
        db.ReflectiveLogs.Add(log);
        await db.SaveChangesAsync();
        return log.Id;
    });

    private static async Task<PdfFile> DownloadAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.EndsWith(".pdf", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString());
        return new PdfFile(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Each_party_gets_a_pdf_with_every_field_the_actions_both_signatures_the_marking_and_who_generated_it()
    {
        var people = await PeopleAsync();
        var log = await LogAsync(people.Supervisee, "A visit that stayed with me");
        var id = await RecordAsync(people, Notes,
            [new(null, null, "Book the trauma-informed training", ActionOwner.Supervisee, Today.AddDays(14), ActionStatus.Open),
             new(null, null, "Ask about **caseload** weighting", ActionOwner.Supervisor, null, ActionStatus.Done)],
            comment: "I would add that the debrief is booked.", log: log);
        var record = await Factory.WithDbAsync(db => db.SupervisionRecords.AsNoTracking().SingleAsync(r => r.Id == id));

        foreach (var party in new[] { people.Supervisor, people.Supervisee })
        {
            var client = await Factory.SignedInAsync(party.Email!);
            Assert.Contains($"href=\"{Pdf(id)}\"", await client.GetPageAsync($"/supervision/records/{id}"));
            var text = (await DownloadAsync(client, Pdf(id))).Text;

            Assert.StartsWith("Confidential: may be disclosable", text);
            foreach (var expected in new[]
            {
                "Supervisor Sol Supervisor", "Supervisee Ash Supervisee", Dates.Day(record.SessionDate), Dates.Day(record.NextSessionDate!.Value),
                Notes.Attendees, Notes.Agenda, Notes.Discussion, Notes.Wellbeing, Notes.Decisions, "A visit that stayed with me",
                "Book the trauma-informed training", Dates.Day(Today.AddDays(14)), "Ask about **caseload** weighting", "Done", "Open",
                "I would add that the debrief is booked.",
                $"Signed by the supervisor, Sol Supervisor {Dates.Moment(record.SupervisorSignedAt!.Value)}",
                $"Acknowledged by the supervisee, Ash Supervisee {Dates.Moment(record.SuperviseeSignedAt!.Value)}",
                $"Generated by {party.DisplayName} on {Dates.Day(DateTime.UtcNow)}",
                "Page 1 of",
            })
            {
                Assert.Contains(expected, text);
            }
        }

        var audit = await Factory.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == AuditAction.SupervisionRecordExported).OrderBy(e => e.At).ToListAsync());
        Assert.Equal([(people.Supervisor.Id, id, people.Supervisee.Id), (people.Supervisee.Id, id, people.Supervisee.Id)],
            audit.Select(e => (e.ActorId, e.SubjectId, e.OwnerId)).ToList());
    }

    [Fact]
    public async Task A_record_signed_by_the_supervisor_but_not_yet_acknowledged_can_be_downloaded_and_says_so()
    {
        var people = await PeopleAsync();
        var id = await RecordAsync(people, Notes, [], acknowledge: false);

        var text = (await DownloadAsync(await Factory.SignedInAsync(people.Supervisee.Email!), Pdf(id))).Text;

        Assert.Contains("Acknowledged by the supervisee, Ash Supervisee Not yet acknowledged", text);
        Assert.Contains("No actions were agreed.", text);
    }

    [Fact]
    public async Task A_draft_has_no_pdf_and_no_link_to_one()
    {
        var people = await PeopleAsync();
        var id = await RecordAsync(people, Notes, [], sign: false);

        foreach (var party in new[] { people.Supervisor, people.Supervisee })
        {
            var client = await Factory.SignedInAsync(party.Email!);
            Assert.DoesNotContain(Pdf(id), await client.GetPageAsync($"/supervision/records/{id}"));
            await client.GetPageAsync(Pdf(id), HttpStatusCode.NotFound);
        }
        Assert.False(await Factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditAction.SupervisionRecordExported)));
    }

    [Fact]
    public async Task Nobody_but_the_two_parties_can_generate_it_and_their_attempts_are_not_audited_as_generations()
    {
        var people = await PeopleAsync();
        var id = await RecordAsync(people, Notes, []);

        foreach (var outsider in new[] { people.Former, people.OtherSupervisor, people.OtherLearner, people.Commissioner, people.Administrator })
        {
            var client = await Factory.SignedInAsync(outsider.Email!);
            await client.GetPageAsync(Pdf(id), HttpStatusCode.NotFound);
            await client.GetPageAsync(Pdf(Guid.NewGuid()), HttpStatusCode.NotFound);
        }
        var anonymous = await Factory.CreateBrowser().GetAsync(Pdf(id));
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/account/sign-in", anonymous.Headers.Location!.PathAndQuery);
        // Once the supervision has ended, the supervisor who made the record loses access to it, PDF included.
        await Factory.WithDbAsync(async db =>
        {
            await db.SupervisionRelationships.Where(r => r.SupervisorId == people.Supervisor.Id).ExecuteDeleteAsync();
        });
        await (await Factory.SignedInAsync(people.Supervisor.Email!)).GetPageAsync(Pdf(id), HttpStatusCode.NotFound);

        Assert.Equal(0, await Factory.WithDbAsync(db => db.AuditEntries.CountAsync()));
    }

    [Fact]
    public async Task A_long_record_runs_to_several_pages_with_the_actions_header_repeated_on_each_page_the_table_reaches()
    {
        var people = await PeopleAsync();
        var discussion = string.Join(' ', Enumerable.Range(1, 1400).Select(i => $"d{i:D4}"));
        var actions = Enumerable.Range(1, SessionDetails.MaxActions)
            .Select(i => new ActionDraft(null, null, $"a{i:D4} " + string.Join(' ', Enumerable.Repeat("follow up with the school nurse and the youth worker", 5)),
                ActionOwner.Supervisee, Today.AddDays(i), ActionStatus.Open))
            .ToList();
        var id = await RecordAsync(people, Notes with { Discussion = discussion[..Math.Min(discussion.Length, SessionField.Discussion.MaxLength())] }, actions);

        var pdf = await DownloadAsync(await Factory.SignedInAsync(people.Supervisor.Email!), Pdf(id));

        Assert.True(pdf.Pages >= 4, $"{pdf.Pages} pages");
        var pages = Enumerable.Range(1, pdf.Pages).Select(pdf.PageText).ToList();
        // The discussion's words, in order, each once, across pages.
        var words = pages.SelectMany(p => Numbered().Matches(p).Select(m => m.Value)).Where(w => w[0] == 'd').ToList();
        Assert.Equal(Enumerable.Range(1, words.Count).Select(i => $"d{i:D4}"), words);
        Assert.True(words.Count > 1000);
        // Every action once, and every page the table reaches starts it with the header.
        var actionPages = pages.Select((text, i) => (text, number: i + 1)).Where(p => Numbered().Matches(p.text).Any(m => m.Value[0] == 'a')).ToList();
        Assert.True(actionPages.Count >= 2, $"the actions are on {actionPages.Count} page(s)");
        Assert.Equal(Enumerable.Range(1, SessionDetails.MaxActions).Select(i => $"a{i:D4}"),
            actionPages.SelectMany(p => Numbered().Matches(p.text).Select(m => m.Value)).Where(w => w[0] == 'a'));
        foreach (var (text, number) in actionPages)
        {
            Assert.True(text.Contains("Action Who Due by Status", StringComparison.Ordinal), $"page {number} has actions without the header");
            Assert.Contains($"Page {number} of {pdf.Pages}", text);
            Assert.StartsWith("Confidential: may be disclosable", text);
        }
    }

    [GeneratedRegex(@"\b[ad]\d{4}\b")]
    private static partial Regex Numbered();
}

public sealed class SupervisionRecordPdfTestsOnSqlite(SqliteAppFactory factory) : SupervisionRecordPdfTests(factory), IClassFixture<SqliteAppFactory>;
public sealed class SupervisionRecordPdfTestsOnPostgres(PostgresAppFactory factory) : SupervisionRecordPdfTests(factory), IClassFixture<PostgresAppFactory>;
