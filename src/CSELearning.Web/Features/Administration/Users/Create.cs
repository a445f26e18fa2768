using CSELearning.Web.Data;
using CSELearning.Web.Domain;
using CSELearning.Web.Features.Account;
using CSELearning.Web.Infrastructure.Email;
using Microsoft.AspNetCore.Identity;

namespace CSELearning.Web.Features.Administration.Users;

// Adds a person with no password and emails them a link to choose one.
public static class Create
{
    public sealed class Input : PersonFields;

    public sealed class Handler(AppDbContext db, UserManager<User> users, Notifications.SecurityMail email, ResetLinks links, TimeProvider time)
    {
        public async Task<Input> FormAsync(Input? posted, CancellationToken cancellationToken)
        {
            var input = posted ?? new Input();
            input.Choices = await PersonForm.OptionsAsync(db, currentAgencyId: null, currentTeamId: null, cancellationToken);
            return input;
        }

        public async Task<Outcome> HandleAsync(Input input, CancellationToken cancellationToken)
        {
            var person = await PersonForm.CheckAsync(input, existing: null, db, users, cancellationToken);
            if (person.Errors.Count > 0) return Outcome.Refused(person.Errors);

            var user = new User(person.Email, person.Name, person.JobRole, time.GetUtcNow().UtcDateTime);
            user.PlaceIn(person.Agency, person.Team);
            PersonForm.AddAccount(db, users, user, person.Roles, await PersonForm.RoleIdsAsync(db, cancellationToken));
            await db.SaveChangesAsync(cancellationToken);

            await ForgotPassword.Handler.SendResetLinkAsync(users, email, links, user, invitation: true, cancellationToken);
            return Outcome.Saved(user.Id);
        }
    }
}
