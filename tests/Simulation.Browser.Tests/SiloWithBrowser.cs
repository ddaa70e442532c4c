using Microsoft.Playwright;

namespace Simulation.Browser.Tests;

/// <summary>
/// One silo, started as a person starts it (the built Silo on free ports), and one headless
/// chromium, shared by the browser tests: starting them is most of the tests' time. Disposing it
/// closes the browser and kills the silo.
/// </summary>
public sealed class SiloWithBrowser : IAsyncLifetime
{
    private IPlaywright? playwright;
    private IBrowser? browser;
    private SiloProcess? silo;

    public SiloProcess Silo => silo ?? throw new InvalidOperationException("The silo is not started.");

    /// <summary>Where the dashboard and the live page are served.</summary>
    public Uri Site => new($"http://127.0.0.1:{Silo.DashboardPort}/");

    /// <summary>The gateway a CLI joins the silo through, as its --gateway option takes it.</summary>
    public string Gateway => $"127.0.0.1:{Silo.GatewayPort}";

    public async Task InitializeAsync()
    {
        // The silo takes longer to start than the browser; both start at once. Whatever fails to
        // start, what did start is stopped here, since a fixture that fails to start is not disposed.
        var starting = SiloProcess.StartAsync();
        try
        {
            playwright = await Playwright.CreateAsync();
            browser = await DebianChromium.LaunchAsync(playwright);
            silo = await starting;
        }
        catch
        {
            await DisposeAsync();
            if (silo is null)
            {
                try
                {
                    await (await starting).DisposeAsync();
                }
                catch (Exception error) when (error is InvalidOperationException or IOException)
                {
                    // The silo failed to start as well; the first failure is the one reported.
                }
            }

            throw;
        }
    }

    /// <summary>A fresh page (its own context, so no state leaks between tests) that times out generously.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await (browser ?? throw new InvalidOperationException("The browser is not started.")).NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        // Waits are for a silo and a CLI sharing two busy cores with other builds, not deadlines.
        context.SetDefaultTimeout(60_000);
        Assertions.SetDefaultExpectTimeout(60_000);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.CloseAsync();
        }

        playwright?.Dispose();
        if (silo is not null)
        {
            await silo.DisposeAsync();
        }
    }
}
