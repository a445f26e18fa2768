using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using CSELearning.Web.Data;
using CSELearning.Web.Domain.Audit;
using CSELearning.Web.Domain.Reflections;
using CSELearning.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace CSELearning.Web.Features.Reflections;

// The check runs here, on the server, and sends the text nowhere.
public static class Share
{
    public sealed record Model(ReflectiveLog Log, IReadOnlyList<Field> Fields, IReadOnlyList<string> Supervisors,
        IReadOnlySet<string> Unconfirmed, string? Problem)
    {
        public int MatchCount => Fields.Sum(f => f.Matches.Count);
    }

    public sealed record Field(string Key, string Heading, string Text, IReadOnlyList<Match> Matches);

    public sealed record Match(string Key, IdentifyingMatch Found);

    public sealed class Input
    {
        public int Version { get; set; }
        public List<string> Confirmed { get; set; } = [];
    }

    public sealed class Handler(AppDbContext db, ITextProtector protector, ReflectionAccess access)
    {
        public async Task<HandlerResult> ShowAsync(ClaimsPrincipal principal, Guid id, CancellationToken cancellationToken)
        {
            if (await access.OpenAsync(principal, id, audit: false, cancellationToken) is not var (log, reader) || reader != Reader.Author) return new NotFound();
            return new Page<Model>(await ModelAsync(log, new HashSet<string>(), null, cancellationToken));
        }

        public async Task<HandlerResult> ShareAsync(ClaimsPrincipal principal, Guid id, Input input, CancellationToken cancellationToken)
        {
            if (await access.OpenAsync(principal, id, audit: false, cancellationToken) is not var (log, reader) || reader != Reader.Author) return new NotFound();

            var model = await ModelAsync(log, new HashSet<string>(), null, cancellationToken);
            var unconfirmed = model.Fields.SelectMany(f => f.Matches).Select(m => m.Key).Except(input.Confirmed, StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal);
            if (unconfirmed.Count > 0)
                return new Page<Model>(model with { Unconfirmed = unconfirmed, Problem = "For each detail below, remove it from the log or confirm that it does not identify a child or family" }, StatusCodes.Status400BadRequest);
            var supervisors = await access.SupervisorsOfAsync(log.AuthorId, cancellationToken);
            if (supervisors.Count == 0)
                return new Page<Model>(model with { Problem = "You have no current supervisor to share this log with. Ask your administrator to add your supervisor." }, StatusCodes.Status400BadRequest);
            if (model.Fields.Count == 0)
                return new Page<Model>(model with { Problem = "The log is empty: write your reflection before sharing it" }, StatusCodes.Status400BadRequest);

            if (await db.SaveOrRefuseAsync(() =>
                {
                    log.Share(log.AuthorId, input.Version, access.Now);
                    foreach (var supervisor in supervisors) db.LogShares.Add(new LogShare(log.Id, supervisor, access.Now));
                    db.AuditEntries.Add(new AuditEntry(AuditAction.LogShared, log.AuthorId, log.Id, log.AuthorId, access.Now, $"with {supervisors.Count} supervisor(s)"));
                }, cancellationToken) is not { } refused)
                return new Done($"/reflections/{id}", supervisors.Count == 1 ? "Shared with your supervisor" : $"Shared with your {supervisors.Count} supervisors");

            var current = await db.ReflectiveLogs.SingleAsync(l => l.Id == id, cancellationToken);
            return new Page<Model>(await ModelAsync(current, new HashSet<string>(),
                refused.Message ?? "This log changed while you were sharing it, so it was not shared. Check it again below.", cancellationToken), StatusCodes.Status409Conflict);
        }

        private async Task<Model> ModelAsync(ReflectiveLog log, IReadOnlySet<string> unconfirmed, string? problem, CancellationToken cancellationToken)
        {
            var text = log.Read(protector);
            var parts = new List<(string Key, string Heading, string Text)> { ("title", "Title", text.Title) };
            parts.AddRange(GibbsStages.All.Select(s => (s.Key(), s.Heading(), text.Stage(s))));
            var fields = parts.Where(p => !string.IsNullOrWhiteSpace(p.Text))
                .Select(p => new Field(p.Key, p.Heading, p.Text, Check(p.Text).Select(m => new Match(KeyOf(p.Key, m), m)).ToList()))
                .ToList();
            var supervisorIds = await access.SupervisorsOfAsync(log.AuthorId, cancellationToken);
            var names = await db.Users.AsNoTracking().Where(u => supervisorIds.Contains(u.Id)).OrderBy(u => u.DisplayName).Select(u => u.DisplayName).ToListAsync(cancellationToken);
            return new Model(log, fields, names, unconfirmed, problem);
        }

        // A check that runs out of time must never pass as "nothing found": the whole text becomes one match to confirm.
        private static IReadOnlyList<IdentifyingMatch> Check(string text)
        {
            try
            {
                return IdentifyingDetails.Find(text);
            }
            catch (System.Text.RegularExpressions.RegexMatchTimeoutException)
            {
                return [new IdentifyingMatch(IdentifyingDetails.Kind.CaseReference, 0, text.Length, text, "the check could not finish on this text: read it through yourself")];
            }
        }

        // The field, the place, and a digest of the matched text: a confirmation fits only this text.
        private static string KeyOf(string field, IdentifyingMatch match) =>
            $"{field}:{match.Start}:{match.Length}:{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(match.Text)))[..16]}";
    }
}
