using Simulation.Model.Reporting;

namespace Simulation.Grains.Abstractions.Wire;

/// <summary>
/// A run's outcome as it travels: the outcome document of DESIGN §6.2 in its complete JSON form
/// (<see cref="RunOutcomeJson.Complete"/>, frontier included). The outcome is a model record with no
/// Orleans attributes; its JSON form is already its contract, so it travels as that rather than as
/// a twin of every record in it.
/// </summary>
[GenerateSerializer, Immutable, Alias("tradesim.RunOutcome.Json")]
public readonly record struct RunOutcomeSurrogate([property: Id(0)] string Json);

[RegisterConverter]
public sealed class RunOutcomeConverter : IConverter<RunOutcome, RunOutcomeSurrogate>
{
    public RunOutcome ConvertFromSurrogate(in RunOutcomeSurrogate surrogate) => RunOutcomeJson.ReadComplete(surrogate.Json);

    public RunOutcomeSurrogate ConvertToSurrogate(in RunOutcome value) =>
        new(System.Text.Json.JsonSerializer.Serialize(value, RunOutcomeJson.Complete));
}
