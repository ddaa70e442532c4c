using System.Runtime.CompilerServices;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Simulation.Browser.Tests;

/// <summary>
/// What a failed browser test leaves to read: the silo's log, the page's address, what the page
/// printed on its console and its HTML, and a screenshot of it as it was.
/// </summary>
public static class BrowserFailures
{
    private const int MostHtml = 20_000;

    public static async Task ReportAsync(IPage page, SiloWithBrowser site, ITestOutputHelper output, Func<Task> test, [CallerMemberName] string testName = "")
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(test);
        var console = new List<string>();
        page.Console += (_, message) => console.Add($"{message.Type}: {message.Text}");
        page.PageError += (_, error) => console.Add($"page error: {error}");
        try
        {
            await test();
        }
        catch
        {
            output.WriteLine($"page: {page.Url}");
            output.WriteLine($"browser console:\n{string.Join('\n', console)}");
            try
            {
                var html = await page.ContentAsync();
                output.WriteLine($"page HTML:\n{(html.Length > MostHtml ? html[..MostHtml] + "\n[...]" : html)}");
                var saved = await Screenshots.SaveToTestOutputAsync(page, $"failed-{testName}.png");
                output.WriteLine($"screenshot: {string.Join(", ", saved)}");
            }
            catch (PlaywrightException error)
            {
                output.WriteLine($"the page could not be read: {error.Message}");
            }

            output.WriteLine($"silo log:\n{site.Silo.Output}");
            throw;
        }
    }
}
