using System.Security.Cryptography;
using System.Text;
using Simulation.Model.Reporting;
using Simulation.Grains.Abstractions.Runs;
using Simulation.Tests.Shared;

namespace Simulation.Grains.Tests;

/// <summary>
/// Each test's runs have run ids of their own (<see cref="RunDriver.OwnRunId"/>), so a test sharing a
/// cluster with others never takes another test's run, already played, for a fresh one; and the
/// run id a user's run gets is unchanged.
/// </summary>
[Collection(nameof(ClusterCollection))]
public sealed class OwnRunIdTests(OneSilo oneSilo)
{
    private const string File = "canada-china-canola.yaml";

    [Fact]
    public async Task The_same_scenario_and_seed_played_twice_plays_twice_under_two_run_ids_with_one_outcome()
    {
        var text = System.IO.File.ReadAllText(RepositoryPaths.Scenario(File));

        // PlayAsync checks that each start finds its run grain not started, i.e. a fresh run.
        var (firstId, first) = await RunDriver.PlayAsync(oneSilo.Client, text, File, seed: 42);
        var (secondId, second) = await RunDriver.PlayAsync(oneSilo.Client, text, File, seed: 42);

        secondId.Should().NotBe(firstId);
        new[] { firstId, secondId }.Should().NotContain(RunIds.For(text, 42), "a user's run of the same scenario and seed keeps its own grain too");
        RunOutcomeJson.Serialize(second).Should().Be(RunOutcomeJson.Serialize(first), "a run id names grains, it does not change the run");
    }

    [Fact]
    public void A_users_run_id_is_still_the_first_8_bytes_of_the_sha256_of_text_seed_and_no_variant()
    {
        // DESIGN §5.2's derivation, computed here without the code under test.
        const string Text = "name: x\n";
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes("name: x\n\n--seed=7\n--variant="));
        var expected = "run-" + string.Concat(digest.Take(8).Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));

        RunIds.For(Text, 7).Should().Be(expected);
        RunDriver.OwnRunId(Text, 7).Should().NotBe(expected);
    }
}
