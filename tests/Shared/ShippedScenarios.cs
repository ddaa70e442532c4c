namespace Simulation.Tests.Shared;

/// <summary>
/// The scenario files shipped under scenarios/ (the folder and its subfolders), as paths relative to the
/// repository root in ordinal order. The folder also holds YAML that is not a scenario: the episode file
/// (scenarios/episodes.yaml) and the priors (scenarios/priors/), read by calibration (DESIGN §9); they
/// are left out here, and every other YAML file is a scenario, so a new one is covered at once.
/// </summary>
public static class ShippedScenarios
{
    /// <summary>The episode file: observed negotiations, each naming a shipped scenario.</summary>
    public static string EpisodeFile { get; } = Path.Combine("scenarios", "episodes.yaml");

    /// <summary>The folder of priors files.</summary>
    public static string PriorsFolder { get; } = Path.Combine("scenarios", "priors");

    /// <summary>Every shipped scenario, relative to the repository root.</summary>
    public static IReadOnlyList<string> Files() =>
        Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "scenarios"), "*.yaml", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(RepositoryPaths.Root, f))
            .Where(f => f != EpisodeFile && !f.StartsWith(PriorsFolder + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
}
