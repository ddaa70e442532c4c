using Microsoft.Playwright;

namespace Simulation.Browser.Tests;

/// <summary>
/// Screenshots the browser tests take: always into screenshots/ beside the test assembly, and also
/// into the folder named by TRADESIM_SCREENSHOTS when it is set, which is how the documentation's pictures
/// (docs/dashboard-grain-state.png, docs/live-page.png) are made again:
/// <c>TRADESIM_SCREENSHOTS=docs dotnet test tests/Simulation.Browser.Tests</c>.
/// </summary>
public static class Screenshots
{
    public const string FolderVariable = "TRADESIM_SCREENSHOTS";

    /// <summary>Saves the page as <paramref name="fileName"/> into the test output and the requested folder; returns the paths written.</summary>
    public static Task<IReadOnlyList<string>> SaveAsync(IPage page, string fileName)
    {
        var folders = new List<string> { TestOutput };
        if (Environment.GetEnvironmentVariable(FolderVariable) is { Length: > 0 } requested)
        {
            // A relative folder is taken from the repository's root, as a person typing the command there means it.
            folders.Add(Path.GetFullPath(requested, RepositoryPaths.Root));
        }

        return WriteAsync(page, fileName, folders);
    }

    /// <summary>Saves the page into the test output only (a failing page is no picture for the documentation).</summary>
    public static Task<IReadOnlyList<string>> SaveToTestOutputAsync(IPage page, string fileName) => WriteAsync(page, fileName, [TestOutput]);

    private static string TestOutput => Path.Combine(AppContext.BaseDirectory, "screenshots");

    private static async Task<IReadOnlyList<string>> WriteAsync(IPage page, string fileName, IReadOnlyList<string> folders)
    {
        ArgumentNullException.ThrowIfNull(page);
        var bytes = await page.ScreenshotAsync(new PageScreenshotOptions { FullPage = true });
        var paths = new List<string>();
        foreach (var folder in folders)
        {
            Directory.CreateDirectory(folder);
            var path = Path.Combine(folder, fileName);
            await File.WriteAllBytesAsync(path, bytes);
            paths.Add(path);
        }

        return paths;
    }
}
