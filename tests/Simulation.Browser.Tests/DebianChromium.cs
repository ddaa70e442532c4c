using Microsoft.Playwright;

namespace Simulation.Browser.Tests;

/// <summary>
/// Debian's chromium package, driven by Playwright. Playwright's own browser builds are downloaded
/// from outside the machine, which CI cannot reach, so the tests use the distribution's browser;
/// .ci/run installs it when it is missing. Without it the tests fail and say how to get it: a browser
/// test that skipped itself would pass CI without ever looking at a page.
/// </summary>
public static class DebianChromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public static async Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        ArgumentNullException.ThrowIfNull(playwright);
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException(
                $"The browser tests drive Debian's chromium at {ExecutablePath}, which is not installed. " +
                "Install it with 'apt-get install chromium' (.ci/run does this when it is missing).");
        }

        return await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            // A hung browser fails the launch instead of the whole test run.
            Timeout = 60_000,
        });
    }
}
