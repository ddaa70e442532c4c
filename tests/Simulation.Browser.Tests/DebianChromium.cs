using System.Diagnostics;
using Microsoft.Playwright;
using Simulation.Tests.Shared;

namespace Simulation.Browser.Tests;

/// <summary>
/// Debian's chromium package, driven by Playwright. Playwright's own browser builds are downloaded
/// from outside the machine, which CI cannot reach, so the tests use the distribution's browser.
/// When it is missing the tests install it with apt (<c>.ci/install-chromium</c>, as root or with
/// password-less sudo), so the README's test command works on a fresh machine; when that fails they
/// fail and say how to get it: a browser test that skipped itself would pass CI without ever looking
/// at a page.
/// </summary>
public static class DebianChromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public static async Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        ArgumentNullException.ThrowIfNull(playwright);
        if (!File.Exists(ExecutablePath))
        {
            await InstallAsync();
        }

        return await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            // A hung browser fails the launch instead of the whole test run.
            Timeout = 60_000,
        });
    }

    private static async Task InstallAsync()
    {
        var script = Path.Combine(RepositoryPaths.Root, ".ci", "install-chromium");
        var install = new ProcessStartInfo("bash") { ArgumentList = { script }, RedirectStandardError = true, RedirectStandardOutput = true };
        using var process = Process.Start(install)!;
        var said = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        // A guard against a hung package manager, not a speed check.
        using var hang = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        await process.WaitForExitAsync(hang.Token);
        if (process.ExitCode != 0 || !File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException(
                $"The browser tests drive Debian's chromium at {ExecutablePath}, which is not installed, and installing it failed: " +
                $"{(await said).Trim()}. Install it with 'apt-get install chromium'.");
        }
    }
}
