using Simulation.Model.Economics;
using Simulation.Model.Scenarios.Events;

namespace Simulation.Model.Scenarios;

/// <summary>
/// A validated scenario: the world (sectors, countries, trade), the negotiations on the table,
/// and run settings. Produced only by <see cref="ScenarioLoader"/>, so every reference in it resolves.
/// Collections keep the order of the file, which is part of what makes runs deterministic.
/// <see cref="Domestic"/> lists home producers' sales, at most one per country and sector.
/// </summary>
public sealed record Scenario(
    string Name,
    string? Description,
    long Seed,
    string Units,
    IMarketModel Model,
    int Rounds,
    IReadOnlyList<Sector> Sectors,
    IReadOnlyList<Country> Countries,
    IReadOnlyList<TradeFlow> Trade,
    IReadOnlyList<DomesticSales> Domestic,
    IReadOnlyList<NegotiationSpec> Negotiations)
{
    /// <summary>
    /// The unit of scenarios whose numbers are utilities, not money (DESIGN §4.2; imported GENIUS
    /// domains): only discrete issues, no trade, and u = V.
    /// </summary>
    public const string UtilityUnits = "utility";

    /// <summary>Whether this scenario is in <c>units: utility</c>.</summary>
    public bool InUtilityUnits => Units == UtilityUnits;

    /// <summary>The events of the run (<c>events:</c>, DESIGN §5.1), in the order of the file.</summary>
    public IReadOnlyList<ScenarioEvent> Events { get; init; } = [];

    /// <summary>
    /// Total sales of finite-supply suppliers (<c>supply:</c>, DESIGN §3.2), at most one per country and
    /// sector, each at least the supplier's sales in the markets listed; the rest is sold elsewhere.
    /// </summary>
    public IReadOnlyList<TotalSales> Supply { get; init; } = [];

    /// <summary>The numbers the file marks as estimates, with their ranges (DESIGN §6.5, <c>--sensitivity</c>).</summary>
    public IReadOnlyList<Estimate> Estimates { get; init; } = [];

    /// <summary>The vertical links (<c>inputs:</c>, DESIGN §3.2), in the order of the file; none in most scenarios.</summary>
    public IReadOnlyList<InputShare> Inputs { get; init; } = [];

    /// <summary>The sectors connected through <see cref="Inputs"/>, solved and valued together.</summary>
    public LinkedBlocks Blocks => LinkedBlocks.Of(Sectors.Select(s => s.Name), Inputs);

    public Sector Sector(string name) => Sectors.First(s => s.Name == name);

    // Plain loops: these are asked several times a turn, and a lambda would be made at each call.
    public Country Country(string id)
    {
        for (var i = 0; i < Countries.Count; i++)
        {
            if (Countries[i].Id == id)
            {
                return Countries[i];
            }
        }

        return Countries.First(c => c.Id == id);
    }

    public NegotiationSpec Negotiation(string id)
    {
        for (var i = 0; i < Negotiations.Count; i++)
        {
            if (Negotiations[i].Id == id)
            {
                return Negotiations[i];
            }
        }

        return Negotiations.First(n => n.Id == id);
    }
}
