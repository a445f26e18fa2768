using CSELearning.Web.Data;
using CSELearning.Web.Domain;
using CSELearning.Web.Features.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace CSELearning.Web.Features.Administration.Users;

public class PersonFields
{
    public string? Email { get; set; }
    public string? Name { get; set; }
    public string? JobRole { get; set; }
    public Guid? AgencyId { get; set; }
    public Guid? TeamId { get; set; }
    public IList<string> Roles { get; } = [];

    // What the agency and team lists offer; filled by the handler, never bound.
    [BindNever] public PersonForm.Options Choices { get; set; } = PersonForm.Options.None;
}

public static class PersonForm
{
    public sealed record Options(IReadOnlyList<SelectListItem> Agencies, IReadOnlyList<SelectListItem> Teams)
    {
        public static Options None { get; } = new([], []);
    }

    public sealed record Checked(
        string Email, string Name, JobRole JobRole, Agency? Agency, Team? Team, IReadOnlyList<string> Roles, IReadOnlyList<InputError> Errors);

    // Active agencies and teams, and the person's current ones even if they have since been marked inactive,
    // so that changing someone's name does not force a move.
    public static async Task<Options> OptionsAsync(AppDbContext db, Guid? currentAgencyId, Guid? currentTeamId, CancellationToken cancellationToken)
    {
        var agencies = await db.Agencies.AsNoTracking()
            .Where(a => a.IsActive || a.Id == currentAgencyId)
            .OrderBy(a => a.Partnership!.Name).ThenBy(a => a.Name)
            .Select(a => new { a.Id, a.Name, Partnership = a.Partnership!.Name })
            .ToListAsync(cancellationToken);
        var teams = await db.Teams.AsNoTracking()
            .Where(t => (t.IsActive && t.Agency!.IsActive) || t.Id == currentTeamId)
            .OrderBy(t => t.Agency!.Name).ThenBy(t => t.Name)
            .Select(t => new { t.Id, t.Name, Agency = t.Agency!.Name })
            .ToListAsync(cancellationToken);
        return new Options(
            agencies.Select(a => new SelectListItem($"{a.Name} ({a.Partnership})", a.Id.ToString())).ToList(),
            teams.Select(t => new SelectListItem($"{t.Name} ({t.Agency})", t.Id.ToString())).ToList());
    }

    // Every problem at once, so the person fixes them all in one go.
    public static async Task<Checked> CheckAsync(PersonFields input, User? existing, AppDbContext db, UserManager<User> users, CancellationToken cancellationToken)
    {
        var errors = new List<InputError>();
        var email = (input.Email ?? "").Trim();
        if (PersonRules.EmailError(email) is { } emailError)
        {
            errors.Add(new InputError(nameof(input.Email), emailError));
        }
        else
        {
            var normalised = users.NormalizeEmail(email);
            var existingId = existing?.Id;
            if (await db.Users.AnyAsync(u => u.NormalizedEmail == normalised && u.Id != existingId, cancellationToken))
                errors.Add(new InputError(nameof(input.Email), "An account with this email address already exists."));
        }

        var name = (input.Name ?? "").Trim();
        if (PersonRules.NameError(name) is { } nameError) errors.Add(new InputError(nameof(input.Name), nameError));

        if (!EnumDisplay.TryParseDisplay<JobRole>(input.JobRole, out var jobRole))
            errors.Add(new InputError(nameof(input.JobRole), "Choose a job role from the list."));

        var roles = new List<string>();
        foreach (var posted in input.Roles.Where(r => !string.IsNullOrWhiteSpace(r)))
        {
            if (Roles.Canonical(posted) is { } role)
            {
                if (!roles.Contains(role)) roles.Add(role);
            }
            else
            {
                errors.Add(new InputError(nameof(input.Roles), "Choose roles from the list."));
            }
        }
        if (roles.Count == 0 && !errors.Any(e => e.Field == nameof(input.Roles)))
            errors.Add(new InputError(nameof(input.Roles), "Select at least one role."));

        Agency? agency = null;
        if (input.AgencyId is { } agencyId)
        {
            agency = await db.Agencies.SingleOrDefaultAsync(a => a.Id == agencyId, cancellationToken);
            if (agency is null)
                errors.Add(new InputError(nameof(input.AgencyId), "Choose an agency from the list."));
            else if (!agency.IsActive && agency.Id != existing?.AgencyId)
                errors.Add(new InputError(nameof(input.AgencyId), $"{agency.Name} is inactive: choose an active agency."));
        }
        else if (PersonRules.NeedsAgency(roles))
        {
            errors.Add(new InputError(nameof(input.AgencyId), PersonRules.NeedsAgencyMessage));
        }

        Team? team = null;
        if (input.TeamId is { } teamId)
        {
            team = await db.Teams.SingleOrDefaultAsync(t => t.Id == teamId, cancellationToken);
            if (team is null)
                errors.Add(new InputError(nameof(input.TeamId), "Choose a team from the list."));
            else if (input.AgencyId is null || (agency is not null && team.AgencyId != agency.Id))
                errors.Add(new InputError(nameof(input.TeamId), "The team must belong to the person's agency."));
            else if (!team.IsActive && team.Id != existing?.TeamId)
                errors.Add(new InputError(nameof(input.TeamId), $"{team.Name} is inactive: choose an active team."));
        }

        return new Checked(email, name, jobRole, agency, team, roles, errors);
    }

    public static async Task<IReadOnlyDictionary<string, Guid>> RoleIdsAsync(AppDbContext db, CancellationToken cancellationToken) =>
        await db.Roles.AsNoTracking().ToDictionaryAsync(r => r.Name!, r => r.Id, cancellationToken);

    // Sets what UserManager.CreateAsync would, without saving: the caller saves once, so a person and their roles (or a
    // whole import) are written in one transaction.
    public static void AddAccount(AppDbContext db, UserManager<User> users, User user, IEnumerable<string> roles, IReadOnlyDictionary<string, Guid> roleIds)
    {
        user.NormalizedEmail = users.NormalizeEmail(user.Email);
        user.NormalizedUserName = users.NormalizeName(user.UserName);
        user.LockoutEnabled = users.Options.Lockout.AllowedForNewUsers;
        db.Users.Add(user);
        foreach (var role in roles)
            db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = user.Id, RoleId = roleIds[role] });
    }
}
