namespace Simulation.Model.Scenarios;

/// <summary>
/// The parties of a negotiation in the order of the file, with a set for membership tests: a
/// hostile file can list many parties and many references to them, and list scans would make
/// checking it quadratic.
/// </summary>
internal sealed record PartyList(List<string> Ordered, HashSet<string> Set)
{
    public bool Contains(string id) => Set.Contains(id);
}
