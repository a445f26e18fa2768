using System.Globalization;
using CSELearning.Web.Data;
using CSELearning.Web.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CSELearning.Web.Commands;

// The password comes from an environment variable, never an argument (arguments show in process lists),
// and is never printed. Only accounts of a generated partnership change.
public static class EnableSignInCommand
{
    public static string CommissionerEmail(int seed) => $"commissioner.seed{seed}@generated.example";

    private static string CommissionerName(int seed) => $"Commissioner (seed {seed})";

    public static string ReviewerEmail(int seed) => $"reviewer.seed{seed}@generated.example";

    public static string LearnerEmail(int seed, int number) => $"learner{number}.seed{seed}@generated.example";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, Func<string, string?> environment, TextWriter output, TextWriter error)
    {
        string? Text(string name)
        {
            var at = Array.IndexOf(args, "--" + name);
            return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
        }
        int? Number(string name) =>
            int.TryParse(Text(name), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

        if (Number("seed") is not { } seed || Number("learners") is not { } count || count < 1 || Text("password-env") is not { Length: > 0 } variable)
        {
            await error.WriteLineAsync("enable-sign-in needs --seed N, --learners N and --password-env VARIABLE (the variable holds the password).");
            return 2;
        }
        if (environment(variable) is not { Length: > 0 } password)
        {
            await error.WriteLineAsync($"The environment variable {variable} (named by --password-env) is not set.");
            return 2;
        }

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        var name = new ScaleDataGenerator.Options(1, 1, 0, seed, DateTime.UtcNow).PartnershipName;
        var partnershipId = await db.Partnerships.Where(p => p.Name == name).Select(p => (Guid?)p.Id).SingleOrDefaultAsync();
        if (partnershipId is null)
        {
            await error.WriteLineAsync($"There is no '{name}': run generate-data --seed {seed} first.");
            return 1;
        }

        var emails = Enumerable.Range(1, count).Select(n => LearnerEmail(seed, n).ToUpperInvariant()).ToList();
        var learners = await db.Users.Where(u => emails.Contains(u.NormalizedEmail!) && u.Agency!.PartnershipId == partnershipId).ToListAsync();
        if (learners.Count != count)
        {
            await error.WriteLineAsync($"'{name}' has {learners.Count} of the {count} learners asked for.");
            return 1;
        }

        // The site's own password rules, checked once (against the commissioner's name and email): every account gets the same password.
        var problems = new List<string>();
        var candidate = new User(CommissionerEmail(seed), CommissionerName(seed), JobRole.Commissioner, DateTime.UtcNow);
        foreach (var validator in users.PasswordValidators)
            problems.AddRange((await validator.ValidateAsync(users, candidate, password)).Errors.Select(e => e.Description));
        if (problems.Count > 0)
        {
            await error.WriteLineAsync($"The password in {variable} is refused: {string.Join(" ", problems)}");
            return 1;
        }

        var commissioner = await users.FindByEmailAsync(CommissionerEmail(seed));
        if (commissioner is null)
        {
            commissioner = candidate;
            commissioner.PlaceIn(await db.Agencies.Where(a => a.PartnershipId == partnershipId).OrderBy(a => a.Name).FirstAsync(), null);
            var created = await users.CreateAsync(commissioner);
            if (created.Succeeded) created = await users.AddToRoleAsync(commissioner, Roles.Commissioner);
            if (!created.Succeeded)
            {
                await error.WriteLineAsync($"Could not add {CommissionerEmail(seed)}: {string.Join("; ", created.Errors.Select(e => e.Description))}");
                return 1;
            }
        }

        // A content reviewer, for item analysis: no agency, as the role needs none.
        var reviewer = await users.FindByEmailAsync(ReviewerEmail(seed));
        if (reviewer is null)
        {
            reviewer = new User(ReviewerEmail(seed), $"Content reviewer (seed {seed})", JobRole.Other, DateTime.UtcNow);
            var created = await users.CreateAsync(reviewer);
            if (created.Succeeded) created = await users.AddToRoleAsync(reviewer, Roles.ContentReviewer);
            if (!created.Succeeded)
            {
                await error.WriteLineAsync($"Could not add {ReviewerEmail(seed)}: {string.Join("; ", created.Errors.Select(e => e.Description))}");
                return 1;
            }
        }

        // One hash (210,000 iterations take about half a second) shared by accounts that share the password anyway.
        var hash = users.PasswordHasher.HashPassword(commissioner, password);
        foreach (var user in learners.Append(commissioner).Append(reviewer))
        {
            user.PasswordHash = hash;
            user.SecurityStamp = Guid.NewGuid().ToString("N");
            user.LockoutEnd = null;
            user.AccessFailedCount = 0;
        }
        await db.SaveChangesAsync();
        await output.WriteLineAsync($"Sign-in enabled for {LearnerEmail(seed, 1)} to {LearnerEmail(seed, count)}, {CommissionerEmail(seed)} and {ReviewerEmail(seed)}.");
        return 0;
    }
}
