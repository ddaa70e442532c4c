using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Simulation.Client.Commands;
using Simulation.Model.Inference;

namespace Simulation.Client.Inference;

/// <summary>
/// The calibration's directory (DESIGN §9): <c>calibration.json</c> says which calibration it holds
/// (the episode, priors and scenario files by SHA-256, the seed and the particles); each finished
/// generation is written as <c>generations/N.csv</c> (its particles) and then <c>generations/N.json</c>
/// (its tolerance and proposals), so an interrupted calibration loses at most the generation under
/// way and <c>--resume</c> reads the others back exactly (numbers are written round-trip). The
/// results, <c>samples.csv</c>, <c>summary.json</c> and <c>diagnostics.json</c>, are written at the
/// end. Every file is written to a temporary file and renamed, so none is ever half written.
/// </summary>
internal sealed class CalibrationDirectory
{
    public const string IdentityFile = "calibration.json";
    public const string GenerationsFolder = "generations";

    private static readonly JsonSerializerOptions s_indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly string _root;
    private readonly IReadOnlyList<ParameterPrior> _priors;

    private CalibrationDirectory(string root, IReadOnlyList<ParameterPrior> priors) => (_root, _priors) = (root, priors);

    /// <summary>The generations read back when resuming; empty for a new calibration.</summary>
    public IReadOnlyList<AbcGeneration> Completed { get; private init; } = [];

    /// <summary>
    /// Opens <paramref name="root"/> for this calibration: a new one must not hold a calibration
    /// already, and is created; a resumed one must hold this same calibration.
    /// </summary>
    /// <exception cref="UsageException">It cannot be written, or holds another calibration.</exception>
    public static CalibrationDirectory Open(string root, bool resume, CalibrationInputs inputs, AbcSettings settings)
    {
        var identity = Identity(inputs, settings);
        var identityPath = Path.Combine(root, IdentityFile);
        if (resume)
        {
            if (!File.Exists(identityPath))
            {
                throw new UsageException($"--out '{root}': there is no calibration to resume there ({IdentityFile} is missing); run without --resume to start one");
            }

            var written = Damaged(identityPath, "it says which calibration the folder holds; start again in another --out", () => JsonNode.Parse(File.ReadAllText(identityPath)) as JsonObject);
            var differs = identity.Select(p => p.Key).Where(k => written?[k]?.ToJsonString() != identity[k]?.ToJsonString()).ToList();
            if (differs.Count > 0)
            {
                throw new UsageException($"--out '{root}' holds another calibration: its {string.Join(", ", differs)} differ from this one's; resume it with the same files, --seed and --particles, or choose another --out");
            }

            var directory = new CalibrationDirectory(root, inputs.Priors);
            return new CalibrationDirectory(root, inputs.Priors) { Completed = directory.ReadGenerations() };
        }

        if (File.Exists(identityPath) || Directory.Exists(Path.Combine(root, GenerationsFolder)))
        {
            throw new UsageException($"--out '{root}' holds a calibration already; add --resume to continue it, or choose another --out");
        }

        try
        {
            Directory.CreateDirectory(Path.Combine(root, GenerationsFolder));
            WriteAtomically(identityPath, identity.ToJsonString(s_indented) + "\n");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"--out '{root}': cannot be written ({e.Message})");
        }

