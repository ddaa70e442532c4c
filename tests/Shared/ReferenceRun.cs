using Simulation.Model.Determinism;
using Simulation.Model.Economics;
using Simulation.Model.Scenarios;

namespace Simulation.Tests.Shared;

/// <summary>
/// An independent, brute-force replay of a run, written from DESIGN §4–5 for tests to compare
/// against. It shares only the economics (the market models and the objectives, which have their
/// own reference tests) with the code under test; none of the negotiation machinery: no agenda, no
/// per-sector value tables, no Pareto frontier, no negotiator, no protocol, no grains.
/// </summary>
/// <remarks>
/// Every outcome of a negotiation is enumerated and valued by solving the whole world with and
/// without it: V_c(ω) = U_c(world ⊕ ω) − U_c(world) (§4.2). The time-dependent rule (§4.4) is
/// applied literally: target τ = 1 − (1 − Pmin)·F(t), bid the outcome above τ that the opponent
/// (seen with λ = 0) values most, preferring the better for oneself; accept a standing offer worth at
/// least one's own next bid and at least the reservation (AC_next). Rounds (§5.1): every active
/// negotiation plays one round in the world as it stands; then the round's agreements are applied in
/// negotiation-id order. A negotiation's utility, reservation and gain are those of the world it
/// ended in. Because V here is a difference of two whole-world solves rather than a sum of
/// per-sector differences, it agrees with the model's values to rounding only; so wherever a choice
/// hinges on two numbers closer than <see cref="Tolerance"/>, the replay refuses to guess and throws.
/// Exact ties are split as the model's negotiator does: with the generator seeded by (seed,
/// negotiation, party, turns taken), over the tied outcomes in ascending level order.
/// </remarks>
public sealed class ReferenceRun
{
    /// <summary>Values (in the scenario's unit) or utilities closer than this are treated as equal.</summary>
    public const double Tolerance = 1e-9;

    public sealed record NegotiationResult(
        string Id,
        string Status,
        int Round,
        IReadOnlyList<double>? AgreedTariffs,
        IReadOnlyDictionary<string, double> Utility,
        IReadOnlyDictionary<string, double> Reservation,
        IReadOnlyDictionary<string, double> Gain);

    public sealed record Result(int RoundsPlayed, IReadOnlyList<NegotiationResult> Negotiations)
    {
        public NegotiationResult Negotiation(string id) => Negotiations.Single(n => n.Id == id);
    }

    private sealed class Table
    {
        public required string Id { get; init; }
        public required NegotiationSpec Spec { get; init; }
        public required IReadOnlyList<int[]> Outcomes { get; init; }
        public int TurnsTaken { get; set; }
        public int[]? Standing { get; set; }
        public string? StandingBy { get; set; }
        public string Status { get; set; } = "active";
        public int Round { get; set; }
        public int[]? Agreement { get; set; }
        public NegotiationResult? Result { get; set; }
    }

    public static Result Play(Scenario scenario, long seed)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var model = MarketModels.For(scenario.Model);
        var world = World.FromScenario(scenario);
        var tables = scenario.Negotiations
            .OrderBy(n => n.Id, StringComparer.Ordinal)
            .Select(n => new Table { Id = n.Id, Spec = n, Outcomes = Enumerate(n) })
            .ToList();

        var round = 0;
        while (tables.Any(t => t.Status == "active"))
        {
            round++;
            var ended = new List<Table>();
            foreach (var table in tables.Where(t => t.Status == "active"))
            {
                var values = ValuesOf(scenario, table, world, model);
                PlayRound(scenario, seed, table, values);
                if (table.Status != "active")
                {
                    table.Result = Assess(table, values);
                    ended.Add(table);
                }
            }

            world = world.With(ended
                .Where(t => t.Agreement is not null)
                .OrderBy(t => t.Id, StringComparer.Ordinal)
                .SelectMany(t => t.Spec.Issues.Cast<TariffIssueSpec>().Select((issue, i) =>
                    new TariffChange(new TariffLine(issue.Importer, issue.Exporter, issue.Sector), issue.Levels[t.Agreement![i]]))));
        }

