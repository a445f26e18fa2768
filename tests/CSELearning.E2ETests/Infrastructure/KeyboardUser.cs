using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CSELearning.E2ETests.Infrastructure;

/// <summary>
/// How someone who uses no mouse gets about a page: Tab (or Shift+Tab) from wherever the focus is until the
/// control they want has it, arrow keys and Space within radios and checkboxes, Enter to follow or send.
/// Tabbing, rather than focusing a control directly, shows that the control can be reached in the page's
/// focus order.
/// </summary>
public static class KeyboardUser
{
    // More than any page of the site has controls: past this, the control is not in the focus order.
    private const int MostPresses = 120;

    /// <summary>Presses Tab (or Shift+Tab) until <paramref name="target"/> has the focus.</summary>
    public static Task TabToAsync(IPage page, ILocator target, bool backwards = false) =>
        TabUntilAsync(page, target, "e => e === document.activeElement", backwards);

    /// <summary>Tabs to <paramref name="target"/> and presses Enter: follows a link, or sends a form with its button.</summary>
    public static async Task ActivateAsync(IPage page, ILocator target, bool backwards = false)
    {
        await TabToAsync(page, target, backwards);
        await page.Keyboard.PressAsync("Enter");
    }

    /// <summary>
    /// Tabs into a group of radios and selects the one at <paramref name="position"/> (from 1): the arrow keys
    /// move the selection within the group; Space selects the radio the focus lands on when none was selected.
    /// </summary>
    public static async Task ChooseRadioAsync(IPage page, ILocator radios, int position)
    {
        await TabUntilAsync(page, radios, "(elements) => elements.includes(document.activeElement)", backwards: false, all: true);
        var focused = await radios.EvaluateAllAsync<int>("elements => elements.indexOf(document.activeElement)") + 1;
        for (; focused < position; focused++) await page.Keyboard.PressAsync("ArrowDown");
        for (; focused > position; focused--) await page.Keyboard.PressAsync("ArrowUp");
        var wanted = radios.Nth(position - 1);
        await Expect(wanted).ToBeFocusedAsync();
        if (!await wanted.IsCheckedAsync()) await page.Keyboard.PressAsync("Space");
        await Expect(wanted).ToBeCheckedAsync();
    }

    /// <summary>Tabs through a group of checkboxes in turn, pressing Space on each that is not as wanted: ticked at <paramref name="positions"/> (from 1), else clear.</summary>
    public static async Task TickCheckboxesAsync(IPage page, ILocator checkboxes, params int[] positions)
    {
        var count = await checkboxes.CountAsync();
        for (var i = 0; i < count; i++)
        {
            var checkbox = checkboxes.Nth(i);
            await TabToAsync(page, checkbox);
            if (await checkbox.IsCheckedAsync() != positions.Contains(i + 1)) await page.Keyboard.PressAsync("Space");
            await Expect(checkbox).ToBeCheckedAsync(new() { Checked = positions.Contains(i + 1) });
        }
    }

    private static async Task TabUntilAsync(IPage page, ILocator target, string hasFocus, bool backwards, bool all = false)
    {
        var key = backwards ? "Shift+Tab" : "Tab";
        for (var presses = 0; presses <= MostPresses; presses++)
        {
            var focused = all ? await target.EvaluateAllAsync<bool>(hasFocus) : await target.EvaluateAsync<bool>(hasFocus);
            if (focused) return;
            await page.Keyboard.PressAsync(key);
        }
        Assert.Fail($"{MostPresses} presses of {key} on {page.Url} never reached {target}: it is not in the focus order.");
    }
}
