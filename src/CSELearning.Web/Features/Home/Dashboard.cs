using System.Security.Claims;
using CSELearning.Web.Data;
using CSELearning.Web.Domain;
using CSELearning.Web.Domain.Reflections;
using CSELearning.Web.Infrastructure.Authorization;
using Microsoft.EntityFrameworkCore;

namespace CSELearning.Web.Features.Home;

public static class Dashboard
{
    public sealed record Model(string DisplayName, LearnerSection? Learner, SupervisorSection? Supervisor,
        CommissionerSection? Commissioner, AdministratorSection? Administrator, bool IsContentReviewer);

    // One row of a GOV.UK task list: its link, a hint under it and a status tag; Id makes the hint and status the
    // link's description, so a screen reader hears all three together.
    public sealed record TaskItem(string Id, string Text, string Url, string? Hint, string Status, string TagClass, int? ProgressValue = null, int? ProgressMax = null);

    // A card of tasks (_TaskCard): Action is the link beside its title, WhenEmpty what it says when it has no tasks.
    public sealed record TaskCard(string Id, string Title, IReadOnlyList<TaskItem> Tasks, TaskCardLink? Action = null, string? Intro = null,
        Microsoft.AspNetCore.Html.IHtmlContent? WhenEmpty = null);

    public sealed record TaskCardLink(string Text, string Url);

    public sealed record LearnerSection(string? Agency, string? Team, IReadOnlyList<string> Supervisors, LearnerTasks.Model Tasks);

    public sealed record SupervisorSection(IReadOnlyList<Supervisee> Supervisees, SupervisorTasks.Model Tasks);
    public sealed record Supervisee(string Name, string JobRole, string? Team, DateOnly Since);

    public sealed record CommissionerSection(string? Partnership, IReadOnlyList<AgencyHeadcount> Agencies, IReadOnlyList<CommissionerTasks.TargetToWatch> Targets);
    public sealed record AgencyHeadcount(string Agency, string Sector, int Teams, int ActivePeople, int PeopleSigningOff)
    {
        // Fewer than 5 is shown as "fewer than 5", so nobody can be singled out from a commissioner's figures.
        public const int SmallestShown = 5;

        public string PeopleSigningOffText => PeopleSigningOff < SmallestShown ? "Fewer than 5" : PeopleSigningOff.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public sealed record AdministratorSection(int Partnerships, int Agencies, int Teams, int ActiveUsers, int DeactivatedUsers);

    public sealed class Handler(AppDbContext db, TimeProvider time, LearnerTasks.Handler learnerTasks, SupervisorTasks.Handler supervisorTasks,
        CommissionerTasks.Handler commissionerTasks)
    {
        public async Task<Model> HandleAsync(ClaimsPrincipal principal, CancellationToken ct)
        {
            var userId = principal.UserId();
            var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
            var me = await db.Users.AsNoTracking().Where(u => u.Id == userId)
                .Select(u => new { u.DisplayName, Agency = u.Agency!.Name, Team = u.Team!.Name, PartnershipId = (Guid?)u.Agency!.PartnershipId })
                .SingleAsync(ct);

            LearnerSection? learner = null;
            if (principal.IsInRole(Roles.Learner))
            {
                var supervisors = await db.SupervisionRelationships.AsNoTracking()
                    .Where(SupervisionRelationship.CurrentOn(today))
                    .Where(s => s.SuperviseeId == userId)
                    .Select(s => s.Supervisor!.DisplayName).OrderBy(n => n).ToListAsync(ct);
                learner = new LearnerSection(me.Agency, me.Team, supervisors, await learnerTasks.HandleAsync(userId, ct));
            }

            SupervisorSection? supervisor = null;
            if (principal.IsInRole(Roles.Supervisor))
            {
                var rows = await db.SupervisionRelationships.AsNoTracking()
                    .Where(SupervisionRelationship.CurrentOn(today))
                    .Where(s => s.SupervisorId == userId && s.Supervisee!.IsActive)
                    .OrderBy(s => s.Supervisee!.DisplayName)
                    .Select(s => new { s.Supervisee!.DisplayName, s.Supervisee.JobRole, Team = s.Supervisee.Team!.Name, s.StartsOn })
                    .ToListAsync(ct);
                supervisor = new SupervisorSection(rows.Select(r => new Supervisee(r.DisplayName, r.JobRole.DisplayName(), r.Team, r.StartsOn)).ToList(),
                    await supervisorTasks.HandleAsync(userId, ct));
            }

            CommissionerSection? commissioner = null;
            if (principal.IsInRole(Roles.Commissioner))
            {
                var partnership = me.PartnershipId is { } pid
                    ? await db.Partnerships.AsNoTracking().Where(p => p.Id == pid).Select(p => p.Name).SingleOrDefaultAsync(ct)
                    : null;
                var agencies = await db.Agencies.AsNoTracking()
                    .Where(a => a.PartnershipId == me.PartnershipId && a.IsActive)
                    .OrderBy(a => a.Name)
                    .Select(a => new
                    {
                        a.Name, a.Sector,
                        Teams = a.Teams.Count(t => t.IsActive),
                        People = db.Users.Count(u => u.AgencyId == a.Id && u.IsActive),
                        SigningOff = db.ReflectiveLogs.Where(l => l.Status == LogStatus.SignedOff)
                            .Join(db.Users.Where(u => u.AgencyId == a.Id), l => l.AuthorId, u => u.Id, (l, u) => u.Id).Distinct().Count(),
                    })
                    .ToListAsync(ct);
                commissioner = new CommissionerSection(partnership,
                    agencies.Select(a => new AgencyHeadcount(a.Name, a.Sector.DisplayName(), a.Teams, a.People, a.SigningOff)).ToList(),
                    await commissionerTasks.HandleAsync(principal, ct));
            }

            AdministratorSection? administrator = null;
            if (principal.IsInRole(Roles.Administrator))
            {
                administrator = new AdministratorSection(
                    await db.Partnerships.CountAsync(ct),
                    await db.Agencies.CountAsync(ct),
                    await db.Teams.CountAsync(ct),
                    await db.Users.CountAsync(u => u.IsActive, ct),
                    await db.Users.CountAsync(u => !u.IsActive, ct));
            }

            return new Model(me.DisplayName, learner, supervisor, commissioner, administrator,
                principal.IsInRole(Roles.ContentReviewer));
        }
    }
}
