namespace Simulation.Model.Registries;

/// <summary>
/// A parameter a registered part declares: its name in scenario files, the closed range [Min, Max] it
/// accepts, its default (null: the file must give it) and what it means, and optionally why the
/// maximum is where it is (said when a file goes past it). The scenario loader validates every part,
/// <c>tradesim list</c> prints it and scenarios/schema.json states it from these declarations alone.
/// </summary>
public sealed record EntryParameter(string Name, double Min, double Max, double? Default, string Meaning, string AboveMax = "")
{
    public bool Contains(double value) => value >= Min && value <= Max;
}
