using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using CSELearning.IntegrationTests.Infrastructure;
using CSELearning.Web.Content;
using CSELearning.Web.Domain;
using CSELearning.Web.Domain.Learning;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CSELearning.IntegrationTests.Features.Modules;

/// <summary>
/// A learner's way through the sample module: starting, playing the scenario (with going back, starting
/// again, resuming elsewhere), the knowledge check, completion, and every bad input on the way.
/// </summary>
public abstract partial class LearnerJourneyTests(AppFactory factory) : IntegrationTest(factory)
{
    private const string Module = "/modules/recognising-exploitation";
    private const string ModuleId = "recognising-exploitation";
    private const string Kayla = Module + "/kayla";
    private const string Check = Module + "/check";
    private const string Completion = Module + "/completion";

    /// <summary>The sample check's answers, all correct: 4 of 4.</summary>
    private static readonly KeyValuePair<string, string>[] CorrectAnswers =
    [
        SampleAnswers.Answer("most-common-risk", 2),
        SampleAnswers.Answer("indicators", 1), SampleAnswers.Answer("indicators", 3), SampleAnswers.Answer("indicators", 4),
        SampleAnswers.Answer("cooperation", 2),
        SampleAnswers.Answer("victim-recognition", 3),
    ];

    private ContentModule SampleModule => Factory.Services.GetRequiredService<ContentCatalog>().Find(ModuleId)!;

    // Starting

    [Fact]
    public async Task Starting_the_module_records_progress_and_the_catalogue_and_start_page_show_it_in_progress()
    {
        var (client, user) = await LearnerAsync();
        Assert.Contains(">Not started</strong>", await client.GetPageAsync("/modules"));

        var response = await StartAsync(client);

        Assert.Equal(Module + "/what-exploitation-is", response.Headers.Location!.OriginalString);
        var progress = await Factory.WithDbAsync(db => db.ModuleProgress.SingleAsync());
        Assert.Equal((user.Id, ModuleId, 1, SampleModule.Version.ToString(), SampleModule.ContentHash), (progress.UserId, progress.ModuleId, progress.Number, progress.StartedVersion, progress.StartedContentHash));
        Assert.Contains(">In progress</strong>", await client.GetPageAsync("/modules"));
        Assert.Contains("Continue where you left off", await client.GetPageAsync(Module));
    }

    [Fact]
    public async Task Pressing_start_twice_carries_on_with_the_same_progress()
    {
        var (client, _) = await LearnerAsync();
        var token = Browser.AntiforgeryToken(await client.GetPageAsync(Module));

        var first = await client.PostWithTokenAsync(Module + "/start", token, []);
        var second = await client.PostWithTokenAsync(Module + "/start", token, []);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(1, await Factory.WithDbAsync(db => db.ModuleProgress.CountAsync()));
    }

    [Fact]
    public async Task Continue_returns_the_learner_to_the_section_they_were_last_in()
    {
        var (client, _) = await LearnerAsync();
        await StartAsync(client);
        await client.GetPageAsync(Module + "/signs-to-notice");

        var start = await client.GetPageAsync(Module);

        Assert.Contains($"href=\"{Module}/signs-to-notice\">Continue where you left off</a>", start);
    }

    [Fact]
    public async Task A_scenario_or_check_before_the_module_is_started_sends_the_learner_to_the_start_page_to_read_the_warning()
    {
        var (client, _) = await LearnerAsync();

        foreach (var url in new[] { Kayla, Check, Completion })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal(Module, response.Headers.Location!.OriginalString);
        }
        var start = await client.GetPageAsync(Module);
        Assert.Contains("Start the module to take part: your progress is saved as you go.", start);

