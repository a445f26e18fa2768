using System.Net;
using CSELearning.IntegrationTests.Infrastructure;
using CSELearning.Web.Data;
using CSELearning.Web.Domain;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CSELearning.IntegrationTests.Features.Administration;

public sealed class DevelopmentAppFactory : SqliteAppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Development");
    }
}

/// <summary>Development start-up on an empty database makes the demo partnership and one account per role.</summary>
public sealed class DemoDataTests(DevelopmentAppFactory factory) : IClassFixture<DevelopmentAppFactory>
{
    [Fact]
    public async Task Development_start_up_creates_the_demo_partnership_and_accounts()
    {
        _ = factory.Server;

        var counts = await factory.WithDbAsync(async db => new
        {
            Partnerships = await db.Partnerships.CountAsync(),
            Agencies = await db.Agencies.CountAsync(),
            Administrators = await UsersIn(db, Roles.Administrator),
            Supervisors = await UsersIn(db, Roles.Supervisor),
            Learners = await db.Users.CountAsync(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Learner))
                && !db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Supervisor))),
            Commissioners = await UsersIn(db, Roles.Commissioner),
            Supervised = await db.SupervisionRelationships.CountAsync(),
        });

        Assert.Equal(1, counts.Partnerships);
        Assert.Equal(3, counts.Agencies);
        Assert.Equal(1, counts.Administrators);
        Assert.Equal(1, counts.Supervisors);
        Assert.Equal(3, counts.Learners);
        Assert.Equal(1, counts.Commissioners);
        Assert.Equal(3, counts.Supervised);
    }

    [Fact]
    public async Task The_printed_passwords_sign_in_and_a_second_run_creates_nothing()
    {
        await factory.ResetAsync();
        await using var scope = factory.Services.CreateAsyncScope();
        var seeder = ActivatorUtilities.CreateInstance<DemoDataSeeder>(scope.ServiceProvider);

        var accounts = await seeder.SeedIfEmptyAsync(CancellationToken.None);
        var again = await seeder.SeedIfEmptyAsync(CancellationToken.None);
        var printed = new StringWriter();
        DemoDataSeeder.PrintOnce(accounts, printed);

        Assert.Equal(7, accounts.Count);
        Assert.Empty(again);
        Assert.Equal(accounts.Count, accounts.Select(a => a.Password).Distinct().Count());
        foreach (var account in accounts)
        {
            Assert.Contains(account.Email, printed.ToString());
            Assert.Contains(account.Password, printed.ToString());
        }
        var admin = accounts.Single(a => a.Role == "Administrator");
        var response = await factory.CreateBrowser().SignInAsync(admin.Email, admin.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private static Task<int> UsersIn(AppDbContext db, string role) =>
        db.UserRoles.CountAsync(ur => db.Roles.Any(r => r.Id == ur.RoleId && r.Name == role));
}

public sealed class NoDemoDataOutsideDevelopmentTests(SqliteAppFactory factory) : IClassFixture<SqliteAppFactory>
{
    [Fact]
    public async Task Start_up_outside_development_creates_no_accounts()
    {
        _ = factory.Server;

        Assert.Equal(0, await factory.WithDbAsync(db => db.Users.CountAsync()));
        Assert.Equal(0, await factory.WithDbAsync(db => db.Partnerships.CountAsync()));
        Assert.Equal(Roles.All.Count, await factory.WithDbAsync(db => db.Roles.CountAsync()));
    }
}
