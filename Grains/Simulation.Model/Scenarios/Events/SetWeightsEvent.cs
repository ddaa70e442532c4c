using Simulation.Model.Reporting;
using Simulation.Model.Runs;

namespace Simulation.Model.Scenarios.Events;

/// <summary>
/// <c>type: set-weights</c>: <paramref name="Country"/>'s lobby weights by sector and/or partner
/// weights (DESIGN §3.3) are replaced; a null map leaves that set of weights as it was.
/// </summary>
public sealed record SetWeightsEvent(EventTrigger When, string Country, IdMap<double>? LobbyWeights, IdMap<double>? PartnerWeights) : ScenarioEvent(When), ICountryEvent
{
    public const string TypeName = "set-weights";

    public static EventType<SetWeightsEvent> Definition { get; } = new SetWeights();

    public override string Type => TypeName;

    public Scenario Revise(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return scenario with
        {
            Countries = [.. scenario.Countries.Select(c => c.Id == Country
                ? c with { LobbyWeights = LobbyWeights ?? c.LobbyWeights, PartnerWeights = PartnerWeights ?? c.PartnerWeights }
                : c)],
        };
    }

    private sealed class SetWeights : EventType<SetWeightsEvent>
    {
        public override string Name => TypeName;

        public override string Description => "Replaces the country's lobby weights, partner weights or both, read as under countries.";

        public override IReadOnlyList<EventKey> Keys { get; } =
        [
            new("country", true, "A declared country.", """{ "$ref": "#/$defs/countryId" }"""),
            new("lobby_weights", false, "λ from 0 to 100 by declared sector, replacing the country's.",
                """{ "type": "object", "propertyNames": { "$ref": "#/$defs/name" }, "additionalProperties": { "$ref": "#/$defs/weight" } }"""),
            new("partner_weights", false, "ω from 0 to 100 by declared partner country, replacing the country's.",
                """{ "type": "object", "propertyNames": { "$ref": "#/$defs/countryId" }, "additionalProperties": { "$ref": "#/$defs/weight" } }"""),
        ];

        public override string SchemaConstraint => """{ "anyOf": [{ "required": ["lobby_weights"] }, { "required": ["partner_weights"] }] }""";

        internal override ScenarioEvent? Read(MappingFields fields, EventTrigger? trigger, EventReader reader)
        {
            var country = fields.Required("country") is { } cf ? reader.World.CountryReference(cf) : null;
            var lobbyField = fields.Optional("lobby_weights");
            var partnerField = fields.Optional("partner_weights");
            if (lobbyField is null && partnerField is null)
            {
                reader.Errors.Add(fields.Node, fields.Path, "a set-weights event sets lobby_weights, partner_weights or both; it has neither");
                return null;
            }

            var lobbies = lobbyField is { } lf ? CountryReader.LobbyWeights(lf, reader.World, reader.Errors) : null;
            var partners = partnerField is { } pf && country is not null ? CountryReader.PartnerWeights(country, pf, reader.World, reader.Errors) : null;
            return trigger is null || country is null ? null : new SetWeightsEvent(trigger, country, lobbies, partners);
        }

        internal override async Task<AppliedEvent?> ApplyAsync(IEventActions run, int index, SetWeightsEvent setWeights)
        {
            await run.ReviseCountryAsync(index, setWeights.Country);
            return new AppliedEvent(run.Round, setWeights, []);
        }

        protected override EventOutcome Outcome(SetWeightsEvent setWeights, AppliedEvent applied) =>
            new(applied.Round, TypeName, Country: setWeights.Country,
                LobbyWeights: setWeights.LobbyWeights?.ToDictionary(w => w.Key, w => w.Value, StringComparer.Ordinal),
                PartnerWeights: setWeights.PartnerWeights?.ToDictionary(w => w.Key, w => w.Value, StringComparer.Ordinal));

        public override string Narrate(EventOutcome entry, EventNumbers numbers)
        {
            ArgumentNullException.ThrowIfNull(entry);
            ArgumentNullException.ThrowIfNull(numbers);
            return $"{entry.Country}'s weights become" + Weights(" lobby", entry.LobbyWeights, numbers) + Weights(" partner", entry.PartnerWeights, numbers);
        }

        private static string Weights(string kind, IReadOnlyDictionary<string, double>? weights, EventNumbers numbers) =>
            weights is null ? "" : $"{kind} {{{string.Join(", ", weights.Select(w => $"{w.Key}: {numbers.Weight(w.Value)}"))}}}";

        public override string Describe(EventOutcome entry) => $"{entry.Country} changes its weights";
    }
}