        // A post straight to a step records nothing either.
        var token = Browser.AntiforgeryToken(start);
        var choose = await client.PostWithTokenAsync(Kayla + "/choose", token, [new("node", "back-late"), new("choice", Key("back-late", 1)), new("revision", "0")]);
        Assert.Equal(HttpStatusCode.Redirect, choose.StatusCode);
        Assert.Equal(0, await Factory.WithDbAsync(db => db.ScenarioDecisions.CountAsync()));
    }

    // The scenario

    [Fact]
    public async Task Each_choice_moves_the_learner_on_shows_its_feedback_and_is_recorded_with_who_which_node_which_choice_and_when()
    {
        var (client, user) = await LearnerAsync();
        await StartAsync(client);

        var opening = await client.GetPageAsync(Kayla);
        Assert.Contains("Two in the morning", opening);
        // Each choice posts its key, never its place on the page.
        Assert.Contains($"name=\"choice\" type=\"radio\" value=\"{Key("back-late", 1)}\">", opening);
        Assert.Contains($"name=\"choice\" type=\"radio\" value=\"{Key("back-late", 2)}\">", opening);
        Assert.DoesNotContain("Go back to your previous choice", opening);

        var before = Factory.Clock.GetUtcNow().UtcDateTime;
        var response = await ChooseAsync(client, "back-late", 1);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(Kayla, response.Headers.Location!.OriginalString);
        var next = WebUtility.HtmlDecode(await client.GetPageAsync(Kayla));
        Assert.Contains("You chose: Welcome her back, check she is safe and well", next);
        Assert.Contains("Recommended practice", next);
        Assert.Contains("Coming back is the moment a child decides", next); // the feedback
        Assert.Contains("The next afternoon", next);
        Assert.Contains("Go back to your previous choice", next);

        var decision = await Factory.WithDbAsync(db => db.ScenarioDecisions.SingleAsync());
        Assert.Equal((user.Id, ModuleId, "kayla", "back-late", 1, "next-day", 1, 1), (decision.UserId, decision.ModuleId, decision.ScenarioId, decision.NodeId, decision.ChoiceNumber, decision.TargetNodeId, decision.Step, decision.Playthrough));
        Assert.InRange(decision.MadeAt, before.AddSeconds(-1), Factory.Clock.GetUtcNow().UtcDateTime.AddSeconds(1));
        Assert.Equal(SampleModule.Version.ToString(), decision.ModuleVersion);
        Assert.Null(decision.WithdrawnAt);
    }

    [Fact]
    public async Task Reaching_an_ending_shows_what_happened_and_good_practice_and_marks_the_scenario_done()
    {
        var (client, _) = await LearnerAsync();
        await StartAsync(client);

        await PlayToTheEndingAsync(client);

        var ending = WebUtility.HtmlDecode(await client.GetPageAsync(Kayla));
        Assert.Contains("Ending: A plan around Kayla", ending);
        Assert.Contains("What good practice would have been", ending);
        Assert.Contains("Play the scenario again from the start", ending);
        Assert.Contains($"href=\"{Check}\">Continue", ending);
        Assert.DoesNotContain("What do you do?", ending);
        var position = await Factory.WithDbAsync(db => db.ScenarioPositions.SingleAsync());
        Assert.NotNull(position.EndingReachedAt);
        Assert.Equal(3, await Factory.WithDbAsync(db => db.ScenarioDecisions.CountAsync()));
        Assert.Contains("(scenario: ending reached)", await client.GetPageAsync(Module));
    }

    [Fact]
    public async Task The_learner_resumes_exactly_where_they_were_after_closing_the_tab_or_on_another_device()
    {
        var (client, user) = await LearnerAsync();
        await StartAsync(client);
        await ChooseAsync(client, "back-late", 2); // to the sanction
        var here = AntiforgeryFreeMain(await client.GetPageAsync(Kayla));

        // Another browser, signed in afresh: nothing is held in the first browser.
        var elsewhere = await Factory.SignedInAsync(user.Email!);
        var there = await elsewhere.GetPageAsync(Kayla);

        Assert.Equal(here, AntiforgeryFreeMain(there));
        Assert.Contains("The weekend", there);
        Assert.Contains($"href=\"{Kayla}\">Continue where you left off</a>", await elsewhere.GetPageAsync(Module));
    }

    [Fact]
    public async Task Going_back_returns_to_the_previous_node_and_keeps_the_withdrawn_choice_on_record()
    {
        var (client, _) = await LearnerAsync();
        await StartAsync(client);
        await ChooseAsync(client, "back-late", 2);

        var response = await client.PostFormAsync(Kayla, Kayla + "/back", [new("revision", "1")]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await client.GetPageAsync(Kayla);
        Assert.Contains("Two in the morning", page);
        Assert.DoesNotContain("You chose:", page);
        await ChooseAsync(client, "back-late", 1);
        var decisions = await Factory.WithDbAsync(db => db.ScenarioDecisions.OrderBy(d => d.MadeAt).ThenBy(d => d.Id).ToListAsync());
        Assert.Equal(2, decisions.Count);
        Assert.Equal((2, true), (decisions[0].ChoiceNumber, decisions[0].IsWithdrawn));
        Assert.Equal((1, false, 1), (decisions[1].ChoiceNumber, decisions[1].IsWithdrawn, decisions[1].Step));
    }

    [Fact]
    public async Task Starting_the_scenario_again_begins_a_new_playthrough_and_keeps_every_earlier_choice()
    {
        var (client, _) = await LearnerAsync();
        await StartAsync(client);
        await PlayToTheEndingAsync(client);

        var response = await client.PostFormAsync(Kayla, Kayla + "/start-again", [new("revision", Revision(await client.GetPageAsync(Kayla)))]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Two in the morning", await client.GetPageAsync(Kayla));
        await ChooseAsync(client, "back-late", 2);
        var position = await Factory.WithDbAsync(db => db.ScenarioPositions.SingleAsync());
        Assert.Equal((2, 1, "sanction"), (position.Playthrough, position.Steps, position.CurrentNodeId));
        Assert.NotNull(position.EndingReachedAt); // reaching an ending once counts
        Assert.Equal(4, await Factory.WithDbAsync(db => db.ScenarioDecisions.CountAsync(d => d.WithdrawnAt == null)));
    }

    // Bad input in the scenario: a clear message, and nothing changes

    [Fact]
    public async Task A_tampered_node_id_is_refused_and_nothing_changes()
    {
        var (client, _) = await LearnerAsync();
        await StartAsync(client);

        var response = await PostChoiceAsync(client, node: "no-such-node", choice: Key("back-late", 1), revision: "0");

        await AssertRefusedAsync(response, HttpStatusCode.BadRequest, "That step is not part of this scenario, so nothing was changed.");
        await AssertUnmovedAsync(expectedNode: null);
    }

    [Fact]
    public async Task A_choice_that_does_not_belong_to_the_current_node_is_refused_and_nothing_changes()
    {
        var (client, _) = await LearnerAsync();
        await StartAsync(client);

        // Places on the page, a key from another node, and nonsense.
        foreach (var choice in new[] { "1", "2", "3", "0", "-1", "two", "1.0", Key("next-day", 1), Key("sharing", 2) })
        {
            var response = await PostChoiceAsync(client, node: "back-late", choice: choice, revision: "0");
            await AssertRefusedAsync(response, HttpStatusCode.BadRequest, "That choice is not one of the options at this point, so nothing was changed.");
        }
        await AssertUnmovedAsync(expectedNode: null);
    }

    [Fact]
    public async Task Continuing_without_selecting_a_choice_asks_for_one()
    {
        var (client, _) = await LearnerAsync();
        await StartAsync(client);

        var response = await PostChoiceAsync(client, node: "back-late", choice: null, revision: "0");

        var page = await AssertRefusedAsync(response, HttpStatusCode.BadRequest, "Select what you would do");
        Assert.Contains("<a href=\"#choice\">Select what you would do</a>", page);
        Assert.Contains("govuk-form-group--error", page);
        Assert.Contains("<title>Error:", page);
        await AssertUnmovedAsync(expectedNode: null);
    }

    [Fact]
    public async Task A_replayed_choice_is_refused_as_out_of_date_and_records_nothing_more()
    {
        var (client, _) = await LearnerAsync();
        await StartAsync(client);
        var token = Browser.AntiforgeryToken(await client.GetPageAsync(Kayla));
        KeyValuePair<string, string>[] form = [new("node", "back-late"), new("choice", Key("back-late", 1)), new("revision", "0")];

        var first = await client.PostWithTokenAsync(Kayla + "/choose", token, form);
        var replay = await client.PostWithTokenAsync(Kayla + "/choose", token, form);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var page = await AssertRefusedAsync(replay, HttpStatusCode.Conflict, "That page was out of date: you had already moved on from it");
        Assert.Contains("The next afternoon", page); // shown where they really are
        Assert.Equal(1, await Factory.WithDbAsync(db => db.ScenarioDecisions.CountAsync()));
        await AssertUnmovedAsync(expectedNode: "next-day");
    }

    [Fact]
    public async Task An_out_of_order_post_for_a_node_the_learner_is_not_at_is_refused()
    {
        var (client, _) = await LearnerAsync();
        await StartAsync(client);
        await ChooseAsync(client, "back-late", 1); // now at next-day, revision 1

        // A real node further on, with the right revision: still not where the learner is.
        var skipAhead = await PostChoiceAsync(client, node: "sharing", choice: Key("sharing", 1), revision: "1");
        // The right node, with a revision from before.
        var stale = await PostChoiceAsync(client, node: "next-day", choice: Key("next-day", 1), revision: "0");
        // A revision that is not a number at all.
        var garbled = await PostChoiceAsync(client, node: "next-day", choice: Key("next-day", 1), revision: "x");

        foreach (var response in new[] { skipAhead, stale, garbled })
            await AssertRefusedAsync(response, HttpStatusCode.Conflict, "That page was out of date");
        await AssertUnmovedAsync(expectedNode: "next-day");
    }

    [Fact]
    public async Task Going_back_from_the_start_or_with_an_old_form_changes_nothing()
    {
        var (client, _) = await LearnerAsync();
        await StartAsync(client);

        // At the start the page offers no way back: the post is made by hand.
        var atStart = await client.PostWithTokenAsync(Kayla + "/back", Browser.AntiforgeryToken(await client.GetPageAsync(Kayla)), [new("revision", "0")]);
        await AssertRefusedAsync(atStart, HttpStatusCode.BadRequest, "You are at the start of the scenario");

        await ChooseAsync(client, "back-late", 1);
        var staleBack = await client.PostFormAsync(Kayla, Kayla + "/back", [new("revision", "0")]);
        await AssertRefusedAsync(staleBack, HttpStatusCode.Conflict, "That page was out of date");
        await AssertUnmovedAsync(expectedNode: "next-day");
        Assert.Equal(0, await Factory.WithDbAsync(db => db.ScenarioDecisions.CountAsync(d => d.WithdrawnAt != null)));
    }

    [Fact]
    public async Task Steps_in_an_unknown_module_or_section_are_not_found()
    {
        var (client, _) = await LearnerAsync();
        await StartAsync(client);
        var token = Browser.AntiforgeryToken(await client.GetPageAsync(Kayla));
        KeyValuePair<string, string>[] form = [new("node", "back-late"), new("choice", Key("back-late", 1)), new("revision", "0")];

        foreach (var url in new[] { "/modules/no-such-module/kayla/choose", Module + "/no-such-section/choose", Module + "/check/choose",
                     Module + "/what-exploitation-is/back", "/modules/no-such-module/start", "/modules/no-such-module/completion", Module + "/kayla/answers" })
        {
            var response = await client.PostWithTokenAsync(url, token, form);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{url}: {(int)response.StatusCode}");
        }
        await AssertUnmovedAsync(expectedNode: null);
    }

    // The knowledge check

    [Fact]
    public async Task A_failed_attempt_names_what_to_read_again_without_the_answers_and_can_be_retried_until_the_learner_passes()
    {
        var (client, _) = await LearnerAsync();
        await StartAsync(client);
        var form = await client.GetPageAsync(Check);
        Assert.Contains("To pass, answer at least 75% of them correctly.", form);
        // The options post their keys, never their places.
        var indicators = Regex.Matches(form, "name=\"answer-indicators\" type=\"checkbox\" value=\"([^\"]*)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(Enumerable.Range(1, 5).Select(n => SampleAnswers.Key("indicators", n)).Order(), indicators.Order());
        Assert.Contains("id=\"answer-indicators\" name=\"answer-indicators\"", form);

        // Two of four right: 50%, below the pass mark of 75%.
        var failed = await client.PostFormAsync(Check, Check + "/answers",
            [new("attempt", "1"), SampleAnswers.Answer("most-common-risk", 2), SampleAnswers.Answer("indicators", 1), SampleAnswers.Answer("indicators", 2),
             SampleAnswers.Answer("cooperation", 1), SampleAnswers.Answer("victim-recognition", 3)]);

        Assert.Equal(Check + "/attempts/1", failed.Headers.Location!.OriginalString);
        var result = WebUtility.HtmlDecode(await client.GetPageAsync(Check + "/attempts/1"));
        Assert.Contains("Attempt 1: not passed yet", result);
        Assert.Contains("You answered 2 of 4 questions correctly (50%). The pass mark is 75%.", result);
        Assert.Contains(">Try again</a>", result);
        // The two questions answered wrongly, each with where it is taught; nothing that gives an answer away.
        var module = SampleModule;
        Assert.Contains($"<a class=\"govuk-link\" href=\"{Module}/signs-to-notice#not-evidence\">Read again: {module.FindSection("signs-to-notice")!.Title}", result);
        Assert.Contains($"<a class=\"govuk-link\" href=\"{Module}/what-exploitation-is#not-consent\">Read again: {module.FindSection("what-exploitation-is")!.Title}", result);
        Assert.DoesNotContain("#during", result);
        Assert.DoesNotContain("A correct answer", result);
        Assert.DoesNotContain("Your answer", result);
        var options = module.SectionsOf<KnowledgeCheck>().Single().Questions.SelectMany(q => q.Options).ToList();
        Assert.All(options, option => Assert.DoesNotContain(WebUtility.HtmlDecode(option.Explanation.Html.Value!), result));

        var passed = await client.PostFormAsync(Check, Check + "/answers", [new("attempt", "2"), .. CorrectAnswers]);

        Assert.Equal(Check + "/attempts/2", passed.Headers.Location!.OriginalString);
        var passedResult = WebUtility.HtmlDecode(await client.GetPageAsync(Check + "/attempts/2"));
        Assert.Contains("Attempt 2: passed", passedResult);
        // Once passed, every option of every question is explained, whether chosen or not, on every attempt.
        var firstAgain = WebUtility.HtmlDecode(await client.GetPageAsync(Check + "/attempts/1"));
        Assert.All(options, option => Assert.Contains(WebUtility.HtmlDecode(option.Explanation.Html.Value!), passedResult));
        Assert.All(options, option => Assert.Contains(WebUtility.HtmlDecode(option.Explanation.Html.Value!), firstAgain));
        Assert.DoesNotContain("Read again:", firstAgain);
        var attempts = await Factory.WithDbAsync(db => db.CheckAttempts.Include(a => a.Answers).OrderBy(a => a.Number).ToListAsync());
        Assert.Equal([(1, 2, 50, false), (2, 4, 100, true)], attempts.Select(a => (a.Number, a.CorrectCount, a.ScorePercent, a.Passed)));
        Assert.Equal(5, attempts[0].Answers.Count); // one row per option chosen: two for the multiple-answer question
        Assert.Contains(attempts[0].Answers, a => a.QuestionId == "indicators" && a.OptionNumber == 2);
        var again = await client.GetPageAsync(Check);
        Assert.Contains("Attempt 1</a>:\n", again.Replace("\r", ""));
        Assert.Contains("<input type=\"hidden\" name=\"attempt\" value=\"3\">", again);
    }

    [Fact]
    public async Task Unanswered_questions_are_each_named_and_the_answers_given_are_kept()
    {
        var (client, _) = await LearnerAsync();
        await StartAsync(client);

        var response = await client.PostFormAsync(Check, Check + "/answers", [new("attempt", "1"), SampleAnswers.Answer("indicators", 3)]);

        var page = await AssertRefusedAsync(response, HttpStatusCode.BadRequest, "Select an answer to question 1");
        Assert.Contains("<a href=\"#answer-most-common-risk\">Select an answer to question 1</a>", page);
        Assert.DoesNotContain("question 2", page);
        Assert.Contains("Select an answer to question 3", page);
        Assert.Contains($"name=\"answer-indicators\" type=\"checkbox\" value=\"{SampleAnswers.Key("indicators", 3)}\" checked=\"checked\"", page);
        Assert.Single(Regex.Matches(page, "checked=\"checked\""));
        Assert.Equal(0, await Factory.WithDbAsync(db => db.CheckAttempts.CountAsync()));
    }

    [Theory]
    [InlineData("answer-most-common-risk", "7")]                 // an option the question does not have
    [InlineData("answer-most-common-risk", "first")]             // not an option
    [InlineData("answer-most-common-risk", "2")]                 // a place on the page instead of an option's key
    [InlineData("answer-most-common-risk", "key of indicators 1")] // another question's option
    [InlineData("answer-no-such-question", "key of cooperation 1")] // a question the check does not have
    [InlineData("answer-cooperation", "key of cooperation 1")]    // a second answer to a choose-one question
    public async Task Answers_that_are_not_options_of_the_check_are_refused_and_nothing_is_recorded(string field, string value)
    {
        var (client, _) = await LearnerAsync();
        await StartAsync(client);
        if (Regex.Match(value, "^key of ([a-z-]+) ([0-9])$") is { Success: true } key)
            value = SampleAnswers.Key(key.Groups[1].Value, int.Parse(key.Groups[2].Value, CultureInfo.InvariantCulture));
        // The question's correct answer is left out, so this is the only answer to it.
        var answers = CorrectAnswers.Where(a => a.Key != field || field == "answer-cooperation");

        var response = await client.PostFormAsync(Check, Check + "/answers", [new("attempt", "1"), .. answers, new(field, value)]);

        await AssertRefusedAsync(response, HttpStatusCode.BadRequest, "Some of the answers sent are not options in this check, so nothing was recorded.");
        Assert.Equal(0, await Factory.WithDbAsync(db => db.CheckAttempts.CountAsync()));
    }

    [Fact]
    public async Task A_replayed_submission_is_refused_and_records_one_attempt()
    {
        var (client, _) = await LearnerAsync();
        await StartAsync(client);
        var token = Browser.AntiforgeryToken(await client.GetPageAsync(Check));
        KeyValuePair<string, string>[] form = [new("attempt", "1"), .. CorrectAnswers];

        var first = await client.PostWithTokenAsync(Check + "/answers", token, form);
        var replay = await client.PostWithTokenAsync(Check + "/answers", token, form);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var page = await AssertRefusedAsync(replay, HttpStatusCode.Conflict, "Those answers were already submitted as attempt 1, so nothing more was recorded.");
        Assert.Contains($"href=\"{Check}/attempts/1\">Attempt 1</a>", page);
        Assert.Equal(1, await Factory.WithDbAsync(db => db.CheckAttempts.CountAsync()));
    }

    // Completion

    [Fact]
    public async Task The_completion_page_lists_what_is_left_and_completing_early_records_nothing()
    {
        var (client, _) = await LearnerAsync();
        await StartAsync(client);

        var raw = await client.GetPageAsync(Completion);
        var page = WebUtility.HtmlDecode(raw);
        Assert.Contains("reach an ending in", page);
        Assert.Contains($"href=\"{Kayla}\">Scenario: Kayla comes back late</a>", page);
        Assert.Contains($"href=\"{Check}\">Check your understanding</a>", page);
        Assert.DoesNotContain("Record my completion", page);

        // The page offers no button yet: the post is made by hand.
        var early = await client.PostWithTokenAsync(Completion, Browser.AntiforgeryToken(raw), [new("progress", "1")]);

        await AssertRefusedAsync(early, HttpStatusCode.BadRequest, "You cannot complete the module yet");
        Assert.Equal(0, await Factory.WithDbAsync(db => db.ModuleCompletions.CountAsync()));
    }

    [Fact]
    public async Task Completing_records_the_module_version_hash_score_time_spent_and_date_once()
    {
        var (client, user) = await LearnerAsync();
        var startedAt = Factory.Clock.GetUtcNow().UtcDateTime;
        await StartAsync(client);
        Factory.Clock.Advance(TimeSpan.FromMinutes(4));
        await PlayToTheEndingAsync(client);
        // A long break (the session ends; the learner signs in again the next time): counts as 15 minutes.
        Factory.Clock.Advance(TimeSpan.FromHours(3));
        client = await Factory.SignedInAsync(user.Email!);
        await client.PostFormAsync(Check, Check + "/answers",
            [new("attempt", "1"), SampleAnswers.Answer("most-common-risk", 1), .. CorrectAnswers.Where(a => a.Key != "answer-most-common-risk")]); // 3 of 4
        Factory.Clock.Advance(TimeSpan.FromMinutes(2));
        var token = Browser.AntiforgeryToken(await client.GetPageAsync(Completion));
        Assert.Contains("Record my completion", await client.GetPageAsync(Completion));

        var completed = await client.PostWithTokenAsync(Completion, token, [new("progress", "1")]);
        var replay = await client.PostWithTokenAsync(Completion, token, [new("progress", "1")]);

        Assert.Equal(HttpStatusCode.Redirect, completed.StatusCode);
        await AssertRefusedAsync(replay, HttpStatusCode.Conflict, "Your completion of this module was already recorded, so nothing was changed.");
        var completion = await Factory.WithDbAsync(db => db.ModuleCompletions.SingleAsync());
        Assert.Equal((user.Id, ModuleId, SampleModule.Version.ToString(), SampleModule.ContentHash, 75),
            (completion.UserId, completion.ModuleId, completion.ModuleVersion, completion.ContentHash, completion.ScorePercent));
        // 4 minutes, then the scenario and the check a moment apart, a 3-hour break counted as 15 minutes, then 2 minutes.
        Assert.InRange(completion.TimeSpentSeconds, (4 + 15 + 2) * 60, (4 + 15 + 2) * 60 + 30);
        Assert.InRange(completion.CompletedAt, startedAt.AddHours(3).AddMinutes(6), startedAt.AddHours(3).AddMinutes(7));
        var page = await client.GetPageAsync(Completion);
        Assert.Contains("Module completed", page);
        Assert.Contains("75%", page);
        Assert.Contains("21 minutes", page);
        Assert.Contains(">Completed</strong>", await client.GetPageAsync("/modules"));
    }

    [Fact]
    public async Task Two_completions_posted_at_once_record_one()
    {
        var (client, _) = await LearnerAsync();
        await StartAsync(client);
        await PlayToTheEndingAsync(client);
        await client.PostFormAsync(Check, Check + "/answers", [new("attempt", "1"), .. CorrectAnswers]);
        var token = Browser.AntiforgeryToken(await client.GetPageAsync(Completion));

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => client.PostWithTokenAsync(Completion, token, [new("progress", "1")])));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Redirect));
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Redirect), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        Assert.Equal(1, await Factory.WithDbAsync(db => db.ModuleCompletions.CountAsync()));
    }

    // Other learners

    [Fact]
    public async Task A_learner_sees_and_changes_only_their_own_progress()
    {
        var (dev, _) = await LearnerAsync();
        await StartAsync(dev);
        await ChooseAsync(dev, "back-late", 1);
        await dev.PostFormAsync(Check, Check + "/answers", [new("attempt", "1"), .. CorrectAnswers]);
        var (sam, _) = await LearnerAsync("sam.jones@riverside.example");

        // Sam has started nothing: the addresses that show Dev's progress show Sam's own (none).
        Assert.Contains(">Not started</strong>", await sam.GetPageAsync(Module));
        Assert.Equal(HttpStatusCode.Redirect, (await sam.GetAsync(Kayla)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await sam.GetAsync(Check + "/attempts/1")).StatusCode);
        Assert.DoesNotContain("recognising", await sam.GetPageAsync("/my-learning"));

        // Once Sam starts, Dev's attempt is still not Sam's to see, and Sam's steps do not move Dev.
        await StartAsync(sam);
        await sam.GetPageAsync(Check + "/attempts/1", HttpStatusCode.NotFound);
        Assert.Contains("Two in the morning", await sam.GetPageAsync(Kayla));
        await ChooseAsync(sam, "back-late", 2);
        Assert.Contains("The next afternoon", await dev.GetPageAsync(Kayla));
    }

    // My learning and refreshes

    [Fact]
    public async Task My_learning_lists_modules_in_progress_and_every_completion()
    {
        var (client, _) = await LearnerAsync();
        Assert.Contains("You have not started any modules yet.", await client.GetPageAsync("/my-learning"));
        await StartAsync(client);

        var inProgress = await client.GetPageAsync("/my-learning");
        Assert.Contains("id=\"in-progress\"", inProgress);
        Assert.Contains($"href=\"{Module}/what-exploitation-is\">Continue", inProgress);

        await CompleteAsync(client, started: true);
        var completed = await client.GetPageAsync("/my-learning");
        Assert.DoesNotContain("id=\"in-progress\"", completed);
        Assert.Contains("id=\"completed\"", completed);
        Assert.Matches(@"Recognising the signs of child sexual exploitation\s*<strong class=""govuk-tag govuk-tag--green"">Current</strong>", completed);
        Assert.Contains(">100%</td>", completed);
        // Completed in moments, short of the module's minimum time: no CPD hours (CpdHoursTests).
        Assert.Contains(">0</td>", completed);
    }

    [Fact]
    public async Task A_major_change_makes_a_completion_due_for_refresh_and_a_minor_change_does_not()
    {
        var (client, user) = await LearnerAsync();
        await CompleteAsync(client);

        using var minor = Published("1.1.0", "minor", "Clearer wording.");
        var afterMinor = await minor.SignedInAsync(user.Email!);
        Assert.Contains(">Completed</strong>", await afterMinor.GetPageAsync("/modules"));

        using var major = Published("2.0.0", "major", "The scenario now follows Kayla to a strategy meeting.");
        var afterMajor = await major.SignedInAsync(user.Email!);
        Assert.Contains(">Refresh due</strong>", await afterMajor.GetPageAsync("/modules"));
        var myLearning = await afterMajor.GetPageAsync("/my-learning");
        Assert.Contains("id=\"refresh-due\"", myLearning);
        Assert.Contains("You completed version 1.0.0", myLearning);
        Assert.Contains("Version 2.0.0: The scenario now follows Kayla to a strategy meeting.", myLearning);
        Assert.DoesNotContain(">Current</strong>", myLearning);

        // The refresher is a new progress: the first stays, with its completion.
        var start = await afterMajor.PostFormAsync(Module, Module + "/start", []);
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        var progress = await Factory.WithDbAsync(db => db.ModuleProgress.OrderBy(p => p.Number).ToListAsync());
        Assert.Equal([(1, "1.0.0", true), (2, "2.0.0", false)], progress.Select(p => (p.Number, p.StartedVersion, p.IsCompleted)));
        Assert.Contains("(refresher)", await afterMajor.GetPageAsync("/my-learning"));
        Assert.Contains(">In progress</strong>", await afterMajor.GetPageAsync("/modules"));
    }

    [Fact]
    public async Task A_refresh_after_a_major_change_issues_a_new_certificate_and_keeps_the_first()
    {
        var (client, user) = await LearnerAsync();
        await CompleteAsync(client);
        var first = await Factory.WithDbAsync(db => db.Certificates.SingleAsync());

        using var major = Published("2.0.0", "major", "The scenario now follows Kayla to a strategy meeting.");
        var later = await major.SignedInAsync(user.Email!);
        await later.PostFormAsync(Module, Module + "/start", []);
        await PlayToTheEndingAsync(later);
        await later.PostFormAsync(Check, Check + "/answers", [new("attempt", "1"), .. CorrectAnswers]);
        var refreshed = await later.PostFormAsync(Completion, Completion, [new("progress", "2")]);
        Assert.Equal(HttpStatusCode.Redirect, refreshed.StatusCode);

        var certificates = await Factory.WithDbAsync(db => db.Certificates.OrderBy(c => c.IssuedAt).ToListAsync());
        Assert.Equal(["1.0.0", "2.0.0"], certificates.Select(c => c.ModuleVersion));
        Assert.Equal(first.Id, certificates[0].Id);
        Assert.NotEqual(certificates[0].Number, certificates[1].Number);
        var completionPage = await later.GetPageAsync(Completion);
        Assert.Contains($"href=\"/my-learning/certificates/{certificates[1].Number}.pdf\"", completionPage);
        var myLearning = await later.GetPageAsync("/my-learning");
        foreach (var certificate in certificates)
        {
            Assert.Contains($"href=\"/my-learning/certificates/{certificate.Number}.pdf\"", myLearning);
            Assert.Equal(HttpStatusCode.OK, (await later.GetAsync($"/my-learning/certificates/{certificate.Number}.pdf")).StatusCode);
        }
        Assert.Contains("(version 1.0.0)", myLearning);
        Assert.Contains("(version 2.0.0)", myLearning);
    }

    [Fact]
    public async Task Progress_overtaken_by_a_major_change_starts_again_and_keeps_what_was_done()
    {
        var (client, user) = await LearnerAsync();
        await StartAsync(client);
        await ChooseAsync(client, "back-late", 1);

        using var major = Published("2.0.0", "major", "New teaching.");
        var later = await major.SignedInAsync(user.Email!);
        var start = await later.GetPageAsync(Module);
        Assert.Contains(">Not started</strong>", start);
        Assert.Contains("It has changed in substance since", start);
        Assert.Equal(HttpStatusCode.Redirect, (await later.GetAsync(Kayla)).StatusCode); // no working progress

        await later.PostFormAsync(Module, Module + "/start", []);
        Assert.Contains("Two in the morning", await later.GetPageAsync(Kayla));
        Assert.Equal(2, await Factory.WithDbAsync(db => db.ModuleProgress.CountAsync()));
        Assert.Equal(1, await Factory.WithDbAsync(db => db.ScenarioDecisions.CountAsync()));
    }

    // Helpers

    /// <summary>The same database, with the sample module published again at <paramref name="version"/>.</summary>
    private Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> Published(string version, string change, string summary)
    {
        var directory = TestContent.SampleVariant(text => text
            .Replace("version: 1.0.0\nchanges:", $"version: {version}\nchanges:\n  - version: {version}\n    change: {change}\n    summary: {summary}", StringComparison.Ordinal));
        return Factory.WithWebHostBuilder(builder => builder.UseSetting("Content:Directory", directory));
    }

    private async Task<(HttpClient Client, User User)> LearnerAsync(string email = "dev.patel@riverside.example")
    {
        var org = await Factory.WithDbAsync(db => db.Partnerships.AnyAsync()) ? null : await Factory.CreateOrganisationAsync();
        var user = await Factory.CreateUserAsync(email, org ?? await ExistingOrganisationAsync(), Roles.Learner);
        return (await Factory.SignedInAsync(email), user);
    }

    private async Task<TestData.Organisation> ExistingOrganisationAsync() => await Factory.WithDbAsync(async db =>
        new TestData.Organisation(await db.Partnerships.FirstAsync(), await db.Agencies.FirstAsync(), await db.Teams.FirstAsync()));

    private static async Task<HttpResponseMessage> StartAsync(HttpClient client)
    {
        var response = await client.PostFormAsync(Module, Module + "/start", []);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response;
    }

    private static string Key(string node, int number) => TestContent.SampleChoiceKey(node, number);

    private static async Task<HttpResponseMessage> ChooseAsync(HttpClient client, string node, int choice)
    {
        var page = await client.GetPageAsync(Kayla);
        var response = await client.PostWithTokenAsync(Kayla + "/choose", Browser.AntiforgeryToken(page),
            [new("node", node), new("choice", Key(node, choice)), new("revision", Revision(page))]);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Choosing {choice} at {node}: {(int)response.StatusCode}\n{Browser.Excerpt(await response.Content.ReadAsStringAsync())}");
        return response;
    }

    private static async Task<HttpResponseMessage> PostChoiceAsync(HttpClient client, string node, string? choice, string revision)
    {
        KeyValuePair<string, string>[] fields = choice is null
            ? [new("node", node), new("revision", revision)]
            : [new("node", node), new("choice", choice), new("revision", revision)];
        return await client.PostFormAsync(Kayla, Kayla + "/choose", fields);
    }

    /// <summary>The recommended path: back-late, next-day, sharing, to the ending "protected".</summary>
    private static async Task PlayToTheEndingAsync(HttpClient client)
    {
        await ChooseAsync(client, "back-late", 1);
        await ChooseAsync(client, "next-day", 1);
        await ChooseAsync(client, "sharing", 1);
    }

    private static async Task CompleteAsync(HttpClient client, bool started = false)
    {
        if (!started) await StartAsync(client);
        await PlayToTheEndingAsync(client);
        await client.PostFormAsync(Check, Check + "/answers", [new("attempt", "1"), .. CorrectAnswers]);
        var response = await client.PostFormAsync(Completion, Completion, [new("progress", "1")]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private static async Task<string> AssertRefusedAsync(HttpResponseMessage response, HttpStatusCode expected, string message)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}\n{Browser.Excerpt(body)}");
        Assert.Contains("govuk-error-summary", body);
        Assert.Contains(message, WebUtility.HtmlDecode(body));
        return body;
    }

    /// <summary>The learner is still at <paramref name="expectedNode"/> (null: no position saved, or still at the start).</summary>
    private async Task AssertUnmovedAsync(string? expectedNode)
    {
        var position = await Factory.WithDbAsync(db => db.ScenarioPositions.SingleOrDefaultAsync());
        if (expectedNode is null) Assert.True(position is null || position is { CurrentNodeId: "back-late", Steps: 0, Revision: 0 });
        else Assert.Equal(expectedNode, position!.CurrentNodeId);
    }

    private static string Revision(string page) => RevisionField().Match(page) is { Success: true } match ? match.Groups[1].Value : throw new InvalidOperationException("No revision on the page.");

    /// <summary>The page's main content without its per-response antiforgery tokens.</summary>
    private static string AntiforgeryFreeMain(string page)
    {
        var main = page[page.IndexOf("<main", StringComparison.Ordinal)..page.IndexOf("</main>", StringComparison.Ordinal)];
        return Browser.AntiforgeryFree(main);
    }

    [GeneratedRegex("name=\"revision\" value=\"(\\d+)\"")]
    private static partial Regex RevisionField();
}

public sealed class LearnerJourneyTestsOnSqlite(ModuleSqliteAppFactory factory) : LearnerJourneyTests(factory), IClassFixture<ModuleSqliteAppFactory>;
public sealed class LearnerJourneyTestsOnPostgres(ModulePostgresAppFactory factory) : LearnerJourneyTests(factory), IClassFixture<ModulePostgresAppFactory>;
