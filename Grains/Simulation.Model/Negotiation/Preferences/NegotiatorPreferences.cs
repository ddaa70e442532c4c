namespace Simulation.Model.Negotiation;

/// <summary>
/// What a negotiator sees (DESIGN §4.2). In money units (every scenario but <c>units: utility</c>)
/// its value V is a gain in the scenario's unit, normalised over the outcome space to a utility
/// u(ω) = (V(ω) − Vmin)/(Vmax − Vmin) ∈ [0, 1], and its reservation utility is
/// r = clip((0 − Vmin)/(Vmax − Vmin), 0, 1): the utility of "no deal", worth V = 0 by definition
/// of V as a gain over the current world. In utility units (imported GENIUS domains) V already is
/// the utility: u = V with no normalisation, or min(cap, V) for a party with a utility cap (GENIUS caps
/// a linear-additive utility at 1), the extremes are V's own (capped), and r is the one given or 0,
/// as GENIUS and NegMAS report them. A party never agrees below r.
/// </summary>
/// <remarks>
/// An indifferent party (Vmax == Vmin: nothing on the table changes anything for it) has no scale
/// to normalise with; in money units it gets u ≡ 0 and, unless one is given, r = 0, so it accepts
/// whatever is offered. An explicit reservation (a scenario's <c>reservation:</c>) is honoured in
/// both units.
/// </remarks>
public sealed class NegotiatorPreferences
{
    private readonly double _range;
    private readonly double _cap;

    /// <summary>Preferences in money units.</summary>
    /// <param name="values">The party's value function: gains in the scenario's unit.</param>
    /// <param name="reservation">A reservation utility in [0, 1] that overrides the derived one.</param>
    public NegotiatorPreferences(AdditiveValueFunction values, double? reservation = null)
        : this(values, reservation, inUtilityUnits: false, cap: null)
    {
    }

    private NegotiatorPreferences(AdditiveValueFunction values, double? reservation, bool inUtilityUnits, double? cap)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (reservation is { } given && !(given >= 0 && given <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(reservation), given, "A reservation utility lies in [0, 1].");
        }

        if (cap is { } cap0 && !(cap0 > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(cap), cap0, "A utility cap is positive.");
        }

        Values = values;
        InUtilityUnits = inUtilityUnits;
        _cap = cap ?? double.PositiveInfinity;
        _range = values.Max - values.Min;
        IsIndifferent = !(_range > 0);
        Reservation = reservation ?? (inUtilityUnits || IsIndifferent ? 0 : Math.Clamp((0 - values.Min) / _range, 0, 1));
    }

    /// <summary>
    /// Preferences in utility units (<c>units: utility</c>, DESIGN §4.2): u = V, and the reservation
    /// is <paramref name="reservation"/>, or 0 where nothing sets it.
    /// </summary>
    /// <param name="values">The party's value function: its utilities.</param>
    /// <param name="reservation">The reservation utility, in [0, 1].</param>
    /// <param name="cap">The most an outcome is worth (GENIUS caps at 1): u = min(cap, V); null for none.</param>
    public static NegotiatorPreferences InUtility(AdditiveValueFunction values, double? reservation = null, double? cap = null) =>
        new(values, reservation, inUtilityUnits: true, cap);

    public AdditiveValueFunction Values { get; }

    /// <summary>Whether V is the utility itself (u = V) rather than money to normalise.</summary>
    public bool InUtilityUnits { get; }

    /// <summary>The reservation utility r: in [0, 1].</summary>
    public double Reservation { get; }

    /// <summary>Vmax == Vmin: every outcome is worth the same to this party.</summary>
    public bool IsIndifferent { get; }

    /// <summary>Whether a utility cap is below Vmax, so that u is not V everywhere (utility units only).</summary>
    public bool IsCapped => InUtilityUnits && Values.Max > _cap;

    /// <summary>The lowest utility over the space: 0 by construction in money units, min(cap, Vmin) in utility units.</summary>
    public double MinUtility => InUtilityUnits ? Math.Min(_cap, Values.Min) : 0;

    /// <summary>The highest utility over the space: 1 in money units (0 for an indifferent party), min(cap, Vmax) in utility units.</summary>
    public double MaxUtility => InUtilityUnits ? Math.Min(_cap, Values.Max) : IsIndifferent ? 0 : 1;

    /// <summary>V(ω): in money units, or the utility itself in utility units (capped, as <see cref="Utility"/>): the party's gain.</summary>
    public double Value(Outcome outcome) => GainOfValue(Values.Value(outcome));

    /// <summary>The gain a value V stands for: V in money units, the (capped) utility in utility units.</summary>
    public double GainOfValue(double value) => InUtilityUnits ? Math.Min(_cap, value) : value;

    /// <summary>u(ω): (V(ω) − Vmin)/(Vmax − Vmin) in money units (0 for an indifferent party); min(cap, V(ω)) in utility units.</summary>
    public double Utility(Outcome outcome) => UtilityOfValue(Values.Value(outcome));

    /// <summary>The utility of a value V (not clipped: in money units a V outside [Vmin, Vmax] maps outside [0, 1]).</summary>
    public double UtilityOfValue(double value) => InUtilityUnits ? Math.Min(_cap, value) : IsIndifferent ? 0 : (value - Values.Min) / _range;
}
