using Simulation.Model.Reporting;
using Simulation.Model.Scenarios.Events;

namespace Simulation.Client.Output;

/// <summary>An applied event in words, for the events table and the timeline alike: its type's wording, with numbers rounded as tables round them.</summary>
public static class EventText
{
    private static readonly EventNumbers s_numbers = new(t => Numbers.Format(t, Numbers.Tariff), w => Numbers.Format(w, Numbers.Utility));

    /// <summary>The entry in words; an entry of a type this build does not know (an outcome file from another) by its type.</summary>
    public static string Describe(EventOutcome e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return (EventTypes.Registry.Find(e.Type) is { } type ? type.Narrate(e, s_numbers) : e.Type) + EventType.Because(e);
    }
}
