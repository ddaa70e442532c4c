using System.Text.Json.Serialization;

namespace Simulation.Model.Runs.Journal;

/// <summary>
/// Something that happened in a run, as the engine reports it (DESIGN §2 "Run events and the
/// journal"): a closed set of records, each small and self-describing. Everything that reports on a
/// run is a fold over them, and written one a line they are the run's journal, from which a run
/// resumes. Round numbers are run rounds; a turn also gives its negotiation's own round. The
/// <c>type</c> names are the journal's discriminator (docs/run-journal.md).
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type", UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization)]
[JsonDerivedType(typeof(RunStarted), "run_started")]
[JsonDerivedType(typeof(NegotiationOpened), "negotiation_opened")]
[JsonDerivedType(typeof(TurnTaken), "turn_taken")]
[JsonDerivedType(typeof(NegotiationEnded), "negotiation_ended")]
[JsonDerivedType(typeof(EventApplied), "event_applied")]
[JsonDerivedType(typeof(WorldChanged), "world_changed")]
[JsonDerivedType(typeof(RoundCompleted), "round_completed")]
[JsonDerivedType(typeof(RunEnded), "run_ended")]
public abstract record RunEvent
{
    private protected RunEvent()
    {
    }
}
