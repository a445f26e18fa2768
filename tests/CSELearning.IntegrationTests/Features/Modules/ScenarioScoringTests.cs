using CSELearning.IntegrationTests.Infrastructure;
using CSELearning.Web.Content;
using CSELearning.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace CSELearning.IntegrationTests.Features.Modules;

/// <summary>
/// Each time through the sample scenario to an ending is recorded once, with the ending, its outcome and the
/// first-pass score. Kayla: back-late → (1) next-day | (2) sanction; next-day → (1) sharing | (2) missed;
/// sanction → (1) sharing | (2) missed; sharing → (1) protected (good) | (2) missed (poor). Every node recommends its first.
/// </summary>
public abstract class ScenarioScoringTests(AppFactory factory) : IntegrationTest(factory)
{
    private const string Email = "dev.patel@riverside.example";

    [Fact]
    public async Task The_recommended_route_is_recorded_as_a_good_run_with_every_decision_scored()
    {
        var client = await StartedLearnerAsync();

        await SampleScenario.PlayAsync(client, ("back-late", 1), ("next-day", 1), ("sharing", 1));

        var run = await Factory.WithDbAsync(db => db.ScenarioRuns.SingleAsync());
        Assert.Equal(("kayla", 1, "protected", EndingOutcome.Good, 3, 3, 1m), (run.ScenarioId, run.Playthrough, run.EndingNodeId, run.Outcome, run.ScoredDecisions, run.RecommendedDecisions, run.FirstPassScore));
    }

    [Fact]
    public async Task A_run_records_the_share_of_first_decisions_that_were_recommended()
    {
        var client = await StartedLearnerAsync();

        await SampleScenario.PlayAsync(client, ("back-late", 2), ("sanction", 1), ("sharing", 1));

        var run = await Factory.WithDbAsync(db => db.ScenarioRuns.SingleAsync());
        Assert.Equal(("protected", EndingOutcome.Good, 3, 2, 0.6667m), (run.EndingNodeId, run.Outcome, run.ScoredDecisions, run.RecommendedDecisions, run.FirstPassScore));
    }

    [Fact]
    public async Task Going_back_and_choosing_again_neither_raises_the_score_nor_records_a_second_run()
    {
        var client = await StartedLearnerAsync();

        await SampleScenario.PlayAsync(client, ("back-late", 2));
        await SampleScenario.GoBackAsync(client);
        await SampleScenario.PlayAsync(client, ("back-late", 1), ("next-day", 2));
        await SampleScenario.GoBackAsync(client);
        await SampleScenario.PlayAsync(client, ("next-day", 1), ("sharing", 1));

        var run = await Factory.WithDbAsync(db => db.ScenarioRuns.SingleAsync());
        Assert.Equal(("missed", EndingOutcome.Poor, 2, 0), (run.EndingNodeId, run.Outcome, run.ScoredDecisions, run.RecommendedDecisions));
    }

    [Fact]
    public async Task Each_playthrough_records_its_own_run()
    {
        var client = await StartedLearnerAsync();

        await SampleScenario.PlayAsync(client, ("back-late", 1), ("next-day", 2));
        await SampleScenario.StartAgainAsync(client);
        await SampleScenario.PlayAsync(client, ("back-late", 1), ("next-day", 1), ("sharing", 1));

        var runs = await Factory.WithDbAsync(db => db.ScenarioRuns.OrderBy(r => r.Playthrough).ToListAsync());
        Assert.Equal([(1, EndingOutcome.Poor, 0.5m), (2, EndingOutcome.Good, 1m)], runs.Select(r => (r.Playthrough, r.Outcome, r.FirstPassScore!.Value)));
    }

    private async Task<HttpClient> StartedLearnerAsync()
    {
        await Factory.CreateUserAsync(Email, await Factory.CreateOrganisationAsync(), Roles.Learner);
        var client = await Factory.SignedInAsync(Email);
        await client.PostFormAsync(SampleScenario.Module, SampleScenario.Module + "/start", []);
        return client;
    }

}

public sealed class ScenarioScoringTestsOnSqlite(ModuleSqliteAppFactory factory) : ScenarioScoringTests(factory), IClassFixture<ModuleSqliteAppFactory>;
public sealed class ScenarioScoringTestsOnPostgres(ModulePostgresAppFactory factory) : ScenarioScoringTests(factory), IClassFixture<ModulePostgresAppFactory>;