        return new Result(round, scenario.Negotiations.Select(n => tables.Single(t => t.Id == n.Id).Result!).ToList());
    }

    /// <summary>Each party's own values V and its opponent's view of them (λ = 0), per outcome.</summary>
    private sealed record Values(IReadOnlyDictionary<string, double[]> Own, IReadOnlyDictionary<string, double[]> AsSeen);

    private static Values ValuesOf(Scenario scenario, Table table, World world, IMarketModel model)
    {
        var parties = table.Spec.Parties;
        var own = parties.ToDictionary(p => p, _ => new double[table.Outcomes.Count]);
        var asSeen = parties.ToDictionary(p => p, _ => new double[table.Outcomes.Count]);
        var now = world.Solve(model);
        for (var o = 0; o < table.Outcomes.Count; o++)
        {
            var levels = table.Outcomes[o];
            var after = world.With(table.Spec.Issues.Cast<TariffIssueSpec>().Select((issue, i) =>
                new TariffChange(new TariffLine(issue.Importer, issue.Exporter, issue.Sector), issue.Levels[levels[i]]))).Solve(model);
            foreach (var party in parties)
            {
                var country = scenario.Country(party);
                var seen = country with { LobbyWeights = IdMap<double>.Empty };
                own[party][o] = Objective(country, after) - Objective(country, now);
                asSeen[party][o] = Objective(seen, after) - Objective(seen, now);
            }
        }

        return new Values(own, asSeen);
    }

    private static double Objective(Country country, IReadOnlyList<SectorSolution> solutions) =>
        CountryMeasures.For(country, solutions).ValueOf(country.Objective);

    private static void PlayRound(Scenario scenario, long seed, Table table, Values values)
    {
        var spec = table.Spec;
        var order = spec.First == spec.Parties[0] ? new[] { spec.Parties[0], spec.Parties[1] } : [spec.Parties[1], spec.Parties[0]];
        var turnsAvailable = 2 * spec.Rounds;
        var playing = table.TurnsTaken / 2 + 1;
        table.Round = playing;
        while (table.Status == "active" && table.TurnsTaken / 2 + 1 == playing)
        {
            var party = order[table.TurnsTaken % 2];
            var opponent = order[(table.TurnsTaken + 1) % 2];
            var own = values.Own[party];
            var (min, max) = (own.Min(), own.Max());
            var utility = own.Select(v => max > min ? (v - min) / (max - min) : 0).ToArray();
            var reservation = max > min ? Math.Clamp(-min / (max - min), 0, 1) : 0;
            var strategy = spec.Strategies.GetValueOrDefault(party) ?? scenario.Country(party).Strategy;
            var t = (double)table.TurnsTaken / turnsAvailable;
            var (e, k) = (strategy.Bidding["e"], strategy.Bidding["k"]);
            var conceded = e == 0 ? k : k + (1 - k) * Math.Pow(t, 1 / e);
            var target = 1 - (1 - Math.Max(reservation, 0)) * conceded;

            var bid = Bid(table, utility, values.AsSeen[opponent], target, SeededRandom.For(seed, table.Id, party, table.TurnsTaken.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            table.TurnsTaken++;
            if (table.Standing is { } standing && table.StandingBy != party)
            {
                var standingUtility = utility[IndexOf(table, standing)];
                var bidUtility = utility[bid];
                Unambiguous(standingUtility, bidUtility, $"{table.Id} turn {table.TurnsTaken}: {party}'s acceptance");
                Unambiguous(standingUtility, reservation, $"{table.Id} turn {table.TurnsTaken}: {party}'s reservation");
                if (standingUtility >= bidUtility && standingUtility >= reservation)
                {
                    table.Status = "agreed";
                    table.Agreement = standing;
                    return;
                }
            }

            table.Standing = table.Outcomes[bid];
            table.StandingBy = party;
            if (table.TurnsTaken == turnsAvailable)
            {
                table.Status = "deadline";
            }
        }
    }

    /// <summary>Among outcomes worth at least the target (or else the best ones), the opponent's favourite, then one's own.</summary>
    private static int Bid(Table table, double[] utility, double[] opponentValue, double target, Random random)
    {
        var eligible = Enumerable.Range(0, utility.Length).Where(o => utility[o] >= target).ToList();
        foreach (var o in Enumerable.Range(0, utility.Length))
        {
            Unambiguous(utility[o], target, $"{table.Id}: whether outcome {o} meets the target");
        }

        if (eligible.Count == 0)
        {
            var best = utility.Max();
            eligible = Enumerable.Range(0, utility.Length).Where(o => utility[o] == best).ToList();
        }

        var topForOpponent = eligible.Max(o => opponentValue[o]);
        var favourites = eligible.Where(o => Math.Abs(opponentValue[o] - topForOpponent) <= Tolerance * Scale(opponentValue)).ToList();
        var topForSelf = favourites.Max(o => utility[o]);
        var ties = favourites.Where(o => Math.Abs(utility[o] - topForSelf) <= Tolerance).ToList();
        return ties.Count == 1 ? ties[0] : ties[random.Next(ties.Count)];
    }

    private static NegotiationResult Assess(Table table, Values values)
    {
        var utility = new Dictionary<string, double>(StringComparer.Ordinal);
        var reservation = new Dictionary<string, double>(StringComparer.Ordinal);
        var gain = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var party in table.Spec.Parties)
        {
            var own = values.Own[party];
            var (min, max) = (own.Min(), own.Max());
            reservation[party] = max > min ? Math.Clamp(-min / (max - min), 0, 1) : 0;
            if (table.Agreement is { } agreement)
            {
                var v = own[IndexOf(table, agreement)];
                gain[party] = v;
                utility[party] = max > min ? (v - min) / (max - min) : 0;
            }
            else
            {
                gain[party] = 0;
                utility[party] = reservation[party];
            }
        }

        var tariffs = table.Agreement?.Select((level, i) => ((TariffIssueSpec)table.Spec.Issues[i]).Levels[level]).ToList();
        return new NegotiationResult(table.Id, table.Status, table.Round, tariffs, utility, reservation, gain);
    }

    private static List<int[]> Enumerate(NegotiationSpec spec)
    {
        List<int[]> outcomes = [[]];
        foreach (var issue in spec.Issues)
        {
            outcomes = [.. outcomes.SelectMany(prefix => Enumerable.Range(0, issue.LevelCount).Select(level => (int[])[.. prefix, level]))];
        }

        return outcomes;
    }

    private static int IndexOf(Table table, int[] outcome)
    {
        for (var o = 0; o < table.Outcomes.Count; o++)
        {
            if (table.Outcomes[o].AsSpan().SequenceEqual(outcome))
            {
                return o;
            }
        }

        throw new InvalidOperationException("Not an outcome of the table.");
    }

    private static double Scale(double[] values) => Math.Max(1, values.Max(Math.Abs));

    private static void Unambiguous(double a, double b, string what)
    {
        if (a != b && Math.Abs(a - b) <= Tolerance)
        {
            throw new InvalidOperationException($"The reference replay cannot decide {what}: {a:R} and {b:R} differ by rounding only.");
        }
    }
}
