namespace Simulation.Model.Scenarios;

/// <summary>
/// The numbers a scenario field accepts: [Min, Max], or (Min, Max] when <paramref name="MinExclusive"/>,
/// and also 0 when <paramref name="ZeroAllowed"/>. <paramref name="Text"/> says it in messages
/// ("must be {Text}"); the hints say why when a number is above or below it.
/// </summary>
internal sealed record NumberRange(
    double Min,
    double Max,
    bool MinExclusive = false,
    bool ZeroAllowed = false,
    string Text = "",
    string AboveMax = "",
    string BelowMin = "")
{
    public bool Contains(double value) =>
        (ZeroAllowed && value == 0) || ((MinExclusive ? value > Min : value >= Min) && value <= Max);

    /// <summary>Why <paramref name="value"/>, outside the range, is refused; empty when the range says it all.</summary>
    public string Hint(double value) => value > Max ? AboveMax : value > 0 && value < Min ? BelowMin : "";
}
