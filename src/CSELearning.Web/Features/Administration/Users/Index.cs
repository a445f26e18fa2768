using CSELearning.Web.Data;
using CSELearning.Web.Domain;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace CSELearning.Web.Features.Administration.Users;

public static class Index
{
    public const int PageSize = 50;
    public const string ActiveStatus = "active";
    public const string DeactivatedStatus = "deactivated";

    // From the query string so that a search can be bookmarked and shared.
    public sealed class Query
    {
        public string? Search { get; set; }
        public Guid? PartnershipId { get; set; }
        public Guid? AgencyId { get; set; }
        public string? Role { get; set; }
        public string? Status { get; set; }
        public int Page { get; set; } = 1;

        // What the filter lists offer; filled by the handler, never bound.
        [BindNever] public FilterOptions Options { get; set; } = FilterOptions.None;

        public string UrlFor(int page)
        {
            var query = new QueryBuilder();
            if (!string.IsNullOrWhiteSpace(Search)) query.Add(nameof(Search), Search.Trim());
            if (PartnershipId is { } p) query.Add(nameof(PartnershipId), p.ToString());
            if (AgencyId is { } a) query.Add(nameof(AgencyId), a.ToString());
            if (!string.IsNullOrWhiteSpace(Role)) query.Add(nameof(Role), Role);
            if (!string.IsNullOrWhiteSpace(Status)) query.Add(nameof(Status), Status);
            if (page > 1) query.Add(nameof(Page), page.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return "/admin/users" + query.ToQueryString();
        }
    }

    public sealed record FilterOptions(
        IReadOnlyList<SelectListItem> Partnerships, IReadOnlyList<SelectListItem> Agencies,
        IReadOnlyList<SelectListItem> Roles, IReadOnlyList<SelectListItem> Statuses)
    {
        public static FilterOptions None { get; } = new([], [], [], []);
    }

    public sealed record Model(Query Query, IReadOnlyList<Row> People, int Total, int Page, int PageCount)
    {
        public int First => Total == 0 ? 0 : (Page - 1) * PageSize + 1;
        public int Last => Math.Min(Page * PageSize, Total);
    }

    public sealed record Row(Guid Id, string Name, string Email, string? Agency, string? Team, bool IsActive, IReadOnlyList<string> Roles, bool IsErased = false);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Model> HandleAsync(Query query, CancellationToken cancellationToken)
        {
            var people = db.Users.AsNoTracking();
            if (!string.IsNullOrWhiteSpace(query.Search))
            {
                var term = query.Search.Trim();
                var upper = term.ToUpperInvariant();
                var pattern = "%" + term.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal) + "%";
                // Normalised emails are upper case. For names, SQLite's LIKE (and SQL Server's) ignores case; PostgreSQL's needs ILIKE.
                people = db.Database.IsNpgsql()
                    ? people.Where(u => u.NormalizedEmail!.Contains(upper) || EF.Functions.ILike(u.DisplayName, pattern, @"\"))
                    : people.Where(u => u.NormalizedEmail!.Contains(upper) || EF.Functions.Like(u.DisplayName, pattern, @"\"));
            }
            if (query.PartnershipId is { } partnershipId) people = people.Where(u => u.Agency!.PartnershipId == partnershipId);
            if (query.AgencyId is { } agencyId) people = people.Where(u => u.AgencyId == agencyId);
            if (Domain.Roles.Canonical(query.Role) is { } role)
            {
                var roleId = await db.Roles.Where(r => r.Name == role).Select(r => r.Id).SingleAsync(cancellationToken);
                people = people.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == roleId));
            }
            if (query.Status == ActiveStatus) people = people.Where(u => u.IsActive);
            else if (query.Status == DeactivatedStatus) people = people.Where(u => !u.IsActive);

            var total = await people.CountAsync(cancellationToken);
            var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
            var page = Math.Clamp(query.Page, 1, pageCount);
            var rows = await people
                .OrderBy(u => u.DisplayName).ThenBy(u => u.Email)
                .Skip((page - 1) * PageSize).Take(PageSize)
                .Select(u => new { u.Id, u.DisplayName, u.Email, Agency = u.Agency!.Name, Team = u.Team!.Name, u.IsActive, IsErased = u.ErasedAt != null })
                .ToListAsync(cancellationToken);
            var ids = rows.Select(r => r.Id).ToList();
            var roles = (await db.UserRoles.Where(ur => ids.Contains(ur.UserId))
                    .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
                    .ToListAsync(cancellationToken))
                .ToLookup(r => r.UserId, r => r.Name!);

            var partnerships = await db.Partnerships.AsNoTracking().OrderBy(p => p.Name)
                .Select(p => new SelectListItem(p.Name, p.Id.ToString()))
                .ToListAsync(cancellationToken);
            var agencies = await db.Agencies.AsNoTracking().OrderBy(a => a.Name).ThenBy(a => a.Partnership!.Name)
                .Select(a => new { a.Id, a.Name, Partnership = a.Partnership!.Name })
                .ToListAsync(cancellationToken);

            query.Options = new FilterOptions(partnerships,
                agencies.Select(a => new SelectListItem($"{a.Name} ({a.Partnership})", a.Id.ToString())).ToList(),
                Domain.Roles.All.Select(r => new SelectListItem(Domain.Roles.DisplayName(r), r)).ToList(),
                [new("Active", ActiveStatus), new("Deactivated", DeactivatedStatus)]);
            return new Model(query,
                rows.Select(r => new Row(r.Id, r.DisplayName, r.Email!, r.Agency, r.Team, r.IsActive, Domain.Roles.All.Where(roles[r.Id].Contains).ToList(), r.IsErased)).ToList(),
                total, page, pageCount);
        }
    }
}
