namespace Simulation.Model.Negotiation;

/// <summary>The solution <see cref="BackwardInduction.Solve"/> finds: per turn, the equilibrium offer and what each party's subgame is worth.</summary>
public sealed class BackwardInductionPlan
{
    private readonly double[] _delta;
    private readonly double[][] _values;
    private readonly int[] _offers;

    internal BackwardInductionPlan(int turns, double[] delta, double[][] values, int[] offers)
    {
        Turns = turns;
        _delta = delta;
        _values = values;
        _offers = offers;
    }

    public int Turns { get; }

    /// <summary>Who proposes at turn m: 0 (the first proposer) on odd turns, 1 on even ones.</summary>
    public static int ProposerAt(int turn) => (turn - 1) % 2;

    /// <summary>The index of the outcome offered at turn m, to be accepted; −1 when the proposer makes an offer it expects refused.</summary>
    public int OfferAt(int turn) => _offers[Check(turn)];

    /// <summary>V_i(m): the subgame from the proposal of turn m, worth to party i, in turn-m units (divided by δ_i^(m−1)).</summary>
    public double ValueAt(int turn, int party) => _values[Check(turn)][party];

    /// <summary>
    /// The least undiscounted utility at which <paramref name="party"/>, responding at turn m + 1 to an
    /// offer made at turn m, accepts: δ_party·V_party(m + 1) less <see cref="BackwardInduction.Tolerance"/>
    /// (an indifferent responder accepts, rounding aside); never, for an offer made on the last turn.
    /// </summary>
    public double AcceptanceThreshold(int offerTurn, int party) =>
        offerTurn >= Turns ? double.PositiveInfinity : _delta[party] * _values[Check(offerTurn + 1)][party] - BackwardInduction.Tolerance;

    private int Check(int turn)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(turn, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(turn, Turns);
        return turn;
    }
}
