namespace Simulation.Tests.Shared;

/// <summary>
/// Where tests find the repository's files: the shipped scenarios, the tests' own scenarios and the
/// published reference data kept in <c>tests/data</c> (its README names the sources), so that a clone
/// of the repository alone passes its tests.
/// </summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Scenario(string fileName) => Path.Combine(Root, "scenarios", fileName);

    /// <summary>A scenario written for the tests (tests/Simulation.Grains.Tests/Scenarios), shared by the model, grain and engine tests.</summary>
    public static string TestScenario(string fileName) => Path.Combine(Root, "tests", "Simulation.Grains.Tests", "Scenarios", fileName);

    public static string ReferenceData(string relativePath)
    {
        var path = Path.GetFullPath(Path.Combine(Root, "tests", "data", relativePath));
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Reference data {relativePath} is expected at {path} (tests/data in the repository).", path);
        }

        return path;
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Simulation.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No Simulation.sln above {AppContext.BaseDirectory}.");
    }
}
