using Simulation.Model.Determinism;

namespace Simulation.Model.Negotiation;

/// <summary>
/// One party's decision-maker at one negotiation (DESIGN §2 "Seams"): whatever it is made of
/// (a bidding strategy, an acceptance condition and an opponent model, as in the BOA architecture
/// of Baarslag et al. 2014), the protocols see only this. It is asked for a move on its turn and
/// learns the others' moves from <see cref="TurnContext.MovesSince"/>.
/// </summary>
public interface INegotiator
{
    string Party { get; }

    /// <summary>Its move on this turn. <paramref name="random"/> is seeded by (run seed, negotiation, party, turn).</summary>
    NegotiationAction Decide(TurnContext turn, DeferredRandom random);

    /// <summary>Its state for display.</summary>
    NegotiatorSnapshot Snapshot();
}
