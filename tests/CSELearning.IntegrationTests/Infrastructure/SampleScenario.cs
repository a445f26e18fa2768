using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace CSELearning.IntegrationTests.Infrastructure;

/// <summary>Plays the sample module's scenario (Kayla) as a browser does: by each choice's key, whatever its place on the page.</summary>
public static partial class SampleScenario
{
    public const string Module = "/modules/recognising-exploitation";
    public const string Url = Module + "/kayla";

    /// <summary>The written numbers (from 1) of the choices on the page, in the order shown.</summary>
    public static int[] Shown(string page, string node) => ChoiceField().Matches(page)
        .Select(m => Enumerable.Range(1, 10).First(n => TestContent.SampleChoiceKey(node, n) == m.Groups[1].Value))
        .ToArray();

    public static int Revision(string page) => int.Parse(RevisionField().Match(page).Groups[1].Value, CultureInfo.InvariantCulture);

    /// <summary>Chooses the choice written <paramref name="written"/>th at <paramref name="node"/>, from the page as it is now.</summary>
    public static async Task ChooseAsync(HttpClient client, string node, int written)
    {
        var page = await client.GetPageAsync(Url);
        var response = await client.PostWithTokenAsync(Url + "/choose", Browser.AntiforgeryToken(page),
            [new("node", node), new("choice", TestContent.SampleChoiceKey(node, written)), new("revision", Revision(page).ToString(CultureInfo.InvariantCulture))]);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Choosing {written} at {node}: {(int)response.StatusCode}");
    }

    /// <summary>Chooses at each node in turn, each choice by the place it is written in.</summary>
    public static async Task PlayAsync(HttpClient client, params (string Node, int Written)[] choices)
    {
        foreach (var (node, written) in choices) await ChooseAsync(client, node, written);
    }

    public static async Task PostAsync(HttpClient client, string action)
    {
        var page = await client.GetPageAsync(Url);
        var response = await client.PostWithTokenAsync(Url + "/" + action, Browser.AntiforgeryToken(page), [new("revision", Revision(page).ToString(CultureInfo.InvariantCulture))]);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{action}: {(int)response.StatusCode}");
    }

    public static Task GoBackAsync(HttpClient client) => PostAsync(client, "back");

    public static Task StartAgainAsync(HttpClient client) => PostAsync(client, "start-again");

    [GeneratedRegex("name=\"choice\" type=\"radio\" value=\"([0-9a-f]+)\"")]
    private static partial Regex ChoiceField();

    [GeneratedRegex("name=\"revision\" value=\"(\\d+)\"")]
    private static partial Regex RevisionField();
}
