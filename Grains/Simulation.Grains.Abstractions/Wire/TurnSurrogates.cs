using Simulation.Model.Negotiation;
using Simulation.Model.Runs;

namespace Simulation.Grains.Abstractions.Wire;

/// <summary>A turn played, as it travels (<see cref="TurnRecord"/>).</summary>
[GenerateSerializer, Immutable, Alias("tradesim.wire.TurnRecord")]
public readonly record struct TurnRecordSurrogate(
    [property: Id(0)] int Round,
    [property: Id(1)] int Turn,
    [property: Id(2)] string Party,
    [property: Id(3)] MoveKind Action,
    [property: Id(4)] Outcome? Offer);

/// <summary>What a party knows on its turn, as it travels (<see cref="TurnContext"/>).</summary>
[GenerateSerializer, Immutable, Alias("tradesim.wire.TurnContext")]
public readonly record struct TurnContextSurrogate(
    [property: Id(0)] int TurnsTaken,
    [property: Id(1)] int TurnsAvailable,
    [property: Id(2)] Outcome? StandingOffer,
    [property: Id(3)] string? StandingOfferBy,
    [property: Id(4)] TurnPhase Phase,
    [property: Id(5)] Outcome? CurrentText,
    [property: Id(6)] TurnRecord[] MovesSince);

/// <summary>A negotiation's round as it travels (<see cref="RoundReport"/>): its status is the model's enum.</summary>
[GenerateSerializer, Immutable, Alias("tradesim.wire.RoundReport")]
public readonly record struct RoundReportSurrogate(
    [property: Id(0)] string NegotiationId,
    [property: Id(1)] NegotiationStatus Status,
    [property: Id(2)] int RoundsPlayed,
    [property: Id(3)] Outcome? Agreement,
    [property: Id(4)] int? AgreedOfferTurn,
    [property: Id(5)] TurnRecord[] Turns);

[RegisterConverter]
public sealed class TurnRecordConverter : IConverter<TurnRecord, TurnRecordSurrogate>
{
    public TurnRecord ConvertFromSurrogate(in TurnRecordSurrogate surrogate) =>
        new(surrogate.Round, surrogate.Turn, surrogate.Party, surrogate.Action, surrogate.Offer);

    public TurnRecordSurrogate ConvertToSurrogate(in TurnRecord value) =>
        new(value.Round, value.Turn, value.Party, value.Action, value.Offer);
}

[RegisterConverter]
public sealed class TurnContextConverter : IConverter<TurnContext, TurnContextSurrogate>
{
    public TurnContext ConvertFromSurrogate(in TurnContextSurrogate surrogate) =>
        new(surrogate.TurnsTaken, surrogate.TurnsAvailable, surrogate.StandingOffer, surrogate.StandingOfferBy, surrogate.Phase, surrogate.CurrentText, surrogate.MovesSince);

    public TurnContextSurrogate ConvertToSurrogate(in TurnContext value) =>
        new(value.TurnsTaken, value.TurnsAvailable, value.StandingOffer, value.StandingOfferBy, value.Phase, value.CurrentText, [.. value.Moves]);
}

[RegisterConverter]
public sealed class RoundReportConverter : IConverter<RoundReport, RoundReportSurrogate>
{
    public RoundReport ConvertFromSurrogate(in RoundReportSurrogate surrogate) =>
        new(surrogate.NegotiationId, surrogate.Status, surrogate.RoundsPlayed, surrogate.Agreement, surrogate.AgreedOfferTurn, surrogate.Turns);

    public RoundReportSurrogate ConvertToSurrogate(in RoundReport value) =>
        new(value.NegotiationId, value.Status, value.RoundsPlayed, value.Agreement, value.AgreedOfferTurn, [.. value.Turns]);
}
