using System.Globalization;
using System.IO.Compression;
using System.Security.Claims;
using System.Text;
using System.Text.RegularExpressions;
using CSELearning.Web.Data;
using CSELearning.Web.Domain;
using CSELearning.Web.Domain.Audit;
using CSELearning.Web.Domain.Certificates;
using CSELearning.Web.Features.Shared;
using CSELearning.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace CSELearning.Web.Features.Certificates;

// Revoked certificates are left out (not to be passed on as evidence); expired ones are included and marked so
// in the manifest.
public static partial class Download
{
    public sealed class Query
    {
        public string? Agency { get; set; }
        public string? From { get; set; }
        public string? To { get; set; }
    }

    public sealed record Form(Query Query, IReadOnlyList<SelectListItem> Agencies, string? Partnership);

    public abstract record Result;
    public sealed record NotFound : Result;
    public sealed record Invalid(IReadOnlyList<InputError> Errors) : Result;
    public sealed record Plan(Guid AgencyId, string AgencyName, DateOnly From, DateOnly To) : Result
    {
        public string FileName => $"certificates-{Slug().Replace(AgencyName.ToLowerInvariant(), "-").Trim('-')}-{InputErrors.Format(From)}-to-{InputErrors.Format(To)}.zip";
    }

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex Slug();

    public sealed class Handler(AppDbContext db, CertificateFiles files, TimeProvider time)
    {
        private async Task<IQueryable<Agency>> AgenciesForAsync(ClaimsPrincipal principal, CancellationToken cancellationToken)
        {
            if (principal.IsInRole(Roles.Administrator)) return db.Agencies;
            var userId = principal.UserId();
            var partnershipId = await db.Users.Where(u => u.Id == userId).Select(u => (Guid?)u.Agency!.PartnershipId).SingleOrDefaultAsync(cancellationToken);
            return partnershipId is { } id ? db.Agencies.Where(a => a.PartnershipId == id) : db.Agencies.Where(_ => false);
        }

        public async Task<Form> FormAsync(ClaimsPrincipal principal, Query query, CancellationToken cancellationToken)
        {
            var agencies = await (await AgenciesForAsync(principal, cancellationToken)).AsNoTracking()
                .OrderBy(a => a.Partnership!.Name).ThenBy(a => a.Name)
                .Select(a => new { a.Id, a.Name, Partnership = a.Partnership!.Name })
                .ToListAsync(cancellationToken);
            var administrator = principal.IsInRole(Roles.Administrator);
            return new Form(query,
                agencies.Select(a => new SelectListItem(administrator ? $"{a.Name} ({a.Partnership})" : a.Name, a.Id.ToString())).ToList(),
                administrator ? null : agencies.FirstOrDefault()?.Partnership);
        }

        public async Task<Result> PlanAsync(ClaimsPrincipal principal, Query query, CancellationToken cancellationToken)
        {
            var errors = new List<InputError>();
            Guid? agencyId = Guid.TryParse(query.Agency, out var parsed) ? parsed : null;
            if (agencyId is null) errors.Add(new InputError("Query.Agency", "Select an agency."));
            var from = InputErrors.CheckDate(query.From, "Query.From", "first completion date", errors);
            var to = InputErrors.CheckDate(query.To, "Query.To", "last completion date", errors);
            if (from is { } f && to is { } t && t < f) errors.Add(new InputError("Query.To", "The last completion date must be the same as or after the first."));
            if (errors.Count > 0) return new Invalid(errors);

            // An agency this person may not choose is not found, exactly like one that does not exist.
            var agency = await (await AgenciesForAsync(principal, cancellationToken)).AsNoTracking()
                .Where(a => a.Id == agencyId).Select(a => new { a.Id, a.Name }).SingleOrDefaultAsync(cancellationToken);
            return agency is null ? new NotFound() : new Plan(agency.Id, agency.Name, from!.Value, to!.Value);
        }

        private IQueryable<Certificate> Certificates(Plan plan) =>
            db.Certificates.AsNoTracking()
                .Where(c => c.RevokedAt == null && c.CompletedOn >= plan.From && c.CompletedOn <= plan.To)
                .Where(c => db.Users.Any(u => u.Id == c.UserId && u.AgencyId == plan.AgencyId));

        public async Task WriteAsync(Plan plan, ClaimsPrincipal principal, Stream body, CancellationToken cancellationToken)
        {
            var now = time.GetUtcNow().UtcDateTime;
            var today = DateOnly.FromDateTime(now);
            // Audited before the first byte goes out, so a download cut short is still on the trail.
            var count = await Certificates(plan).CountAsync(cancellationToken);
            var detail = $"completed {InputErrors.Format(plan.From)} to {InputErrors.Format(plan.To)}, {count} certificates, {plan.AgencyName}";
            db.AuditEntries.Add(new AuditEntry(AuditAction.CertificatesDownloaded, principal.UserId(), plan.AgencyId, plan.AgencyId, now, detail[..Math.Min(200, detail.Length)]));
            await db.SaveChangesAsync(cancellationToken);

            // The manifest is a line of text per certificate, kept until the end; the PDFs are never held together.
            var manifest = new StringBuilder("number,learner,module,version,completed,status\r\n");
            await using var buffer = new EntryBuffer(body);
            await using (var zip = await ZipArchive.CreateAsync(buffer, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: null, cancellationToken))
            {
                var ordered = Certificates(plan).OrderBy(c => c.CompletedOn).ThenBy(c => c.Number);
                await foreach (var certificate in ordered.AsAsyncEnumerable().WithCancellation(cancellationToken))
                {
                    var entry = zip.CreateEntry("certificates/" + CertificateFiles.FileName(certificate.Number), CompressionLevel.Fastest);
                    await using (var stream = await entry.OpenAsync(cancellationToken))
                        await stream.WriteAsync(files.Render(certificate), cancellationToken);
                    await buffer.SendAsync(cancellationToken);
                    manifest.Append(Csv.Row(quoted: true, certificate.Number, certificate.LearnerName, certificate.ModuleTitle, certificate.ModuleVersion,
                        InputErrors.Format(certificate.CompletedOn), certificate.StatusOn(today).ToString().ToLowerInvariant()));
                }
                var manifestEntry = zip.CreateEntry("manifest.csv", CompressionLevel.Fastest);
                await using var manifestStream = await manifestEntry.OpenAsync(cancellationToken);
                await manifestStream.WriteAsync(new UTF8Encoding(encoderShouldEmitUTF8Identifier: true).GetPreamble(), cancellationToken);
                await manifestStream.WriteAsync(Encoding.UTF8.GetBytes(manifest.ToString()), cancellationToken);
            }
            await buffer.SendAsync(cancellationToken);
        }
    }
}
