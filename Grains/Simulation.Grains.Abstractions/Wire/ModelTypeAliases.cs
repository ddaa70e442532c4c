using Orleans.Serialization.Configuration;
using Simulation.Grains.Abstractions.Wire;
using Simulation.Model.Economics;
using Simulation.Model.Negotiation;
using Simulation.Model.Reporting;
using Simulation.Model.Runs;
using Simulation.Model.Runs.Journal;

[assembly: TypeManifestProvider(typeof(ModelTypeAliases))]

namespace Simulation.Grains.Abstractions.Wire;

/// <summary>
/// The aliases of the model's types that travel through surrogates: the model cannot carry
/// <c>[Alias]</c> (it has no Orleans dependency), but Orleans writes a value's type on the wire when
/// it differs from the declared one (which move a <see cref="NegotiationAction"/> is, the element
/// type of a list), and it should write a name that survives a rename (DESIGN §2), as
/// <c>[Alias]</c> gives the contracts' own types.
/// </summary>
public sealed class ModelTypeAliases : TypeManifestProviderBase
{
    /// <summary>Alias and type of every model type that travels; a contract test checks every converted type is here.</summary>
    public static IReadOnlyDictionary<string, Type> All { get; } = new Dictionary<string, Type>(StringComparer.Ordinal)
    {
        ["tradesim.Outcome"] = typeof(Outcome),
        ["tradesim.Offer"] = typeof(Offer),
        ["tradesim.Accept"] = typeof(Accept),
        ["tradesim.Reject"] = typeof(Reject),
        ["tradesim.Vote"] = typeof(Vote),
        ["tradesim.Veto"] = typeof(Veto),
        ["tradesim.WalkAway"] = typeof(WalkAway),
        ["tradesim.MoveKind"] = typeof(MoveKind),
        ["tradesim.TurnPhase"] = typeof(TurnPhase),
        ["tradesim.TurnRecord"] = typeof(TurnRecord),
        ["tradesim.TurnContext"] = typeof(TurnContext),
        ["tradesim.NegotiationStatus"] = typeof(NegotiationStatus),
        ["tradesim.RoundReport"] = typeof(RoundReport),
        ["tradesim.TariffLine"] = typeof(TariffLine),
        ["tradesim.TariffChange"] = typeof(TariffChange),
        ["tradesim.QuotaRentHolder"] = typeof(QuotaRentHolder),
        ["tradesim.TariffRateQuota"] = typeof(TariffRateQuota),
        ["tradesim.QuotaChange"] = typeof(QuotaChange),
        ["tradesim.SeatAssessment"] = typeof(SeatAssessment),
        ["tradesim.RunOutcome"] = typeof(RunOutcome),
        ["tradesim.RunStarted"] = typeof(RunStarted),
        ["tradesim.NegotiationOpened"] = typeof(NegotiationOpened),
        ["tradesim.TurnTaken"] = typeof(TurnTaken),
        ["tradesim.NegotiationEnded"] = typeof(NegotiationEnded),
        ["tradesim.EventApplied"] = typeof(EventApplied),
        ["tradesim.WorldChanged"] = typeof(WorldChanged),
        ["tradesim.RoundCompleted"] = typeof(RoundCompleted),
        ["tradesim.RunEnded"] = typeof(RunEnded),
    };

    protected override void ConfigureInner(TypeManifestOptions options)
    {
        foreach (var (alias, type) in All)
        {
            options.WellKnownTypeAliases[alias] = type;
        }
    }
}
