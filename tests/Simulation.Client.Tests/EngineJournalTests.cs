using Simulation.Tests.Shared;

namespace Simulation.Client.Tests;

/// <summary>
/// <c>run --events</c> writes the run's journal on either engine, through the one run host: the
/// grains engine's journal (events pushed by the run grain, crossing from the embedded silo as
/// journal lines) is the local engine's, byte for byte. The local engine's journal is the
/// reference: it is written straight from the in-process engine's events.
/// </summary>
public sealed class EngineJournalTests : IDisposable
{
    private readonly string scratch = Directory.CreateTempSubdirectory("tradesim-journal-").FullName;

    public void Dispose() => Directory.Delete(scratch, recursive: true);

    public static TheoryData<string> Scenarios() =>
    [
        Path.Combine(RepositoryPaths.Root, "scenarios", "canada-indonesia.yaml"),
        Path.Combine(RepositoryPaths.Root, "tests", "Simulation.Client.Tests", "Scenarios", "with-events.yaml"),
    ];

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task The_grains_engine_writes_the_local_engine_s_journal_byte_for_byte(string scenario)
    {
        var local = Path.Combine(scratch, "local.jsonl");
        var grains = Path.Combine(scratch, "grains.jsonl");

        (await TradeSimProcess.RunAsync("run", scenario, "--engine", "local", "--events", local)).ExitCode.Should().Be(0);
        var played = await TradeSimProcess.RunAsync("run", scenario, "--engine", "grains", "--events", grains);

        played.ExitCode.Should().Be(0, played.Stderr);
        var expected = await File.ReadAllBytesAsync(local);
        File.ReadAllLines(local).Should().HaveCountGreaterThan(3).And.Subject.First().Should().StartWith("{\"type\":\"run_started\"");
        (await File.ReadAllBytesAsync(grains)).Should().Equal(expected);
    }
}
