namespace Simulation.Model.Experiments;

/// <summary>Where an input of an experiment was written, for its errors: an option (<c>--vary</c>) or a file with line and column.</summary>
public sealed record InputOrigin(string File, int? Line = null, int? Column = null)
{
    public static InputOrigin Option(string name) => new(name);
}
