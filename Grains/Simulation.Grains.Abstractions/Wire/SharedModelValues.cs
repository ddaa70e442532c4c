using Orleans.Serialization.Cloning;
using Simulation.Model.Economics;
using Simulation.Model.Negotiation;
using Simulation.Model.Reporting;
using Simulation.Model.Runs;
using Simulation.Model.Runs.Journal;

namespace Simulation.Grains.Abstractions.Wire;

/// <summary>
/// A model value that is never changed once made, passed as itself between grains of one silo. Orleans
/// copies every argument and result of a call within a silo unless its type is known immutable; the
/// model's types cannot say so (they carry no Orleans attribute), so without this each turn would
/// copy its context and move, and each run its events and outcome by their JSON surrogates
/// (<see cref="RunEventSurrogate"/>, <see cref="RunOutcomeSurrogate"/>): for the messages of a turn,
/// what <c>[Immutable]</c> does for the contracts' own records (DESIGN §7: the cost of a turn through
/// grains is the cost of its messages). Between silos the values still travel by their surrogates.
/// </summary>
/// <remarks>
/// Each is Orleans' own <see cref="ShallowCopier{T}"/> registered for one type. Only for types
/// whose instances nobody mutates: sealed records of immutable values, read-only lists built fresh
/// for the value (a protocol's context slices its history, a round's report copies its turns), and
/// maps filled once when the value is made. A contract test checks every model type that travels
/// is shared.
/// </remarks>
[RegisterCopier]
public sealed class SharedOutcome : ShallowCopier<Outcome>;

[RegisterCopier]
public sealed class SharedOffer : ShallowCopier<Offer>;

[RegisterCopier]
public sealed class SharedAccept : ShallowCopier<Accept>;

[RegisterCopier]
public sealed class SharedReject : ShallowCopier<Reject>;

[RegisterCopier]
public sealed class SharedVote : ShallowCopier<Vote>;

[RegisterCopier]
public sealed class SharedVeto : ShallowCopier<Veto>;

[RegisterCopier]
public sealed class SharedWalkAway : ShallowCopier<WalkAway>;

[RegisterCopier]
public sealed class SharedTurnRecord : ShallowCopier<TurnRecord>;

[RegisterCopier]
public sealed class SharedTurnContext : ShallowCopier<TurnContext>;

[RegisterCopier]
public sealed class SharedRoundReport : ShallowCopier<RoundReport>;

[RegisterCopier]
public sealed class SharedTariffLine : ShallowCopier<TariffLine>;

[RegisterCopier]
public sealed class SharedTariffChange : ShallowCopier<TariffChange>;

[RegisterCopier]
public sealed class SharedTariffRateQuota : ShallowCopier<TariffRateQuota>;

[RegisterCopier]
public sealed class SharedQuotaChange : ShallowCopier<QuotaChange>;

[RegisterCopier]
public sealed class SharedSeatAssessment : ShallowCopier<SeatAssessment>;

[RegisterCopier]
public sealed class SharedRunOutcome : ShallowCopier<RunOutcome>;

[RegisterCopier]
public sealed class SharedRunStarted : ShallowCopier<RunStarted>;

[RegisterCopier]
public sealed class SharedNegotiationOpened : ShallowCopier<NegotiationOpened>;

[RegisterCopier]
public sealed class SharedTurnTaken : ShallowCopier<TurnTaken>;

[RegisterCopier]
public sealed class SharedNegotiationEnded : ShallowCopier<NegotiationEnded>;

[RegisterCopier]
public sealed class SharedEventApplied : ShallowCopier<EventApplied>;

[RegisterCopier]
public sealed class SharedWorldChanged : ShallowCopier<WorldChanged>;

[RegisterCopier]
public sealed class SharedRoundCompleted : ShallowCopier<RoundCompleted>;

[RegisterCopier]
public sealed class SharedRunEnded : ShallowCopier<RunEnded>;
