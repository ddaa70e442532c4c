using System.Globalization;
using Simulation.Model.Experiments;

namespace Simulation.Client.Batch;

/// <summary>
/// The columns every per-run file of a batch begins with, so the files join on <c>run_id</c> and
/// each can be read alone: <c>run_id</c>, <c>variant</c> (from 1), <c>replicate</c> (from 1),
/// <c>seed</c>, then one column per varied or sampled path, headed by the path and holding the value
/// the run used.
/// </summary>
internal sealed class RunColumns(IReadOnlyList<ScenarioPath> inputs)
{
    private static readonly string[] s_leading = ["run_id", "variant", "replicate", "seed"];

    public IReadOnlyList<string> Header => [.. s_leading, .. inputs.Select(p => p.Text)];

    public IEnumerable<string> Values(string runId, PlannedRun run)
    {
        yield return runId;
        yield return run.Variant.Number.ToString(CultureInfo.InvariantCulture);
        yield return run.Replicate.ToString(CultureInfo.InvariantCulture);
        yield return run.Seed.ToString(CultureInfo.InvariantCulture);
        foreach (var input in inputs)
        {
            yield return run.Settings.FirstOrDefault(s => s.Path.Equals(input))?.Value ?? "";
        }
    }
}
