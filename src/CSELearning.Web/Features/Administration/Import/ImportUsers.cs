using CSELearning.Web.Data;
using CSELearning.Web.Domain;
using CSELearning.Web.Features.Account;
using CSELearning.Web.Features.Administration.Users;
using CSELearning.Web.Features.Shared;
using CSELearning.Web.Infrastructure.Email;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace CSELearning.Web.Features.Administration.Import;

// All or none: one wrong row means no one is imported; invitations go once everyone is saved.
public static class ImportUsers
{
    public const string RowProblemsKey = "RowProblems";

    public sealed class Input
    {
        public Guid? PartnershipId { get; set; }
        public IFormFile? File { get; set; }
    }

    public sealed class Model
    {
        public Guid? PartnershipId { get; init; }
        public IReadOnlyList<SelectListItem> Partnerships { get; init; } = [];
        public IReadOnlyList<UserCsv.RowProblems> Problems { get; init; } = [];
    }

    public sealed record Result(int Imported, IReadOnlyList<InputError> Errors, IReadOnlyList<UserCsv.RowProblems> Problems)
    {
        public bool Succeeded => Errors.Count == 0;
    }

    public sealed class Handler(AppDbContext db, UserManager<User> users, Notifications.SecurityMail email, ResetLinks links, TimeProvider time)
    {
        public async Task<Model> FormAsync(Guid? partnershipId, IReadOnlyList<UserCsv.RowProblems> problems, CancellationToken cancellationToken) => new()
        {
            PartnershipId = partnershipId,
            Partnerships = await db.Partnerships.AsNoTracking().OrderBy(p => p.Name)
                .Select(p => new SelectListItem(p.Name, p.Id.ToString()))
                .ToListAsync(cancellationToken),
            Problems = problems,
        };

        public async Task<Result> HandleAsync(Input input, CancellationToken cancellationToken)
        {
            var errors = new List<InputError>();
            var partnership = input.PartnershipId is { } id
                ? await db.Partnerships.AsNoTracking().Where(p => p.Id == id).Select(p => new { p.Id, p.Name }).SingleOrDefaultAsync(cancellationToken)
                : null;
            if (partnership is null)
                errors.Add(new InputError(nameof(input.PartnershipId), input.PartnershipId is null ? "Choose the partnership these people belong to." : "Choose a partnership from the list."));

            if (input.File is null)
                errors.Add(new InputError(nameof(input.File), "Select a CSV file."));
            else if (input.File.Length == 0)
                errors.Add(new InputError(nameof(input.File), "The selected file is empty."));
            else if (input.File.Length > UserCsv.MaxBytes)
                errors.Add(new InputError(nameof(input.File), "The selected file must be 1 MB or smaller. Split it into smaller files."));
            if (errors.Count > 0) return Refused(errors);

            var bytes = new byte[input.File!.Length];
            await using (var stream = input.File.OpenReadStream())
                await stream.ReadExactlyAsync(bytes, cancellationToken);
            var file = UserCsv.Read(bytes);
            if (file.FileError is { } fileError) return Refused([new InputError(nameof(input.File), fileError)]);

            // Tracked: the new people are placed in these agencies and teams.
            var agencies = await db.Agencies.Include(a => a.Teams).Where(a => a.PartnershipId == partnership!.Id).ToListAsync(cancellationToken);
            var lookups = new UserCsv.Lookups(
                partnership!.Name,
                agencies.Select(a => new UserCsv.AgencyEntry(a.Id, a.Name, a.IsActive, a.Teams.Select(t => new UserCsv.TeamEntry(t.Id, t.Name, t.IsActive)).ToList())).ToList(),
                await ExistingEmailsAsync(UserCsv.EmailsIn(file.Rows), cancellationToken),
                await ActiveSupervisorsAsync(UserCsv.SupervisorEmailsIn(file.Rows), cancellationToken));
            var checkedFile = UserCsv.Validate(file.Rows, lookups);
            if (!checkedFile.IsValid)
            {
                var count = checkedFile.Problems.Count;
                return new Result(0,
                    [new InputError(RowProblemsKey, $"{count} {(count == 1 ? "row has a problem" : "rows have problems")}, so no one was imported. Correct the rows listed below and upload the file again.")],
                    checkedFile.Problems);
            }

            var now = time.GetUtcNow().UtcDateTime;
            var today = DateOnly.FromDateTime(now);
            var roleIds = await PersonForm.RoleIdsAsync(db, cancellationToken);
            var created = new Dictionary<string, User>(StringComparer.OrdinalIgnoreCase);
            foreach (var person in checkedFile.People)
            {
                var user = new User(person.Email, person.Name, person.JobRole, now);
                var agency = agencies.SingleOrDefault(a => a.Id == person.AgencyId);
                user.PlaceIn(agency, person.TeamId is { } teamId ? agency!.Teams.Single(t => t.Id == teamId) : null);
                PersonForm.AddAccount(db, users, user, person.Roles, roleIds);
                created.Add(person.Email, user);
            }
            foreach (var person in checkedFile.People)
            {
                var supervisorId = person.ExistingSupervisorId ?? (person.NewSupervisorEmail is { } e ? created[e].Id : (Guid?)null);
                if (supervisorId is { } supervisor)
                    db.SupervisionRelationships.Add(new SupervisionRelationship(supervisor, created[person.Email].Id, today));
            }
            // One SaveChanges, so one transaction: everyone or no one.
            await db.SaveChangesAsync(cancellationToken);

            foreach (var user in created.Values)
                await ForgotPassword.Handler.SendResetLinkAsync(users, email, links, user, invitation: true, cancellationToken);
            return new Result(created.Count, [], []);
        }

        private async Task<IReadOnlyCollection<string>> ExistingEmailsAsync(IReadOnlyList<string> emails, CancellationToken cancellationToken)
        {
            var normalised = emails.Select(e => users.NormalizeEmail(e)).ToList();
            return await db.Users.AsNoTracking().Where(u => normalised.Contains(u.NormalizedEmail!)).Select(u => u.Email!).ToListAsync(cancellationToken);
        }

        private async Task<IReadOnlyDictionary<string, Guid>> ActiveSupervisorsAsync(IReadOnlyList<string> emails, CancellationToken cancellationToken)
        {
            var normalised = emails.Select(e => users.NormalizeEmail(e)).ToList();
            var supervisorRoleId = await db.Roles.Where(r => r.Name == Roles.Supervisor).Select(r => r.Id).SingleAsync(cancellationToken);
            return await db.Users.AsNoTracking()
                .Where(u => u.IsActive && normalised.Contains(u.NormalizedEmail!) && db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == supervisorRoleId))
                .ToDictionaryAsync(u => u.Email!, u => u.Id, StringComparer.OrdinalIgnoreCase, cancellationToken);
        }

        private static Result Refused(IReadOnlyList<InputError> errors) => new(0, errors, []);
    }
}
