using Simulation.Model.Runs;

namespace Simulation.Grains.Abstractions.Negotiations;

/// <summary>
/// A round a negotiation grain played: its report, and each party's undiscounted utility of every
/// offer in it (by party, in the order of the report's offers), gathered from the parties' turns, so
/// the run values the round without asking each party again (<see cref="IRunParties.UtilitiesAsync"/>).
/// </summary>
[GenerateSerializer, Immutable, Alias("tradesim.PlayedRound")]
public sealed record PlayedRound(
    [property: Id(0)] RoundReport Report,
    [property: Id(1)] IReadOnlyDictionary<string, IReadOnlyList<double>> Utilities);
