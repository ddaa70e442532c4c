using Simulation.Model.Negotiation;
using Simulation.Model.Reporting;
using Simulation.Model.Runs;

namespace Simulation.Model.Scenarios.Events;

/// <summary><c>type: terminate</c>: party <paramref name="By"/> ends negotiation <paramref name="Negotiation"/> (the seed's US walk-out).</summary>
public sealed record TerminateEvent(EventTrigger When, string Negotiation, string By) : ScenarioEvent(When)
{
    public const string TypeName = "terminate";

    public static EventType<TerminateEvent> Definition { get; } = new Terminate();

    public override string Type => TypeName;

    private sealed class Terminate : EventType<TerminateEvent>
    {
        public override string Name => TypeName;

        public override string Description =>
            "A party ends a negotiation: one open ends there, terminated; one not yet open (a later start, or start: deferred) ends terminated without ever opening, and a later start or start event does not open it; one already ended (agreed, deadline, walked_away, rejected, terminated) keeps its result, and the event is not listed as applied.";

        public override IReadOnlyList<EventKey> Keys { get; } =
        [
            new("negotiation", true, "A declared negotiation's id.", """{ "$ref": "#/$defs/name" }"""),
            new("by", true, "A party of the negotiation.", """{ "$ref": "#/$defs/countryId" }"""),
        ];

        internal override ScenarioEvent? Read(MappingFields fields, EventTrigger? trigger, EventReader reader)
        {
            var negotiation = fields.Required("negotiation") is { } nf ? reader.NegotiationReference(nf) : null;
            var by = fields.Required("by") is { } bf ? reader.World.CountryReference(bf) : null;
            if (negotiation is null || by is null)
            {
                return null;
            }

            if (reader.World.Negotiations[negotiation].Parties is { } parties && !parties.Contains(by, StringComparer.Ordinal))
            {
                var at = fields.Optional("by")!.Value;
                reader.Errors.Add(at.Node, at.Path, $"{Quoted.Text(by)} is not a party of negotiation {Quoted.Text(negotiation)} (parties: {Listing.Of(parties)}); only a party can terminate it");
                return null;
            }

            return trigger is null ? null : new TerminateEvent(trigger, negotiation, by);
        }

        internal override async Task<AppliedEvent?> ApplyAsync(IEventActions run, int index, TerminateEvent terminate)
        {
            switch (run.StatusOf(terminate.Negotiation))
            {
                case null:
                    // Not open yet (a later start: N, or start: deferred): the party ends it before it
                    // opens, so it never opens; its parties are assessed, with no deal, in the world
                    // of this moment, as a negotiation that never opened is at the end of the run.
                    await run.TerminateUnopenedAsync(terminate.Negotiation);
                    return new AppliedEvent(run.Round, terminate, []);
                case NegotiationStatus.Active:
                    // Ended like any negotiation: its parties are assessed in the world of this moment.
                    await run.TerminateAsync(terminate.Negotiation);
                    return new AppliedEvent(run.Round, terminate, []);
                default:
                    // Already ended (agreed, deadline, walked away, rejected, terminated): its result
                    // stands and the event changes nothing, so it is not listed as applied.
                    return null;
            }
        }

        protected override EventOutcome Outcome(TerminateEvent terminate, AppliedEvent applied) =>
            new(applied.Round, TypeName, Negotiation: terminate.Negotiation, By: terminate.By);

        public override string Narrate(EventOutcome entry, EventNumbers numbers)
        {
            ArgumentNullException.ThrowIfNull(entry);
            return $"{entry.By} ends {entry.Negotiation}";
        }

        public override string Describe(EventOutcome entry) => $"{entry.By} ends {entry.Negotiation}";
    }
}
