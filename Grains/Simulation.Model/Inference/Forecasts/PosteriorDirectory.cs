using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using CsvHelper;
using Simulation.Model.Experiments;
using Simulation.Model.Input;
using Simulation.Model.TradeData;

namespace Simulation.Model.Inference.Forecasts;

/// <summary>
/// The posterior directory calibration writes, read for a forecast (DESIGN §9): <c>samples.csv</c>
/// (<c>particle,weight,distance</c> and one column per parameter path, a row per particle of the last
/// generation, weights summing to 1) and <c>diagnostics.json</c>, of which a forecast needs the date
/// of the latest episode learned from (<c>learned_until</c>) for its pre-registration, with the
/// SHA-256 of <c>samples.csv</c>'s bytes. Every error of both files is reported at once, with the file
/// and line.
/// </summary>
public sealed record PosteriorDirectory(Posterior Posterior, string SamplesSha256, DateOnly LearnedUntil)
{
    public const string SamplesFile = "samples.csv";
    public const string DiagnosticsFile = "diagnostics.json";

    /// <summary>How far the weights may sum from 1, written as decimals: further is not a posterior calibration wrote.</summary>
    public const double WeightSumTolerance = 1e-6;

    private static readonly string[] s_leading = ["particle", "weight", "distance"];

    /// <exception cref="InvalidInputException">A file is missing, unreadable or malformed; every error at once.</exception>
    public static PosteriorDirectory Read(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        if (!Directory.Exists(directory))
        {
            throw new InvalidInputException([new InputError(directory, null, null, "",
                File.Exists(directory) ? "is a file; --posterior names the directory calibrate wrote (with samples.csv and diagnostics.json)" : "the posterior directory does not exist")]);
        }

        var errors = new List<InputError>();
        var samplesPath = Path.Combine(directory, SamplesFile);
        string? sha256 = null;
        Posterior? posterior = null;
        try
        {
            var bytes = BoundedFile.ReadBytes(samplesPath, samplesPath, ColumnCsv.MaxFileBytes);
            sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
            posterior = ReadSamples(BoundedFile.Decode(bytes, samplesPath), samplesPath, errors);
        }
        catch (InvalidInputException e)
        {
            errors.AddRange(e.Errors);
        }

        var learnedUntil = ReadLearnedUntil(Path.Combine(directory, DiagnosticsFile), errors);
        if (errors.Count > 0 || posterior is null || sha256 is null || learnedUntil is null)
        {
            throw new InvalidInputException(errors);
        }

        return new PosteriorDirectory(posterior, sha256, learnedUntil.Value);
    }

    /// <summary>The particles of <c>samples.csv</c>'s text, or null with the errors added.</summary>
    public static Posterior? ReadSamples(string text, string file, List<InputError> errors)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(errors);
        IReadOnlyList<string> headers;
        using (var csv = CsvReader.Create(new StringReader(text), StrictCsv.Options(_ => { })))
        {
            csv.ReadHeader();
            headers = [.. csv.Headers.Select(h => h.Trim())];
        }

        if (headers.Count < s_leading.Length || !headers.Take(s_leading.Length).SequenceEqual(s_leading, StringComparer.Ordinal))
        {
            errors.Add(new InputError(file, 1, null, "", $"expected the header to begin with {string.Join(",", s_leading)} (then one column per parameter path), as calibrate writes it; found '{string.Join(",", headers)}'"));
            return null;
        }

        var found = errors.Count;
        var paths = new List<ScenarioPath>();
        foreach (var (header, column) in headers.Select((h, i) => (h, i)).Skip(s_leading.Length))
        {
            if (ScenarioPath.TryParse(header, out var problem) is not { } path)
            {
                errors.Add(new InputError(file, 1, column + 1, header, $"the column is not a scenario path: {problem}"));
            }
            else if (paths.Contains(path))
            {
                errors.Add(new InputError(file, 1, column + 1, header, "the path has two columns"));
            }
            else
            {
                paths.Add(path);
            }
        }

        var rows = ColumnCsv.Parse(text, file, [.. headers.Select(h => new CsvColumn(h, [h]))], errors);
        if (rows is null || errors.Count > found)
        {
            return null;
        }

        var particles = new List<PosteriorParticle>();
        foreach (var row in rows.Rows)
        {
            var id = ColumnCsv.Text(row, "particle", file, errors);
            var weight = ColumnCsv.Number(row, "weight", file, 0, 1, errors);
            ColumnCsv.Number(row, "distance", file, 0, double.MaxValue, errors);
            var values = paths.Select(path => ColumnCsv.Text(row, path.Text, file, errors)).ToList();
            if (id is not null && weight is not null && values.All(v => v is not null))
            {
                particles.Add(new PosteriorParticle(id, weight.Value, [.. values.Select(v => v!)]));
            }
        }

        if (errors.Count > found)
        {
            return null;
        }

        var sum = particles.Sum(p => p.Weight);
        if (particles.Count == 0 || Math.Abs(sum - 1) > WeightSumTolerance)
        {
            errors.Add(new InputError(file, null, null, "weight", particles.Count == 0
                ? "the file has no particles (no row under the header)"
                : string.Create(CultureInfo.InvariantCulture, $"the weights sum to {sum}, not 1: not a posterior calibrate wrote")));
            return null;
        }

        return new Posterior(paths, particles);
    }

    /// <summary><c>learned_until</c> of <c>diagnostics.json</c>, or null with the errors added.</summary>
    private static DateOnly? ReadLearnedUntil(string file, List<InputError> errors)
    {
        string text;
        try
        {
            text = BoundedFile.ReadText(file, file, ColumnCsv.MaxFileBytes);
        }
        catch (InvalidInputException e)
        {
            errors.AddRange(e.Errors);
            return null;
        }

        try
        {
            using var json = JsonDocument.Parse(text);
            if (json.RootElement.ValueKind == JsonValueKind.Object
                && json.RootElement.TryGetProperty("learned_until", out var until)
                && until.ValueKind == JsonValueKind.String
                && DateOnly.TryParseExact(until.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return date;
            }

            errors.Add(new InputError(file, null, null, "learned_until", "expected an object with \"learned_until\": \"YYYY-MM-DD\", the date of the latest episode calibrate learned from"));
        }
        catch (JsonException e)
        {
            errors.Add(new InputError(file, e.LineNumber is { } line ? (int)line + 1 : null, e.BytePositionInLine is { } column ? (int)column + 1 : null, "",
                $"not JSON: {e.Message.Split(" Path:", 2)[0]}"));
        }

        return null;
    }
}
