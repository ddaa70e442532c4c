namespace Simulation.Model.Negotiation;

/// <summary>
/// The O of BOA (Baarslag et al. 2014, DESIGN §4.4): what a negotiator believes the others value.
/// </summary>
public interface IOpponentModel
{
    /// <summary>One estimate per other party, in <see cref="NegotiationView.Opponents"/> order; any positive affine scale (bidding normalises).</summary>
    IReadOnlyList<AdditiveValueFunction> Estimates { get; }

    /// <summary>Takes (or retakes, after the world changed) the table as it stands. What it has learnt survives.</summary>
    void Reprice(NegotiationView view);

    /// <summary>Learns from moves seen (oldest first); true if <see cref="Estimates"/> changed.</summary>
    bool Observe(IReadOnlyList<TurnRecord> moves);
}
