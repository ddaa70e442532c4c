using System.Collections.Immutable;
using Simulation.Model.Negotiation;

namespace Simulation.Grains.Abstractions.Wire;

/// <summary>An outcome as it travels: its level per issue (DESIGN §4.1).</summary>
[GenerateSerializer, Immutable, Alias("tradesim.wire.Outcome")]
public readonly record struct OutcomeSurrogate([property: Id(0)] ImmutableArray<int> Levels);

[RegisterConverter]
public sealed class OutcomeConverter : IConverter<Outcome, OutcomeSurrogate>
{
    public Outcome ConvertFromSurrogate(in OutcomeSurrogate surrogate) => new(surrogate.Levels);

    public OutcomeSurrogate ConvertToSurrogate(in Outcome value) => new(value.Levels);
}
