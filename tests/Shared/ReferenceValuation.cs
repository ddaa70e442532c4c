using Simulation.Model.Economics;
using Simulation.Model.Scenarios;

namespace Simulation.Tests.Shared;

/// <summary>
/// What every outcome of a negotiation is worth to each party in a world (DESIGN §4.2), for
/// <see cref="ReferenceRun"/>: V_c(ω) = U_c(world ⊕ ω) − U_c(world), the whole world solved with
/// and without ω, U_c being a sum over sectors of the objective (§3.3). Each sector's solution is
/// kept by the tariffs and quotas on its lines, so a world that differs from another in one sector
/// solves only that sector again.
/// </summary>
public sealed class ReferenceValuation(Scenario scenario)
{
    private readonly IMarketModel _model = scenario.Model;
    private readonly Dictionary<string, IReadOnlyList<SectorSolution>> _solved = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<TariffLine>> _lines = scenario.Trade
        .GroupBy(t => t.Sector, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.Select(t => new TariffLine(t.Importer, t.Exporter, t.Sector)).ToList(), StringComparer.Ordinal);

    /// <summary>Each party's own values (its objective with its weights) and as an economic opponent model sees them (λ = 0).</summary>
    public sealed record Values(IReadOnlyDictionary<string, double[]> Own, IReadOnlyDictionary<string, double[]> AsSeen);

    /// <summary>The world after a negotiation's outcome: tariff issues set their lines' (over-quota) tariffs, quota issues put their quotas on.</summary>
    public static World After(World world, NegotiationSpec negotiation, IReadOnlyList<int> levels)
    {
        var tariffs = new List<TariffChange>();
        var quotas = new List<QuotaChange>();
        for (var i = 0; i < negotiation.Issues.Count; i++)
        {
            switch (negotiation.Issues[i])
            {
                case TariffIssueSpec tariff:
                    tariffs.Add(new TariffChange(new TariffLine(tariff.Importer, tariff.Exporter, tariff.Sector), tariff.Levels[levels[i]]));
                    break;
                case QuotaIssueSpec quota:
                    quotas.Add(new QuotaChange(new TariffLine(quota.Importer, quota.Exporter, quota.Sector),
                        new TariffRateQuota(quota.Volumes[levels[i]], quota.InQuotaTariffPercent, quota.Rent)));
                    break;
                default:
                    throw new NotSupportedException($"The reference replay values tariff and quota issues only, not {negotiation.Issues[i].GetType().Name} in {negotiation.Id}.");
            }
        }

        return world.With(tariffs).WithQuotas(quotas);
    }

    public Values Of(IReadOnlyList<Country> countries, NegotiationSpec negotiation, IReadOnlyList<int[]> outcomes, World world)
    {
        var parties = negotiation.Parties.Select(p => countries.First(c => c.Id == p)).ToList();
        var own = parties.ToDictionary(p => p.Id, _ => new double[outcomes.Count], StringComparer.Ordinal);
        var asSeen = parties.ToDictionary(p => p.Id, _ => new double[outcomes.Count], StringComparer.Ordinal);
        var now = Solve(world);
        var seen = parties.ToDictionary(p => p.Id, p => p with { LobbyWeights = IdMap<double>.Empty }, StringComparer.Ordinal);
        for (var o = 0; o < outcomes.Count; o++)
        {
            var after = Solve(After(world, negotiation, outcomes[o]));
            for (var s = 0; s < after.Count; s++)
            {
                // Objectives are sums over sectors (DESIGN §3.3): a sector the outcome leaves as it
                // is (the very same solution) adds exactly 0, and the others their own difference.
                if (ReferenceEquals(after[s], now[s]))
                {
                    continue;
                }

                foreach (var country in parties)
                {
                    own[country.Id][o] += Objective(country, after[s]) - Objective(country, now[s]);
                    asSeen[country.Id][o] += Objective(seen[country.Id], after[s]) - Objective(seen[country.Id], now[s]);
                }
            }
        }

        return new Values(own, asSeen);
    }

    /// <summary>
    /// Every sector of the world, in scenario order, as <see cref="World.Solve"/> gives them. The
    /// sectors a vertical link ties (DESIGN §3.2) are solved together, their block keyed by the
    /// tariffs and quotas on all its sectors' lines: a seed duty moves the oil and meal markets too.
    /// </summary>
    public IReadOnlyList<SectorSolution> Solve(World world)
    {
        var solved = new Dictionary<string, SectorSolution>(StringComparer.Ordinal);
        foreach (var sector in world.Sectors.Where(s => !solved.ContainsKey(s)))
        {
            var block = world.Blocks.BlockOf(sector);
            var key = string.Join("+", block.Select(member => KeyOf(world, member)));
            if (!_solved.TryGetValue(key, out var solutions))
            {
                _solved[key] = solutions = world.Blocks.IsLinked(sector)
                    ? world.SolveBlock(_model, sector, world.TariffOf, world.QuotaOf)
                    : [TariffRateQuotas.Solve(_model, world.MarketsOf(sector), world.TariffOf, world.QuotaOf)];
            }

            foreach (var solution in solutions)
            {
                solved[solution.Sector] = solution;
            }
        }

        return [.. world.Sectors.Select(s => solved[s])];
    }

    private string KeyOf(World world, string sector) =>
        sector + "|" + string.Join(";", _lines.GetValueOrDefault(sector, []).Select(line =>
            FormattableString.Invariant($"{line.Importer}>{line.Exporter}:{world.TariffOf(line):R}") + (world.QuotaOf(line) is { } q
                ? FormattableString.Invariant($"/{q.Volume:R}@{q.InQuotaTariffPercent:R}{q.Rent}")
                : "")));

    private static double Objective(Country country, SectorSolution solution) =>
        CountryMeasures.For(country, [solution]).ValueOf(country.Objective);
}
