using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Simulation.Client.Commands;
using Simulation.Client.Output;
using Simulation.Model.Experiments;

namespace Simulation.Client.Batch;

/// <summary>
/// <c>batch.json</c>: what makes a batch the batch it is, written before its first run, so that
/// <c>--resume</c> adds rows only to the batch they belong to. It holds the scenario's name and the
/// SHA-256 of its text, the batch seed, the replicates, the grid and the sampled inputs (their
/// order too: it fixes the variants' numbers and the columns), whether a trace is written, and the
/// number of runs. <c>--parallel</c> and <c>--engine</c> are not in it: they do not change a row.
/// </summary>
internal static class BatchIdentity
{
    public const string FileName = "batch.json";

    /// <summary>The scenario's file name: recorded to tell the reader, not compared (its SHA-256 is).</summary>
    private const string ScenarioNameKey = "scenario";

    private static readonly JsonSerializerOptions s_indented = new() { WriteIndented = true };

    public static JsonObject Of(ExperimentPlan plan, bool trace) => new()
    {
        ["format"] = "tradesim-batch/1",
        [ScenarioNameKey] = Path.GetFileName(plan.Document.FileName),
        ["scenario_sha256"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(plan.Document.Text))),
        ["seed"] = plan.Seed.ToString(CultureInfo.InvariantCulture),
        ["runs"] = plan.Experiment.Runs,
        ["vary"] = new JsonArray([.. plan.Experiment.Vary.Select(a => (JsonNode)new JsonObject
        {
            ["path"] = a.Path.Text,
            ["values"] = new JsonArray([.. a.Values.Select(v => (JsonNode)JsonValue.Create(v))]),
        })]),
        ["sample"] = new JsonArray([.. plan.Experiment.Sample.Select(s => (JsonNode)new JsonObject
        {
            ["path"] = s.Path.Text,
            ["distribution"] = s.Distribution.Text,
        })]),
        ["trace"] = trace,
        ["run_count"] = plan.RunCount,
    };

    /// <summary>Writes the identity into <paramref name="directory"/> (the file must not exist).</summary>
    /// <exception cref="BatchWriteException">It could not be written whole (a full disk); no part of it is left.</exception>
    public static void Write(string directory, JsonObject identity)
    {
        var path = Path.Combine(directory, FileName);
        // Unbuffered, so a failed write leaves nothing for closing the file to write again.
        using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read, bufferSize: 0);
        try
        {
            stream.Write(Encoding.UTF8.GetBytes(identity.ToJsonString(s_indented) + "\n"));
        }
        catch (IOException failed)
        {
            stream.Dispose();
            // Half a batch.json would make the directory look like a batch that cannot be resumed.
            File.Delete(path);
            throw new BatchWriteException(path, failed);
        }
    }

    /// <summary>Checks that <paramref name="directory"/> holds a batch with this identity.</summary>
    /// <exception cref="UsageException">It holds none, or another batch; every difference is named.</exception>
    public static void Check(string directory, JsonObject identity)
    {
        var path = Path.Combine(directory, FileName);
        if (!File.Exists(path))
        {
            throw new UsageException($"--resume: '{TerminalText.Safe(directory)}' holds no {FileName}, so there is no batch to resume there");
        }

        JsonObject? written;
        try
        {
            written = JsonNode.Parse(File.ReadAllText(path)) as JsonObject;
        }
        catch (JsonException e)
        {
            throw new UsageException($"--resume: {path} is not a batch description: {e.Message}");
        }

        if (written is null)
        {
            throw new UsageException($"--resume: {path} is not a batch description");
        }

        // The scenario is known by its content: the same text under another name (a copy, or a
        // pipe such as /dev/stdin or <(...), whose name changes every time) is the same batch.
        var differences = identity
            .Where(property => property.Key != ScenarioNameKey && !JsonNode.DeepEquals(property.Value, written[property.Key]))
            .Select(property => $"{property.Key} is {Show(written[property.Key])} there but {Show(property.Value)} here")
            .ToList();
        if (differences.Count > 0)
        {
            throw new UsageException($"--resume: '{TerminalText.Safe(directory)}' holds another batch ({string.Join("; ", differences)}); resume it with the same scenario and options, or choose another directory");
        }
    }

    private static string Show(JsonNode? node) => node is null ? "missing" : node.ToJsonString();
}
