using Simulation.Model.Reporting;
using Simulation.Model.Runs;

namespace Simulation.Model.Scenarios.Events;

/// <summary><c>type: set-strategy</c>: <paramref name="Country"/> plays <paramref name="Strategy"/> from now on (a change of government).</summary>
public sealed record SetStrategyEvent(EventTrigger When, string Country, StrategySpec Strategy) : ScenarioEvent(When), ICountryEvent
{
    public const string TypeName = "set-strategy";

    public static EventType<SetStrategyEvent> Definition { get; } = new SetStrategy();

    public override string Type => TypeName;

    public Scenario Revise(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return scenario with
        {
            Countries = [.. scenario.Countries.Select(c => c.Id == Country ? c with { Strategy = Strategy } : c)],
            // The new government's strategy replaces any per-negotiation override too.
            Negotiations = [.. scenario.Negotiations.Select(n => n.Strategies.ContainsKey(Country)
                ? n with { Strategies = n.Strategies.Where(s => s.Key != Country).ToDictionary(StringComparer.Ordinal) }
                : n)],
        };
    }

    private sealed class SetStrategy : EventType<SetStrategyEvent>
    {
        public override string Name => TypeName;

        public override string Description => "The country plays another strategy from then on (a change of government).";

        public override IReadOnlyList<EventKey> Keys { get; } =
        [
            new("country", true, "A declared country.", """{ "$ref": "#/$defs/countryId" }"""),
            new("strategy", true, "Its new strategy, written as under countries; it replaces the negotiations' overrides for the country too.", """{ "$ref": "#/$defs/strategy" }"""),
        ];

        internal override ScenarioEvent? Read(MappingFields fields, EventTrigger? trigger, EventReader reader)
        {
            var country = fields.Required("country") is { } cf ? reader.World.CountryReference(cf) : null;
            var strategy = fields.Required("strategy") is { } sf ? StrategyReader.Read(sf, reader.Errors) : null;
            return trigger is null || country is null || strategy is null ? null : new SetStrategyEvent(trigger, country, strategy);
        }

        internal override async Task<AppliedEvent?> ApplyAsync(IEventActions run, int index, SetStrategyEvent setStrategy)
        {
            await run.ReviseCountryAsync(index, setStrategy.Country);
            return new AppliedEvent(run.Round, setStrategy, []);
        }

        protected override EventOutcome Outcome(SetStrategyEvent setStrategy, AppliedEvent applied) =>
            new(applied.Round, TypeName, Country: setStrategy.Country, Strategy: setStrategy.Strategy.Label);

        public override string Narrate(EventOutcome entry, EventNumbers numbers)
        {
            ArgumentNullException.ThrowIfNull(entry);
            return $"{entry.Country} now plays {entry.Strategy}";
        }

        public override string Describe(EventOutcome entry) => $"{entry.Country} changes strategy to {entry.Strategy}";
    }
}
