using Simulation.Model.Experiments;
using Simulation.Model.Inference.Forecasts;
using Simulation.Model.Input;

namespace Simulation.Model.Tests.Inference;

/// <summary>The posterior directory a forecast reads, and particles drawn from it by weight.</summary>
public sealed class PosteriorTests : IDisposable
{
    private const string Samples =
        "particle,weight,distance,countries.CAN.strategy.e,countries.CAN.objective\n" +
        "0,0.25,0.1,0.5,welfare\n" +
        "1,0.75,0,2,mercantilist\n";

    private const string Diagnostics = "{ \"episodes\": [\"a\"], \"learned_until\": \"2025-10-03\", \"seed\": 1, \"particles\": 2 }";

    private readonly string _folder = Directory.CreateTempSubdirectory("tradesim-posterior-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_posterior_directory_gives_its_particles_the_digest_of_its_samples_and_the_date_learned_until()
    {
        Write(Samples, Diagnostics);

        var read = PosteriorDirectory.Read(_folder);

        read.Posterior.Paths.Select(p => p.Text).Should().Equal("countries.CAN.strategy.e", "countries.CAN.objective");
        read.Posterior.Particles.Should().BeEquivalentTo(new[]
        {
            new PosteriorParticle("0", 0.25, ["0.5", "welfare"]),
            new PosteriorParticle("1", 0.75, ["2", "mercantilist"]),
        }, o => o.WithStrictOrdering());
        // sha256sum of the three lines above, written with "\n" line ends.
        read.SamplesSha256.Should().Be("2a1424430b9e169bf6d2b5ff6d539df444959e094c306b21eeeff0de0be53919");
        read.LearnedUntil.Should().Be(new DateOnly(2025, 10, 3));
    }

    [Fact]
    public void Every_error_of_both_files_is_reported_at_once_with_its_line()
    {
        Write(
            "particle,weight,distance,countries.CAN.strategy.e\n" +
            "0,0.5,0.1,0.5\n" +
            "1,heavy,0,2\n" +
            "2,0.5,-1,\n",
            "{ \"learned_until\": 2025 }");

        var read = () => PosteriorDirectory.Read(_folder);

        var errors = read.Should().Throw<InvalidInputException>().Which.Errors.Select(e => e.ToString()).ToList();
        var samples = Path.Combine(_folder, "samples.csv");
        errors.Should().Contain(e => e.StartsWith($"{samples}:3: weight: weight is not a number: 'heavy'", StringComparison.Ordinal));
        errors.Should().Contain(e => e.StartsWith($"{samples}:4: distance: distance must be from 0", StringComparison.Ordinal));
        errors.Should().Contain(e => e.StartsWith($"{samples}:4: countries.CAN.strategy.e: countries.CAN.strategy.e is empty", StringComparison.Ordinal));
        errors.Should().Contain(e => e.Contains("diagnostics.json: learned_until: expected an object with \"learned_until\"", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("weight,particle,distance\n1,0,0\n", "expected the header to begin with particle,weight,distance")]
    [InlineData("particle,weight,distance,countries..e\n0,1,0,2\n", "samples.csv:1:4: countries..e: the column is not a scenario path")]
    [InlineData("particle,weight,distance,a.b,a.b\n0,1,0,2,3\n", "the path has two columns")]
    [InlineData("particle,weight,distance\n0,0.5,0\n1,0.4,0\n", "the weights sum to 0.9, not 1")]
    [InlineData("particle,weight,distance\n", "the file has no particles")]
    public void Samples_that_calibrate_did_not_write_are_refused(string samples, string message)
    {
        Write(samples, Diagnostics);

        var read = () => PosteriorDirectory.Read(_folder);

        read.Should().Throw<InvalidInputException>().Which.Errors.Should().ContainSingle().Which.ToString().Should().Contain(message);
    }

    [Fact]
    public void A_missing_directory_or_missing_files_are_named()
    {
        var missing = () => PosteriorDirectory.Read(Path.Combine(_folder, "nowhere"));
        var empty = () => PosteriorDirectory.Read(_folder);
        File.WriteAllText(Path.Combine(_folder, "diagnostics.json"), "{ \"learned_until\": ");
        var broken = () => PosteriorDirectory.Read(_folder);

        missing.Should().Throw<InvalidInputException>().Which.Errors.Single().Message.Should().Be("the posterior directory does not exist");
        var both = broken.Should().Throw<InvalidInputException>().Which.Errors.Select(e => e.ToString()).ToList();
        both.Should().HaveCount(2);
        both[0].Should().Be($"{Path.Combine(_folder, "samples.csv")}: the file does not exist");
        both[1].Should().StartWith($"{Path.Combine(_folder, "diagnostics.json")}:1:").And.Contain("not JSON");
        File.Delete(Path.Combine(_folder, "diagnostics.json"));
        empty.Should().Throw<InvalidInputException>().Which.Errors.Should().HaveCount(2);
    }

    [Fact]
    public void Draws_follow_the_weights_within_five_standard_errors()
    {
        // Weights 0.2, 0.5, 0.3 over 20 000 draws: a share's standard error √(p(1 − p)/n) is at most
        // √(0.25/20000) = 0.0035, so 5 of them is 0.018.
        var posterior = Three(0.2, 0.5, 0.3);

        var draws = posterior.Draw(20_000, seed: 11);

        draws.Should().HaveCount(20_000);
        foreach (var (particle, weight) in new[] { (0, 0.2), (1, 0.5), (2, 0.3) })
        {
            ((double)draws.Count(d => d == particle) / draws.Count).Should().BeApproximately(weight, 0.018);
        }
    }

    [Fact]
    public void A_particle_of_weight_zero_is_never_drawn_and_the_same_seed_draws_the_same()
    {
        Three(0, 1, 0).Draw(1000, seed: 3).Should().AllBeEquivalentTo(1);
        Three(0.5, 0.5, 0).Draw(1000, seed: 3).Should().NotContain(2);
        Three(0.2, 0.5, 0.3).Draw(50, seed: 8).Should().Equal(Three(0.2, 0.5, 0.3).Draw(50, seed: 8));
        Three(0.2, 0.5, 0.3).Draw(50, seed: 8).Should().NotEqual(Three(0.2, 0.5, 0.3).Draw(50, seed: 9));
    }

    [Fact]
    public void A_particles_settings_are_its_values_at_the_paths_asked_for()
    {
        Write(Samples, Diagnostics);
        var posterior = PosteriorDirectory.Read(_folder).Posterior;

        posterior.SettingsOf(1, _ => true).Select(s => s.ToString()).Should().Equal("countries.CAN.strategy.e=2", "countries.CAN.objective=mercantilist");
        posterior.SettingsOf(1, p => p.Text.EndsWith(".e", StringComparison.Ordinal)).Select(s => s.ToString()).Should().Equal("countries.CAN.strategy.e=2");
    }

    private static Posterior Three(double a, double b, double c) =>
        new([ScenarioPath.Parse("countries.CAN.strategy.e")], [new("a", a, ["1"]), new("b", b, ["2"]), new("c", c, ["3"])]);

    private void Write(string samples, string diagnostics)
    {
        File.WriteAllText(Path.Combine(_folder, "samples.csv"), samples);
        File.WriteAllText(Path.Combine(_folder, "diagnostics.json"), diagnostics);
    }
}
