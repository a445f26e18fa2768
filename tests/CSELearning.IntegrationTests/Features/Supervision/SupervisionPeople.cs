using CSELearning.IntegrationTests.Infrastructure;
using CSELearning.Web.Domain;

namespace CSELearning.IntegrationTests.Features.Supervision;

/// <summary>
/// The people the supervision-record tests need: a supervisor and their supervisee, the supervisee's former
/// supervisor (supervision ended yesterday), another supervisor with their own learner, a commissioner and an
/// administrator, all in one organisation.
/// </summary>
internal sealed record SupervisionPeople(User Supervisor, User Supervisee, User Former, User OtherSupervisor, User OtherLearner, User Commissioner, User Administrator)
{
    public static async Task<SupervisionPeople> CreateAsync(AppFactory factory)
    {
        var org = await factory.CreateOrganisationAsync();
        var supervisor = await factory.CreateUserAsync("sol.supervisor@riverside.example", org, Roles.Supervisor);
        var supervisee = await factory.CreateUserAsync("ash.supervisee@riverside.example", org, Roles.Learner);
        var former = await factory.CreateUserAsync("fay.former@riverside.example", org, Roles.Supervisor);
        var other = await factory.CreateUserAsync("oli.other@riverside.example", org, Roles.Supervisor);
        var otherLearner = await factory.CreateUserAsync("lee.learner@riverside.example", org, Roles.Learner);
        var commissioner = await factory.CreateUserAsync("cam.commissioner@riverside.example", org, Roles.Commissioner);
        var administrator = await factory.CreateUserAsync("ada.admin@riverside.example", org, Roles.Administrator);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await factory.SuperviseAsync(supervisor, supervisee, today.AddMonths(-1));
        await factory.SuperviseAsync(former, supervisee, today.AddMonths(-6), today.AddDays(-1));
        await factory.SuperviseAsync(other, otherLearner, today.AddMonths(-1));
        return new SupervisionPeople(supervisor, supervisee, former, other, otherLearner, commissioner, administrator);
    }
}
