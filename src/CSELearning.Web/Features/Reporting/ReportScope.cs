using System.Security.Claims;
using CSELearning.Web.Data;
using CSELearning.Web.Domain;
using CSELearning.Web.Infrastructure.Authorization;
using Microsoft.EntityFrameworkCore;

namespace CSELearning.Web.Features.Reporting;

// In the address so a view can be bookmarked and shared.
public sealed class ReportFilter
{
    public Guid? Partnership { get; set; }
    public Guid? Agency { get; set; }
    public string? Module { get; set; }
    public JobRole? Role { get; set; }
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }
    public Uptake.Breakdown By { get; set; } = Uptake.Breakdown.Agency;

    public string Query()
    {
        var parts = new List<string>();
        void Add(string name, string? value) { if (!string.IsNullOrEmpty(value)) parts.Add(name + "=" + Uri.EscapeDataString(value)); }
        Add("partnership", Partnership?.ToString());
        Add("agency", Agency?.ToString());
        Add("module", Module);
        Add("role", Role?.ToString());
        Add("from", From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Add("to", To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Add("by", By.ToString());
        return parts.Count == 0 ? "" : "?" + string.Join('&', parts);
    }

    // Problems with the filters that binding let through (numbers that name no job role, a period backwards).
    public IEnumerable<string> Problems()
    {
        if (Role is { } role && !Enum.IsDefined(role)) yield return "Choose a job role from the list";
        if (!Enum.IsDefined(By)) yield return "Choose module, agency, team or job role to break the figures down by";
        if (From is { } start && !Shared.InputErrors.InDateRange(start)) yield return $"The start of the period must be {Shared.InputErrors.DateRangeText}";
        if (To is { } end && !Shared.InputErrors.InDateRange(end)) yield return $"The end of the period must be {Shared.InputErrors.DateRangeText}";
        if (From is { } from && To is { } to && from > to) yield return "The start of the period must be on or before its end";
    }
}

public sealed record Option(string Value, string Text);

// A filter naming another partnership, or an agency outside this one, is not found: reports never reveal what exists elsewhere.
public sealed record ReportScope(Guid PartnershipId, string Partnership, bool ChoosePartnership, IReadOnlyList<Option> Partnerships, IReadOnlyList<Option> Agencies)
{
    public static async Task<ReportScope?> ResolveAsync(AppDbContext db, ClaimsPrincipal principal, ReportFilter filter, CancellationToken ct)
    {
        var isAdministrator = principal.IsInRole(Roles.Administrator);
        Guid? partnershipId;
        if (isAdministrator)
        {
            partnershipId = filter.Partnership
                ?? await db.Partnerships.AsNoTracking().OrderBy(p => p.Name).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct);
        }
        else
        {
            var userId = principal.UserId();
            partnershipId = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => (Guid?)u.Agency!.PartnershipId).SingleOrDefaultAsync(ct);
            if (filter.Partnership is { } asked && asked != partnershipId) return null;
        }
        if (partnershipId is not { } pid) return null;
        var partnership = await db.Partnerships.AsNoTracking().Where(p => p.Id == pid).Select(p => p.Name).SingleOrDefaultAsync(ct);
        if (partnership is null) return null;
        filter.Partnership = isAdministrator ? pid : null;

        // Ids are turned into text here, not in SQL: SQLite and PostgreSQL would each write them their own way.
        var agencies = (await db.Agencies.AsNoTracking().Where(a => a.PartnershipId == pid).OrderBy(a => a.Name)
            .Select(a => new { a.Id, a.Name }).ToListAsync(ct)).Select(a => new Option(a.Id.ToString(), a.Name)).ToList();
        if (filter.Agency is { } agency && agencies.All(a => a.Value != agency.ToString())) return null;
        var partnerships = isAdministrator
            ? (await db.Partnerships.AsNoTracking().OrderBy(p => p.Name).Select(p => new { p.Id, p.Name }).ToListAsync(ct))
                .Select(p => new Option(p.Id.ToString(), p.Name)).ToList()
            : [];
        return new ReportScope(pid, partnership, isAdministrator, partnerships, agencies);
    }

    public IQueryable<User> Learners(AppDbContext db, ReportFilter filter)
    {
        var learnerRole = db.Roles.Where(r => r.Name == Roles.Learner).Select(r => r.Id);
        var partnershipId = PartnershipId;
        var people = db.Users.AsNoTracking()
            .Where(u => u.Agency!.PartnershipId == partnershipId)
            .Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && learnerRole.Contains(ur.RoleId)));
        if (filter.Agency is { } agency) people = people.Where(u => u.AgencyId == agency);
        if (filter.Role is { } role) people = people.Where(u => u.JobRole == role);
        return people;
    }
}
