using Simulation.Model.Negotiation;

namespace Simulation.Grains.Abstractions.Wire;

/// <summary>
/// An offer as it travels: the outcome offered. Which move a <see cref="NegotiationAction"/> is travels
/// as its type (under its alias, <see cref="ModelTypeAliases"/>), as any derived type does in Orleans,
/// so there is no move-kind field to keep in step with the model's closed set of moves.
/// </summary>
[GenerateSerializer, Immutable, Alias("tradesim.wire.Offer")]
public readonly record struct OfferSurrogate([property: Id(0)] Outcome Outcome);

/// <summary>A move that carries nothing but its kind (accept, reject, vote, veto, walk away): its type says it all.</summary>
[GenerateSerializer, Immutable, Alias("tradesim.wire.BareMove")]
public readonly record struct BareMoveSurrogate;

[RegisterConverter]
public sealed class OfferConverter : IConverter<Offer, OfferSurrogate>
{
    public Offer ConvertFromSurrogate(in OfferSurrogate surrogate) => new(surrogate.Outcome);

    public OfferSurrogate ConvertToSurrogate(in Offer value) => new(value.Outcome);
}

/// <summary>The one conversion of every move without fields; a registered converter per move names its type.</summary>
public abstract class BareMoveConverter<TMove> : IConverter<TMove, BareMoveSurrogate>
    where TMove : NegotiationAction, new()
{
    public TMove ConvertFromSurrogate(in BareMoveSurrogate surrogate) => new();

    public BareMoveSurrogate ConvertToSurrogate(in TMove value) => default;
}

[RegisterConverter]
public sealed class AcceptConverter : BareMoveConverter<Accept>;

[RegisterConverter]
public sealed class RejectConverter : BareMoveConverter<Reject>;

[RegisterConverter]
public sealed class VoteConverter : BareMoveConverter<Vote>;

[RegisterConverter]
public sealed class VetoConverter : BareMoveConverter<Veto>;

[RegisterConverter]
public sealed class WalkAwayConverter : BareMoveConverter<WalkAway>;
