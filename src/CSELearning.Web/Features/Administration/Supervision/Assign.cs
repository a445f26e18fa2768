using CSELearning.Web.Data;
using CSELearning.Web.Domain;
using CSELearning.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace CSELearning.Web.Features.Administration.Supervision;

// Makes one person the supervisor of another from a start date, and optionally until an end date.
public static class Assign
{
    public sealed class Input
    {
        [BindNever] public Guid SuperviseeId { get; set; }
        [BindNever] public string SuperviseeName { get; set; } = "";
        [BindNever] public IReadOnlyList<SelectListItem> Supervisors { get; set; } = [];

        public Guid? SupervisorId { get; set; }
        public string? StartsOn { get; set; }
        public string? EndsOn { get; set; }
        public string? FrequencyWeeks { get; set; }
    }

    public sealed class Handler(AppDbContext db, TimeProvider time)
    {
        // The form, blank or as it was posted; null when there is no such person.
        public async Task<Input?> FormAsync(Guid superviseeId, Input? posted, CancellationToken cancellationToken)
        {
            var name = await db.Users.AsNoTracking().Where(u => u.Id == superviseeId).Select(u => u.DisplayName).SingleOrDefaultAsync(cancellationToken);
            if (name is null) return null;
            var supervisorRoleId = await SupervisorRoleIdAsync(db, cancellationToken);
            var supervisors = await db.Users.AsNoTracking()
                .Where(u => u.IsActive && u.Id != superviseeId && db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == supervisorRoleId))
                .OrderBy(u => u.DisplayName)
                .Select(u => new { u.Id, u.DisplayName, u.Email, Agency = u.Agency!.Name })
                .ToListAsync(cancellationToken);

            var input = posted ?? new Input { StartsOn = InputErrors.Format(DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime)) };
            input.SuperviseeId = superviseeId;
            input.SuperviseeName = name;
            input.Supervisors = supervisors
                .Select(s => new SelectListItem($"{s.DisplayName} ({s.Agency ?? s.Email})", s.Id.ToString()))
                .ToList();
            return input;
        }

        public async Task<Outcome> HandleAsync(Input input, CancellationToken cancellationToken)
        {
            var supervisee = await db.Users.AsNoTracking().Where(u => u.Id == input.SuperviseeId).Select(u => new { u.Id, u.DisplayName }).SingleOrDefaultAsync(cancellationToken);
            if (supervisee is null) return Outcome.NotFound();

            var errors = new List<InputError>();
            var supervisor = input.SupervisorId is { } supervisorId
                ? await db.Users.AsNoTracking().Where(u => u.Id == supervisorId).Select(u => new { u.Id, u.DisplayName, u.IsActive }).SingleOrDefaultAsync(cancellationToken)
                : null;
            if (input.SupervisorId is null)
            {
                errors.Add(new InputError(nameof(input.SupervisorId), "Choose a supervisor."));
            }
            else if (supervisor is null)
            {
                errors.Add(new InputError(nameof(input.SupervisorId), "Choose a supervisor from the list."));
            }
            else if (supervisor.Id == supervisee.Id)
            {
                errors.Add(new InputError(nameof(input.SupervisorId), "A person cannot supervise themselves."));
            }
            else
            {
                var supervisorRoleId = await SupervisorRoleIdAsync(db, cancellationToken);
                if (!await db.UserRoles.AnyAsync(ur => ur.UserId == supervisor.Id && ur.RoleId == supervisorRoleId, cancellationToken))
                    errors.Add(new InputError(nameof(input.SupervisorId), $"{supervisor.DisplayName} does not have the Supervisor role."));
                else if (!supervisor.IsActive)
                    errors.Add(new InputError(nameof(input.SupervisorId), $"{supervisor.DisplayName}'s account is deactivated."));
            }

            var startsOn = InputErrors.CheckDate(input.StartsOn, nameof(input.StartsOn), "start date", errors);
            DateOnly? endsOn = null;
            if (!string.IsNullOrWhiteSpace(input.EndsOn))
            {
                endsOn = InputErrors.CheckDate(input.EndsOn, nameof(input.EndsOn), "end date", errors);
                if (startsOn is { } start && endsOn is { } end && end < start)
                    errors.Add(new InputError(nameof(input.EndsOn), "The end date must be on or after the start date."));
            }

            int? frequencyWeeks = null;
            if (!string.IsNullOrWhiteSpace(input.FrequencyWeeks))
            {
                if (int.TryParse(input.FrequencyWeeks.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var weeks)
                    && weeks is >= 1 and <= SupervisionRelationship.MaxFrequencyWeeks)
                    frequencyWeeks = weeks;
                else
                    errors.Add(new InputError(nameof(input.FrequencyWeeks), $"Enter how often they meet as a whole number of weeks from 1 to {SupervisionRelationship.MaxFrequencyWeeks}, or leave it empty."));
            }

            if (errors.Count == 0)
            {
                var existing = await db.SupervisionRelationships
                    .Where(s => s.SupervisorId == supervisor!.Id && s.SuperviseeId == supervisee.Id)
                    .ToListAsync(cancellationToken);
                if (existing.Any(s => s.OverlapsWith(startsOn!.Value, endsOn)))
                    errors.Add(new InputError(nameof(input.SupervisorId),
                        $"{supervisor!.DisplayName} already supervises {supervisee.DisplayName} on some of these dates. End that supervision first, or choose dates that do not overlap."));
            }
            if (errors.Count > 0) return Outcome.Refused(errors);

            var relationship = new SupervisionRelationship(supervisor!.Id, supervisee.Id, startsOn!.Value, endsOn, frequencyWeeks);
            db.SupervisionRelationships.Add(relationship);
            await db.SaveChangesAsync(cancellationToken);
            return Outcome.Saved(relationship.Id);
        }
    }

    internal static Task<Guid> SupervisorRoleIdAsync(AppDbContext db, CancellationToken cancellationToken) =>
        db.Roles.Where(r => r.Name == Roles.Supervisor).Select(r => r.Id).SingleAsync(cancellationToken);
}
