using System.Globalization;
using CSELearning.Web.Content;
using CSELearning.Web.Data;
using CSELearning.Web.Domain;
using CSELearning.Web.Domain.Learning;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CSELearning.Web.Commands;

// Made through the same domain methods the site uses, so every record is one the site could have made.
// One seeded random source: the same seed and sizes give the same partnership (record ids aside).
// Generated people have no password and cannot sign in.
public sealed class ScaleDataGenerator(AppDbContext db, ContentCatalog catalog)
{
    public sealed record Options(int Learners, int Agencies, int Events, int Seed, DateTime Now)
    {
        public string PartnershipName => $"Generated Partnership (seed {Seed})";
    }

    public sealed record Summary(string Partnership, int Agencies, int Teams, int Learners, int Progress, int Decisions, int Attempts, int Completions)
    {
        public int Events => Decisions + Attempts;
    }

    private static readonly string[] GivenNames = ["Aisha", "Ben", "Cerys", "Dylan", "Ewa", "Femi", "Gráinne", "Hamza", "Isla", "Jakub", "Kemi", "Liam", "Megan", "Nguyễn", "Owen", "Priya", "Rhys", "Siân", "Tomasz", "Zoë"];
    private static readonly string[] FamilyNames = ["Ahmed", "Brown", "Çelik", "Davies", "Evans", "Ferreira", "Gallagher", "Hughes", "Iqbal", "Jones", "Kowalski", "Lewis", "Murphy", "Nowak", "O'Brien", "Patel", "Roberts", "Smith", "Thomas", "Williams"];
    private static readonly JobRole[] LearnerRoles =
        [JobRole.SocialWorker, JobRole.SocialWorker, JobRole.Police, JobRole.Health, JobRole.YouthWorker, JobRole.SupportWorker, JobRole.Education, JobRole.ResidentialCare];

    private const int BatchSize = 2_000;

