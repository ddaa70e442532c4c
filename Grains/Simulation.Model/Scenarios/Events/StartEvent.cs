using Simulation.Model.Reporting;
using Simulation.Model.Runs;

namespace Simulation.Model.Scenarios.Events;

/// <summary><c>type: start</c>: negotiation <paramref name="Negotiation"/>, declared <c>start: deferred</c>, begins.</summary>
public sealed record StartEvent(EventTrigger When, string Negotiation) : ScenarioEvent(When)
{
    public const string TypeName = "start";

    public static EventType<StartEvent> Definition { get; } = new Start();

    public override string Type => TypeName;

    private sealed class Start : EventType<StartEvent>
    {
        public override string Name => TypeName;

        public override string Description => "Opens a negotiation declared start: deferred.";

        public override IReadOnlyList<EventKey> Keys { get; } =
        [
            new("negotiation", true, "A negotiation declared start: deferred.", """{ "$ref": "#/$defs/name" }"""),
        ];

        internal override ScenarioEvent? Read(MappingFields fields, EventTrigger? trigger, EventReader reader)
        {
            var field = fields.Required("negotiation");
            var negotiation = field is { } nf ? reader.NegotiationReference(nf) : null;
            if (negotiation is null)
            {
                return null;
            }

            reader.World.StartedByEvents.Add(negotiation);
            if (reader.World.Negotiations[negotiation].Deferred is false)
            {
                reader.Errors.Add(field!.Value.Node, field.Value.Path,
                    $"negotiation {Quoted.Text(negotiation)} is not declared start: {NegotiationStart.DeferredName}, so it starts on its own and no event can start it");
                return null;
            }

            return trigger is null ? null : new StartEvent(trigger, negotiation);
        }

        internal override async Task<AppliedEvent?> ApplyAsync(IEventActions run, int index, StartEvent start)
        {
            // Already opened, or ended before it opened (a terminate): nothing to start.
            if (run.StatusOf(start.Negotiation) is not null)
            {
                return null;
            }

            await run.OpenAsync(start.Negotiation);
            return new AppliedEvent(run.Round, start, []);
        }

        protected override EventOutcome Outcome(StartEvent start, AppliedEvent applied) =>
            new(applied.Round, TypeName, Negotiation: start.Negotiation);

        public override string Narrate(EventOutcome entry, EventNumbers numbers)
        {
            ArgumentNullException.ThrowIfNull(entry);
            return $"{entry.Negotiation} opens";
        }

        public override string Describe(EventOutcome entry) => $"{entry.Negotiation} starts";
    }
}
