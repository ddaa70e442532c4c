using System.Globalization;
using System.Text.RegularExpressions;
using Simulation.Model.Experiments;
using Simulation.Model.Inference;

namespace Simulation.Client.Tests.Inference;

/// <summary>
/// Every value the shipped priors (scenarios/priors/objectives.yaml) can take gives a valid scenario
/// for every shipped episode whose scenario has the path (DESIGN §9: a path applies to every episode
/// whose scenario has it). Each episode scenario is played by <c>batch</c>, as a user types it, at
/// every value of each <c>choice</c> and at both ends of each range, every path it has varied at
/// once (a grid), and every run must finish: exit 0, one row per run and party, no failed run.
/// </summary>
public sealed partial class EpisodePriorRangeTests : IDisposable
{
    private static readonly string Priors = Path.Combine(RepositoryPaths.Root, "scenarios", "priors", "objectives.yaml");

    private readonly string scratch = Directory.CreateTempSubdirectory("tradesim-priors-").FullName;

    public void Dispose() => Directory.Delete(scratch, recursive: true);

    /// <summary>Each scenario an episode of scenarios/episodes.yaml names, relative to the repository root, once.</summary>
    public static TheoryData<string> EpisodeScenarios()
    {
        var data = new TheoryData<string>();
        var episodes = EpisodeFile.Load(Path.Combine(RepositoryPaths.Root, ShippedScenarios.EpisodeFile));
        foreach (var scenario in episodes.Select(e => Path.GetRelativePath(RepositoryPaths.Root, e.ScenarioFile)).Distinct(StringComparer.Ordinal))
        {
            data.Add(scenario);
        }

        return data;
    }

    [Fact]
    public void The_shipped_priors_are_the_ones_the_check_reads()
    {
        // Seven paths: China's, Canada's and the US's objective and concession exponent, and canola
        // seed's supply elasticity (the issue's example); a reading that found none would pass vacuously.
        ReadPriors().Select(p => p.Path.Text).Should().Equal(
            "countries.CHN.objective", "countries.CHN.strategy.e", "countries.CAN.objective", "countries.CAN.strategy.e",
            "countries.USA.objective", "countries.USA.strategy.e", "sectors.canola_seed.supply_elasticity");
        EpisodeScenarios().Cast<object[]>().Count().Should().Be(6, "six episodes, each with its own scenario");
    }

    [Theory]
    [MemberData(nameof(EpisodeScenarios))]
    public async Task Every_value_of_every_prior_gives_a_scenario_that_runs(string scenario)
    {
        var document = ScenarioDocument.LoadFile(Path.Combine(RepositoryPaths.Root, scenario));
        var applicable = ReadPriors().Where(p => document.Problem(p.Path) is null).ToList();
        applicable.Should().NotBeEmpty("every episode has at least one country whose parameters are learned");
        var values = applicable.Select(p => Ends(p.Distribution)).ToList();

        var arguments = new List<string> { "batch", scenario, "--runs", "1", "--engine", "local", "--out", Path.Combine(scratch, "out") };
        foreach (var (prior, ends) in applicable.Zip(values))
        {
            arguments.AddRange(["--vary", $"{prior.Path.Text}={string.Join(',', ends)}"]);
        }

        var result = await TradeSimProcess.RunAsync([.. arguments]);

        result.ExitCode.Should().Be(0, result.Stderr);
        var runs = values.Aggregate(1, (product, ends) => product * ends.Count);
        (result.Stdout + result.Stderr).Should().Contain($"{runs} runs ({runs} variants × 1)").And.Contain(", 0 failed;");
        // One row per run and party of the episode's one negotiation (all episode tables are bilateral).
        var rows = File.ReadAllLines(Path.Combine(scratch, "out", "runs.csv")).Skip(1).ToList();
        rows.Should().HaveCount(2 * runs);
    }

    /// <summary>Every value a choice can take, or both ends of a range.</summary>
    private static List<string> Ends(Distribution distribution) => distribution switch
    {
        Distribution.Choice choice => [.. choice.Values],
        Distribution.Uniform uniform => [uniform.Low.ToString(CultureInfo.InvariantCulture), uniform.High.ToString(CultureInfo.InvariantCulture)],
        _ => throw new InvalidOperationException($"the shipped priors use choice and uniform only; {distribution} has no ends to check"),
    };

    /// <summary>The priors file's <c>parameters:</c> as paths and distributions, in the file's order.</summary>
    private static List<SampledInput> ReadPriors()
    {
        var priors = new List<SampledInput>();
        foreach (Match line in PriorLine().Matches(File.ReadAllText(Priors)))
        {
            var errors = new List<Simulation.Model.Input.InputError>();
            var prior = ExperimentOptions.ReadSample($"{line.Groups[1].Value}={line.Groups[2].Value.Trim()}", errors);
            errors.Should().BeEmpty();
            priors.Add(prior!);
        }

        return priors;
    }

    [GeneratedRegex(@"^  ([a-z_A-Z.\[\]-]+): (\S.*)$", RegexOptions.Multiline)]
    private static partial Regex PriorLine();
}
