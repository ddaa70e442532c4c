namespace Simulation.Model.Negotiation;

/// <summary>
/// A parameter a negotiator component declares in its registry entry: its name in scenario files,
/// the closed range [Min, Max] it accepts, its default (null: the file must give it) and what it
/// means, and optionally why the maximum is where it is (said when a file goes past it). The scenario
/// loader validates every component from these declarations alone.
/// </summary>
public sealed record StrategyParameter(string Name, double Min, double Max, double? Default, string Meaning, string AboveMax = "")
{
    public bool Contains(double value) => value >= Min && value <= Max;
}
