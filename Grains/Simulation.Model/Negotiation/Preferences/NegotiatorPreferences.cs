namespace Simulation.Model.Negotiation;

/// <summary>
/// What a negotiator sees (DESIGN §4.2): its value V in money units, normalised over the outcome
/// space to a utility u(ω) = (V(ω) − Vmin)/(Vmax − Vmin) ∈ [0, 1], and its reservation utility
/// r = clip((0 − Vmin)/(Vmax − Vmin), 0, 1): the utility of "no deal", worth V = 0 by definition
/// of V as a gain over the current world. A party never agrees below r.
/// </summary>
/// <remarks>
/// An indifferent party (Vmax == Vmin: nothing on the table changes anything for it) has no scale
/// to normalise with; it gets u ≡ 0 and, unless one is given, r = 0, so it accepts whatever is
/// offered. An explicit reservation (a scenario's <c>reservation:</c>) is honoured even then.
/// </remarks>
public sealed class NegotiatorPreferences
{
    private readonly double _range;

    /// <param name="values">The party's value function.</param>
    /// <param name="reservation">A reservation utility in [0, 1] that overrides the derived one.</param>
    public NegotiatorPreferences(AdditiveValueFunction values, double? reservation = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (reservation is { } given && !(given >= 0 && given <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(reservation), given, "A reservation utility lies in [0, 1].");
        }

        Values = values;
        _range = values.Max - values.Min;
        IsIndifferent = !(_range > 0);
        Reservation = reservation ?? (IsIndifferent ? 0 : Math.Clamp((0 - values.Min) / _range, 0, 1));
    }

    public AdditiveValueFunction Values { get; }

    /// <summary>The reservation utility r ∈ [0, 1].</summary>
    public double Reservation { get; }

    /// <summary>Vmax == Vmin: every outcome is worth the same to this party.</summary>
    public bool IsIndifferent { get; }

    /// <summary>The lowest utility over the space: 0 by construction.</summary>
    public double MinUtility => 0;

    /// <summary>The highest utility over the space: 1, or 0 for an indifferent party.</summary>
    public double MaxUtility => IsIndifferent ? 0 : 1;

    /// <summary>V(ω), in money units.</summary>
    public double Value(Outcome outcome) => Values.Value(outcome);

    /// <summary>u(ω) = (V(ω) − Vmin)/(Vmax − Vmin); 0 for an indifferent party.</summary>
    public double Utility(Outcome outcome) => UtilityOfValue(Values.Value(outcome));

    /// <summary>The utility of a value V in money units (not clipped: a V outside [Vmin, Vmax] maps outside [0, 1]).</summary>
    public double UtilityOfValue(double value) => IsIndifferent ? 0 : (value - Values.Min) / _range;
}