        return new CalibrationDirectory(root, inputs.Priors);
    }

    public Task WriteGenerationAsync(AbcGeneration generation, CancellationToken cancellation)
    {
        var name = generation.Index.ToString(CultureInfo.InvariantCulture);
        WriteAtomically(Path.Combine(_root, GenerationsFolder, name + ".csv"), Samples(generation));
        var meta = new JsonObject
        {
            ["generation"] = generation.Index,
            ["tolerance"] = generation.Tolerance,
            ["proposals"] = generation.Proposals,
        };
        WriteAtomically(Path.Combine(_root, GenerationsFolder, name + ".json"), meta.ToJsonString() + "\n");
        return Task.CompletedTask;
    }

    /// <summary>The particles of <paramref name="generation"/> as <c>samples.csv</c> holds them.</summary>
    public string Samples(AbcGeneration generation)
    {
        var text = new StringBuilder();
        text.Append("particle,weight,distance");
        foreach (var prior in _priors)
        {
            text.Append(',').Append(Field(prior.Path.Text));
        }

        text.Append('\n');
        foreach (var particle in generation.Particles)
        {
            text.Append(particle.Number.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(Show(particle.Weight)).Append(',').Append(Show(particle.Distance));
            for (var k = 0; k < _priors.Count; k++)
            {
                text.Append(',').Append(Field(_priors[k].Prior.Format(particle.Values[k])));
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    public void WriteResults(string samples, JsonObject summary, JsonObject diagnostics)
    {
        WriteAtomically(Path.Combine(_root, "samples.csv"), samples);
        WriteAtomically(Path.Combine(_root, "summary.json"), summary.ToJsonString(s_indented) + "\n");
        WriteAtomically(Path.Combine(_root, "diagnostics.json"), diagnostics.ToJsonString(s_indented) + "\n");
    }

    public static string Sha256(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));

    private List<AbcGeneration> ReadGenerations()
    {
        var generations = new List<AbcGeneration>();
        for (var index = 0; ; index++)
        {
            var name = index.ToString(CultureInfo.InvariantCulture);
            var (csv, json) = (Path.Combine(_root, GenerationsFolder, name + ".csv"), Path.Combine(_root, GenerationsFolder, name + ".json"));
            if (!File.Exists(json) || !File.Exists(csv))
            {
                return generations;
            }

            var generation = index;
            generations.Add(Damaged($"{csv} or {Path.GetFileName(json)}", "delete this generation's files and those after it, then resume", () =>
            {
                var meta = JsonNode.Parse(File.ReadAllText(json))!;
                var lines = File.ReadAllText(csv).Split('\n', StringSplitOptions.RemoveEmptyEntries);
                var particles = lines.Skip(1).Select(line => ReadParticle(line, csv)).ToList();
                return new AbcGeneration(generation, meta["tolerance"]?.GetValue<double>(), meta["proposals"]!.GetValue<int>(), particles);
            }));
        }
    }

    private Particle ReadParticle(string line, string file)
    {
        var fields = line.Split(',');
        if (fields.Length != 3 + _priors.Count)
        {
            throw new UsageException($"{file}: the line '{line}' is not a particle of this calibration; delete the generation files from there on and resume");
        }

        var values = new double[_priors.Count];
        for (var k = 0; k < values.Length; k++)
        {
            var text = fields[3 + k];
            values[k] = _priors[k].Prior is ChoicePrior choice
                ? choice.Options.ToList().IndexOf(text)
                : double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        }

        return new Particle(int.Parse(fields[0], CultureInfo.InvariantCulture), values, Parse(fields[1]), Parse(fields[2]));
    }

    // A file of the directory that cannot be read back is named, with what to do, rather than failing with a parser's message.
    private static T Damaged<T>(string file, string advice, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is JsonException or FormatException or OverflowException or InvalidOperationException or NullReferenceException)
        {
            throw new UsageException($"{file} cannot be read back ({e.Message}); {advice}");
        }
    }

    private static JsonObject Identity(CalibrationInputs inputs, AbcSettings settings) => new()
    {
        ["episodes_sha256"] = Sha256(inputs.EpisodesFile),
        ["priors_sha256"] = Sha256(inputs.PriorsFile),
        ["episodes"] = new JsonArray([.. inputs.Episodes.Select(e => JsonValue.Create(e.Id))]),
        ["scenarios_sha256"] = new JsonArray([.. inputs.Documents.Select(d => JsonValue.Create(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(d.Text)))))]),
        ["seed"] = settings.Seed,
        ["particles"] = settings.Particles,
    };

    private static void WriteAtomically(string path, string text)
    {
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, text);
        File.Move(temporary, path, overwrite: true);
    }

    private static string Field(string text) =>
        text.Contains(',', StringComparison.Ordinal) || text.Contains('"', StringComparison.Ordinal) ? $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : text;

    private static string Show(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static double Parse(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
}
