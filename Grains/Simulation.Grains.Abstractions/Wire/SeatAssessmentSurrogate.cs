using Simulation.Model.Runs;

namespace Simulation.Grains.Abstractions.Wire;

/// <summary>What an outcome is worth to a party, as it travels (<see cref="SeatAssessment"/>, DESIGN §4.2).</summary>
[GenerateSerializer, Immutable, Alias("tradesim.wire.SeatAssessment")]
public readonly record struct SeatAssessmentSurrogate(
    [property: Id(0)] double Utility,
    [property: Id(1)] double Reservation,
    [property: Id(2)] double Gain);

[RegisterConverter]
public sealed class SeatAssessmentConverter : IConverter<SeatAssessment, SeatAssessmentSurrogate>
{
    public SeatAssessment ConvertFromSurrogate(in SeatAssessmentSurrogate surrogate) => new(surrogate.Utility, surrogate.Reservation, surrogate.Gain);

    public SeatAssessmentSurrogate ConvertToSurrogate(in SeatAssessment value) => new(value.Utility, value.Reservation, value.Gain);
}
