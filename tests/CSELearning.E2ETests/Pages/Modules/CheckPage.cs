using System.Text.RegularExpressions;
using CSELearning.E2ETests.Infrastructure;
using CSELearning.Web.Content;
using Microsoft.Playwright;

namespace CSELearning.E2ETests.Pages.Modules;

/// <summary>
/// A knowledge check: its questions as a form (radios for "choose one", checkboxes for "choose all that
/// apply"), and the learner's earlier attempts once there are any.
/// </summary>
public sealed class CheckPage : AppPage
{
    private readonly string _moduleId;
    private readonly string _checkId;

    private CheckPage(BrowserSession session, string moduleId, string checkId) : base(session) =>
        (_moduleId, _checkId) = (moduleId, checkId);

    /// <summary>One fieldset for each question, named by its legend: its number and the question.</summary>
    public ILocator Questions => Page.Locator("form#questions").GetByRole(AriaRole.Group);

    /// <summary>"Attempt 1: 50%, not passed", and so on, for every earlier attempt.</summary>
    public ILocator EarlierAttempts => Page.Locator("#attempts + ul > li");

    /// <summary>The heading over the form once there are earlier attempts: "Attempt 2", say.</summary>
    public ILocator AttemptHeading => Page.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex(@"^Attempt \d+$") });

    public ILocator SubmitButton => Page.GetByRole(AriaRole.Button, new() { Name = "Submit your answers", Exact = true });

    public static async Task<CheckPage> ArriveAsync(BrowserSession session, string moduleId, string checkId, string title)
    {
        await session.ArriveAsync($"modules/{moduleId}/{checkId}", title);
        return new CheckPage(session, moduleId, checkId);
    }

    /// <summary>
    /// Answers one question with the keyboard: for radios, tabs into the group and moves to the option with the
    /// arrow keys (or Space); for checkboxes, tabs through them, pressing Space on each to be ticked or cleared.
    /// </summary>
    /// <param name="questionId">The question's id, as in its fields' name (answer-{id}).</param>
    /// <param name="options">The options to choose, numbered from 1 as written in the content: one for a radio
    /// question. The page shows them shuffled, so each is found on the page by the key its input posts.</param>
    public async Task AnswerWithKeyboardAsync(string questionId, params int[] options)
    {
        var inputs = Page.Locator($"form#questions input[name='answer-{questionId}']");
        var shown = await ShownKeysAsync(questionId);
        var places = options.Select(n => shown.IndexOf(SampleCheck.Value.Questions.Single(q => q.Id == questionId).Options[n - 1].Key) + 1).ToArray();
        Assert.DoesNotContain(0, places);
        if (await inputs.First.GetAttributeAsync("type") == "radio")
        {
            Assert.Single(places);
            await KeyboardUser.ChooseRadioAsync(Page, inputs, places[0]);
        }
        else
        {
            await KeyboardUser.TickCheckboxesAsync(Page, inputs, places);
        }
    }

    /// <summary>The keys of a question's options in the order the page shows them.</summary>
    public async Task<List<string>> ShownKeysAsync(string questionId) =>
        [.. await Page.Locator($"form#questions input[name='answer-{questionId}']").EvaluateAllAsync<string[]>("inputs => inputs.map(i => i.value)")];

    private static readonly Lazy<KnowledgeCheck> SampleCheck = new(() =>
        ContentLoader.LoadDirectory(CseLearningApp.FixtureContentDirectory).Modules.Single().SectionsOf<KnowledgeCheck>().Single());

    /// <summary>Tabs to "Submit your answers" and presses Enter, to the attempt's result.</summary>
    public async Task<AttemptPage> SubmitWithKeyboardAsync(int attempt, bool expectPass)
    {
        await KeyboardUser.ActivateAsync(Page, SubmitButton);
        return await AttemptPage.ArriveAsync(Session, _moduleId, _checkId, attempt, expectPass);
    }
}