    public async Task<Summary> GenerateAsync(Options options, TextWriter log, CancellationToken ct)
    {
        if (options.Learners < 1 || options.Agencies < 1 || options.Events < 0) throw new ArgumentException("Learners and agencies must be at least 1, events at least 0.");
        if (await db.Partnerships.AnyAsync(p => p.Name == options.PartnershipName, ct))
            throw new InvalidOperationException($"'{options.PartnershipName}' already exists: choose another seed.");
        var random = new Random(options.Seed);
        var modules = catalog.Modules.OrderBy(m => m.Id, StringComparer.Ordinal).ToList();
        var learnerRoleId = await db.Roles.Where(r => r.Name == Roles.Learner).Select(r => r.Id).SingleAsync(ct);
        db.ChangeTracker.AutoDetectChangesEnabled = false;

        var start = options.Now.AddYears(-2);
        var partnership = new Partnership(options.PartnershipName, start);
        db.Partnerships.Add(partnership);
        var sectors = Enum.GetValues<AgencySector>();
        var teams = new List<(Agency Agency, Team Team)>();
        for (var a = 0; a < options.Agencies; a++)
        {
            var sector = sectors[a % sectors.Length];
            var agency = new Agency(partnership.Id, $"{sector.DisplayName()} {a + 1}", sector);
            db.Agencies.Add(agency);
            foreach (var name in new[] { "Exploitation Team", "Missing Team", "Early Help Team" })
            {
                var team = new Team(agency.Id, name);
                db.Teams.Add(team);
                teams.Add((agency, team));
            }
        }
        await SaveAsync(ct);

        // People first, then their learning, each in batches so memory stays flat whatever the sizes.
        var people = new List<(Guid Id, JobRole Role, double Ability)>(options.Learners);
        for (var i = 0; i < options.Learners; i++)
        {
            var role = LearnerRoles[random.Next(LearnerRoles.Length)];
            var name = $"{GivenNames[random.Next(GivenNames.Length)]} {FamilyNames[random.Next(FamilyNames.Length)]}";
            var user = new User($"learner{i + 1}.seed{options.Seed}@generated.example", name, role, start.AddDays(random.Next(30)));
            var (agency, team) = teams[random.Next(teams.Count)];
            user.PlaceIn(agency, team);
            user.NormalizedEmail = user.Email!.ToUpperInvariant();
            user.NormalizedUserName = user.UserName!.ToUpperInvariant();
            db.Users.Add(user);
            db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = user.Id, RoleId = learnerRoleId });
            people.Add((user.Id, role, Ability(random)));
            if (people.Count % BatchSize == 0) await SaveAsync(ct);
        }
        await SaveAsync(ct);
        log.WriteLine($"{options.Agencies} agencies, {teams.Count} teams and {people.Count} learners added.");

        int progressCount = 0, decisions = 0, attempts = 0, completions = 0, pending = 0;
        var span = (options.Now - start).TotalMinutes;
        // Go round the learners (in a shuffled order) until the events are made: most people do a module or two.
        var order = people.OrderBy(_ => random.Next()).ToList();
        var numbers = new Dictionary<(Guid, string), int>();
        for (var round = 0; decisions + attempts < options.Events && round < 50; round++)
        {
            foreach (var (userId, role, ability) in order)
            {
                if (decisions + attempts >= options.Events) break;
                var candidates = modules.Where(m => m.Audience.Count == 0 || m.Audience.Contains(role)).ToList();
                if (candidates.Count == 0) continue;
                var module = candidates[random.Next(candidates.Count)];
                var key = (userId, module.Id);
                var number = numbers[key] = numbers.GetValueOrDefault(key) + 1;
                var at = start.AddMinutes(random.NextDouble() * span * 0.95);
                var progress = new ModuleProgress(userId, module, number, at);
                db.ModuleProgress.Add(progress);
                progressCount++;
                var finishes = random.NextDouble() < 0.72;

                foreach (var scenario in module.SectionsOf<Scenario>())
                {
                    var position = new ScenarioPosition(progress, scenario);
                    db.ScenarioPositions.Add(position);
                    var node = scenario.Start;
                    var made = new List<ScenarioDecision>();
                    while (node is { IsEnding: false, Choices.Count: > 0 })
                    {
                        var recommended = node.Choices.Select((c, i) => (c, i)).Where(x => x.c.IsRecommended).Select(x => x.i).ToList();
                        var choice = recommended.Count > 0 && random.NextDouble() < Logistic(ability + 0.7) ? recommended[random.Next(recommended.Count)] : random.Next(node.Choices.Count);
                        at = at.AddMinutes(1 + random.Next(4));
                        var (decision, refusal) = position.Choose(scenario, progress, module.Version.ToString(), node.Id,
                            node.Choices[choice].Key, position.Revision.ToString(CultureInfo.InvariantCulture), at);
                        if (refusal is not null) throw new InvalidOperationException($"Generated choice refused: {refusal}");
                        db.ScenarioDecisions.Add(decision!);
                        made.Add(decision!);
                        decisions++;
                        pending++;
                        node = scenario.FindNode(decision!.TargetNodeId);
                        if (!finishes && random.NextDouble() < 0.3) break;
                    }
                    if (node is { IsEnding: true, Outcome: not null })
                        db.ScenarioRuns.Add(new ScenarioRun(progress, position, scenario, module.Version.ToString(), node, made, at));
                }

                var passedAll = true;
                foreach (var check in module.SectionsOf<KnowledgeCheck>())
                {
                    var passed = false;
                    for (var attempt = 1; attempt <= 3 && !passed; attempt++)
                    {
                        at = at.AddMinutes(2 + random.Next(6));
                        var answers = check.Questions.ToDictionary(q => q.Id,
                            q => (IReadOnlyList<int>)Answer(q, random, Logistic(1.3 * (ability - Difficulty(q.Id)) + 1.0 + 0.7 * (attempt - 1))));
                        var submitted = CheckAttempt.Submit(progress, module, check, attempt, answers, at);
                        db.CheckAttempts.Add(submitted);
                        attempts++;
                        pending++;
                        passed = submitted.Passed;
                        if (!finishes) break;
                    }
                    passedAll &= passed;
                }

                if (finishes && passedAll && at < options.Now)
                {
                    at = at.AddMinutes(1 + random.Next(3));
                    db.ModuleCompletions.Add(progress.Complete(module, 60 + random.Next(41), at));
                    completions++;
                }
                if (pending >= BatchSize * 5)
                {
                    await SaveAsync(ct);
                    pending = 0;
                    log.WriteLine($"  {decisions + attempts:N0} of {options.Events:N0} events");
                }
            }
        }
        await SaveAsync(ct);
        db.ChangeTracker.AutoDetectChangesEnabled = true;
        return new Summary(partnership.Name, options.Agencies, teams.Count, people.Count, progressCount, decisions, attempts, completions);
    }

    // Each learner's ability, drawn once from a standard normal distribution (Box-Muller): the chance of answering a
    // question right and of taking a scenario's recommended choice both rise with it, so the item analysis of
    // generated data tells stronger learners from weaker ones as real answers would.
    private static double Ability(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private static double Logistic(double x) => 1 / (1 + Math.Exp(-x));

    // A question's difficulty, from -1.5 to 1.5, the same for every run: FNV-1a over its id.
    private static double Difficulty(string questionId)
    {
        var hash = 2166136261u;
        foreach (var c in questionId) hash = (hash ^ c) * 16777619u;
        return (hash % 1000) / 1000.0 * 3 - 1.5;
    }

    private static List<int> Answer(Question question, Random random, double rightness)
    {
        var correct = question.Options.Select((o, i) => (o, i)).Where(x => x.o.IsCorrect).Select(x => x.i + 1).ToList();
        if (random.NextDouble() < rightness || correct.Count == question.Options.Count) return correct;
        var wrong = question.Options.Select((o, i) => (o, i)).Where(x => !x.o.IsCorrect).Select(x => x.i + 1).ToList();
        return question.AllowsMultipleAnswers ? [.. correct.Skip(1), wrong[random.Next(wrong.Count)]] : [wrong[random.Next(wrong.Count)]];
    }

    private async Task SaveAsync(CancellationToken ct)
    {
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }
}
