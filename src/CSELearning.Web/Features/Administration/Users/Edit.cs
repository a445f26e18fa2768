using System.Security.Claims;
using CSELearning.Web.Data;
using CSELearning.Web.Domain;
using CSELearning.Web.Features.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace CSELearning.Web.Features.Administration.Users;

public static class Edit
{
    public sealed class Input : PersonFields
    {
        [BindNever] public Guid Id { get; set; }
        [BindNever] public string CurrentName { get; set; } = "";
    }

    public sealed class Handler(AppDbContext db, UserManager<User> users)
    {
        // The form filled from the person, or as it was posted; null when there is no such person.
        public async Task<Input?> FormAsync(Guid id, Input? posted, CancellationToken cancellationToken)
        {
            // An erased account has nothing left to edit.
            var person = await db.Users.AsNoTracking().Where(u => u.Id == id && u.ErasedAt == null)
                .Select(u => new { u.Id, u.Email, u.DisplayName, u.JobRole, u.AgencyId, u.TeamId })
                .SingleOrDefaultAsync(cancellationToken);
            if (person is null) return null;
            var input = posted;
            if (input is null)
            {
                input = new Input { Email = person.Email, Name = person.DisplayName, JobRole = person.JobRole.ToString(), AgencyId = person.AgencyId, TeamId = person.TeamId };
                var roles = await db.UserRoles.Where(ur => ur.UserId == id)
                    .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!)
                    .ToListAsync(cancellationToken);
                foreach (var role in roles) input.Roles.Add(role);
            }
            input.Id = person.Id;
            input.CurrentName = person.DisplayName;
            input.Choices = await PersonForm.OptionsAsync(db, person.AgencyId, person.TeamId, cancellationToken);
            return input;
        }

        public async Task<Outcome> HandleAsync(Input input, ClaimsPrincipal administrator, CancellationToken cancellationToken)
        {
            var user = await db.Users.SingleOrDefaultAsync(u => u.Id == input.Id, cancellationToken);
            if (user is null || user.IsErased) return Outcome.NotFound();

            var person = await PersonForm.CheckAsync(input, user, db, users, cancellationToken);
            var errors = person.Errors.ToList();
            // An administrator who took away their own role could leave the platform with no administrator.
            if (users.GetUserId(administrator) == user.Id.ToString() && !person.Roles.Contains(Roles.Administrator))
                errors.Add(new InputError(nameof(input.Roles), "You cannot remove your own Administrator role."));
            if (errors.Count > 0) return Outcome.Refused(errors);

            var emailChanged = !string.Equals(user.Email, person.Email, StringComparison.Ordinal);
            user.UpdateProfile(person.Email, person.Name, person.JobRole);
            user.PlaceIn(person.Agency, person.Team);
            user.NormalizedEmail = users.NormalizeEmail(user.Email);
            user.NormalizedUserName = users.NormalizeName(user.UserName);
            // A new stamp voids any reset link already sent to the old address (as UserManager.SetEmailAsync does).
            if (emailChanged) user.SecurityStamp = Guid.NewGuid().ToString("N");

            var roleIds = await PersonForm.RoleIdsAsync(db, cancellationToken);
            var held = await db.UserRoles.Where(ur => ur.UserId == user.Id).ToListAsync(cancellationToken);
            var wanted = person.Roles.Select(r => roleIds[r]).ToHashSet();
            db.UserRoles.RemoveRange(held.Where(ur => !wanted.Contains(ur.RoleId)));
            foreach (var roleId in wanted.Where(id => held.All(ur => ur.RoleId != id)))
                db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = user.Id, RoleId = roleId });

            // Roles are read from the database when the person's session is next checked, within a minute.
            await db.SaveChangesAsync(cancellationToken);
            return Outcome.Saved(user.Id);
        }
    }
}
