using System.Globalization;
using Orleans.Storage;
using Simulation.Grains.Abstractions.Runs;

namespace Simulation.Grains.Tests;

/// <summary>
/// Grain storage for run records that keeps every record written, per grain, and answers reads with
/// the latest. One instance can serve every silo of an in-process test cluster, so a run's record
/// outlives the silo that wrote it, as in a cluster's shared store. Like such a store, it refuses a
/// write from an activation that did not read the latest record (an ETag check), so a silo that is
/// being killed cannot overwrite the record its successor goes on with.
/// </summary>
public sealed class RecordingRunStorage : IGrainStorage
{
    private readonly Lock gate = new();
    private readonly Dictionary<GrainId, List<RunRecord>> writes = [];

    /// <summary>Every record written for <paramref name="runId"/> since it was last cleared, in order.</summary>
    public List<RunRecord> Of(string runId)
    {
        lock (gate)
        {
            return [.. writes.Single(w => w.Key.Key.ToString() == runId).Value];
        }
    }

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        lock (gate)
        {
            if (writes.TryGetValue(grainId, out var written) && written.Count > 0 && written[^1] is T latest)
            {
                grainState.State = latest;
                grainState.RecordExists = true;
                grainState.ETag = Tag(written.Count);
            }
        }

        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        lock (gate)
        {
            if (!writes.TryGetValue(grainId, out var written))
            {
                writes[grainId] = written = [];
            }

            Check(grainState, written);
            written.Add((RunRecord)(object)grainState.State!);
            grainState.ETag = Tag(written.Count);
            grainState.RecordExists = true;
        }

        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        lock (gate)
        {
            if (writes.TryGetValue(grainId, out var written))
            {
                Check(grainState, written);
                writes.Remove(grainId);
            }
        }

        grainState.ETag = null;
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }

    private static void Check<T>(IGrainState<T> grainState, List<RunRecord> written)
    {
        var expected = written.Count == 0 ? null : Tag(written.Count);
        if (grainState.ETag != expected)
        {
            throw new InconsistentStateException($"the record was written since this activation read it (ETag {grainState.ETag ?? "none"}, now {expected ?? "none"})", grainState.ETag, expected);
        }
    }

    private static string Tag(int writes) => writes.ToString(CultureInfo.InvariantCulture);
}
