using Simulation.Grains.Abstractions.Runs;
using Simulation.Model.Runs.Journal;

namespace Simulation.Client.Hosting;

/// <summary>
/// Passes on the run events that a run grain's progress updates bring (<see cref="RunProgressUpdate.Events"/>),
/// each once and in journal order: updates arrive in sequence, and a snapshot repeats the events
/// before it, which were passed on already.
/// </summary>
internal sealed class EventRelay(Action<RunEvent> events)
{
    private long passed;

    /// <summary>A watcher of updates that passes their events on, then hands the update to <paramref name="watch"/>.</summary>
    public Action<RunProgressUpdate, bool> Then(Action<RunProgressUpdate, bool>? watch) => (update, snapshot) =>
    {
        Take(update);
        watch?.Invoke(update, snapshot);
    };

    private void Take(RunProgressUpdate update)
    {
        if (update.EventsBefore > passed)
        {
            throw new InvalidOperationException($"Run events {passed + 1} to {update.EventsBefore} never arrived.");
        }

        foreach (var runEvent in update.Events.Skip((int)(passed - update.EventsBefore)))
        {
            events(runEvent);
            passed++;
        }
    }
}
