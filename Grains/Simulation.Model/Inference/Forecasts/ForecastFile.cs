using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Simulation.Model.Input;

namespace Simulation.Model.Inference.Forecasts;

/// <summary>
/// A forecast as JSON (DESIGN §9): <c>{negotiation, runs, agreement_probability, issues: [{issue,
/// levels: [{level, probability}]}], welfare: {COUNTRY: {mean, q05, q95}}, scenario_sha256,
/// posterior_sha256, seed, learned_until}</c>, a level written as its tariff, its quota object or its
/// value (<see cref="IssueLevel.ToJson"/>). <see cref="Parse"/> reads it back for scoring, checking
/// every field and reporting every error at once.
/// </summary>
public static class ForecastFile
{
    /// <summary>Largest forecast file read: a forecast of a table of a few hundred issues fits many times.</summary>
    public const int MaxFileBytes = 16 * 1024 * 1024;

    /// <summary>How far an issue's probabilities may sum from 1 and still be a forecast (their decimals are rounded in the file).</summary>
    public const double SumTolerance = 1e-9;

    private static readonly JsonSerializerOptions s_indented = new() { WriteIndented = true };

    public static string Write(ForecastDistribution forecast, PreRegistration registration)
    {
        ArgumentNullException.ThrowIfNull(forecast);
        ArgumentNullException.ThrowIfNull(registration);
        var welfare = new JsonObject();
        foreach (var (country, interval) in forecast.Welfare)
        {
            welfare[country] = new JsonObject { ["mean"] = interval.Mean, ["q05"] = interval.Q05, ["q95"] = interval.Q95 };
        }

        var json = new JsonObject
        {
            ["negotiation"] = forecast.Negotiation,
            ["runs"] = forecast.Runs,
            ["agreement_probability"] = forecast.AgreementProbability,
            ["issues"] = new JsonArray([.. forecast.Issues.Select(issue => (JsonNode)new JsonObject
            {
                ["issue"] = issue.Issue,
                ["levels"] = new JsonArray([.. issue.Levels.Select((level, k) => (JsonNode)new JsonObject
                {
                    ["level"] = level.ToJson(),
                    ["probability"] = issue.Probabilities[k],
                })]),
            })]),
            ["welfare"] = welfare,
            ["scenario_sha256"] = registration.ScenarioSha256,
            ["posterior_sha256"] = registration.PosteriorSha256,
            ["seed"] = registration.Seed,
            ["learned_until"] = registration.LearnedUntil.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
        return json.ToJsonString(s_indented) + "\n";
    }

    /// <summary>Reads the forecast file at <paramref name="path"/>.</summary>
    /// <exception cref="InvalidInputException">It cannot be read or is not a forecast; every error at once.</exception>
    public static (ForecastDistribution Forecast, PreRegistration Registration) Read(string path) =>
        Parse(BoundedFile.ReadText(path, path, MaxFileBytes), path);

    /// <summary>Reads <paramref name="text"/>; <paramref name="file"/> names it in errors.</summary>
    /// <exception cref="InvalidInputException">It is not a forecast; every error at once.</exception>
    public static (ForecastDistribution Forecast, PreRegistration Registration) Parse(string text, string file)
    {
        ArgumentNullException.ThrowIfNull(text);
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(text);
        }
        catch (JsonException e)
        {
            throw new InvalidInputException([new InputError(file, e.LineNumber is { } line ? (int)line + 1 : null, e.BytePositionInLine is { } column ? (int)column + 1 : null, "",
                $"not JSON: {e.Message.Split(" Path:", 2)[0]} (expected a forecast as tradesim forecast writes it)")]);
        }

        var reader = new Reader(file);
        if (root is not JsonObject forecast)
        {
            throw new InvalidInputException([new InputError(file, null, null, "", "expected a JSON object, a forecast as tradesim forecast writes it")]);
        }

        var negotiation = reader.Text(forecast, "negotiation", "");
        var runs = reader.Integer(forecast, "runs", 0, int.MaxValue);
        var agreement = reader.Number(forecast, "agreement_probability", "", 0, 1);
        var issues = new List<IssueForecast>();
        if (reader.Array(forecast, "issues", "") is { } issueArray)
        {
            for (var i = 0; i < issueArray.Count; i++)
            {
                if (reader.Issue(issueArray[i], $"issues[{i}]") is { } issue)
                {
                    issues.Add(issue);
                }
            }
        }

        var welfare = new Dictionary<string, WelfareInterval>(StringComparer.Ordinal);
        if (forecast["welfare"] is JsonObject countries)
        {
            foreach (var (country, node) in countries)
            {
                var at = $"welfare.{country}";
                if (node is JsonObject interval
                    && reader.Number(interval, "mean", at, double.MinValue, double.MaxValue) is { } mean
                    && reader.Number(interval, "q05", at, double.MinValue, double.MaxValue) is { } q05
                    && reader.Number(interval, "q95", at, double.MinValue, double.MaxValue) is { } q95)
                {
                    welfare[country] = new WelfareInterval(mean, q05, q95);
                }
                else if (node is not JsonObject)
                {
                    reader.Add(at, "expected an object {mean, q05, q95}");
                }
            }
        }
        else if (forecast["welfare"] is not null)
        {
            reader.Add("welfare", "expected an object of countries");
        }

        var scenario = reader.Text(forecast, "scenario_sha256", "");
        var posterior = reader.Text(forecast, "posterior_sha256", "");
        var seed = reader.Integer(forecast, "seed", long.MinValue, long.MaxValue);
        var learned = reader.Text(forecast, "learned_until", "");
        DateOnly until = default;
        if (learned is not null && !DateOnly.TryParseExact(learned, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out until))
        {
            reader.Add("learned_until", $"expected a date YYYY-MM-DD, got '{learned}'");
        }

        if (reader.Errors.Count > 0)
        {
            throw new InvalidInputException(reader.Errors);
        }

        return (
            new ForecastDistribution(negotiation!, (int)runs!.Value, agreement!.Value, issues, welfare),
            new PreRegistration(scenario!, posterior!, seed!.Value, until));
    }

    /// <summary>Reads fields, adding an error with the JSON path for each one missing or wrong.</summary>
    private sealed class Reader(string file)
    {
        public List<InputError> Errors { get; } = [];

        public void Add(string path, string message) => Errors.Add(new InputError(file, null, null, path, message));

        public string? Text(JsonObject parent, string name, string at)
        {
            if (parent[name] is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0)
            {
                return text;
            }

            Add(Join(at, name), "expected a non-empty string");
            return null;
        }

        public double? Number(JsonObject parent, string name, string at, double min, double max)
        {
            if (parent[name] is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.GetValue<double>() is var number && number >= min && number <= max)
            {
                return number;
            }

            Add(Join(at, name), min == double.MinValue
                ? "expected a number"
                : string.Create(CultureInfo.InvariantCulture, $"expected a number from {min} to {max}"));
            return null;
        }

        public long? Integer(JsonObject parent, string name, long min, long max)
        {
            if (parent[name] is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<long>(out var integer) && integer >= min && integer <= max)
            {
                return integer;
            }

            Add(name, min == long.MinValue ? "expected an integer" : string.Create(CultureInfo.InvariantCulture, $"expected an integer from {min} to {max}"));
            return null;
        }

        public JsonArray? Array(JsonObject parent, string name, string at)
        {
            if (parent[name] is JsonArray array)
            {
                return array;
            }

            Add(Join(at, name), "expected an array");
            return null;
        }

        public IssueForecast? Issue(JsonNode? node, string at)
        {
            if (node is not JsonObject issue)
            {
                Add(at, "expected an object {issue, levels}");
                return null;
            }

            var found = Errors.Count;
            var key = Text(issue, "issue", at);
            var levels = new List<IssueLevel>();
            var probabilities = new List<double>();
            if (Array(issue, "levels", at) is { } array)
            {
                for (var k = 0; k < array.Count; k++)
                {
                    var levelAt = $"{at}.levels[{k}]";
                    if (array[k] is not JsonObject entry)
                    {
                        Add(levelAt, "expected an object {level, probability}");
                        continue;
                    }

                    var level = Level(entry["level"], $"{levelAt}.level");
                    var probability = Number(entry, "probability", levelAt, 0, 1);
                    if (level is not null && probability is not null)
                    {
                        levels.Add(level);
                        probabilities.Add(probability.Value);
                    }
                }

                if (array.Count == 0)
                {
                    Add($"{at}.levels", "expected at least one level");
                }
            }

            if (Errors.Count > found)
            {
                return null;
            }

            if (Math.Abs(probabilities.Sum() - 1) > SumTolerance)
            {
                Add($"{at}.levels", string.Create(CultureInfo.InvariantCulture, $"the probabilities of {key} sum to {probabilities.Sum()}, not 1"));
                return null;
            }

            return new IssueForecast(key!, levels, probabilities);
        }

        /// <summary>A level as <see cref="IssueLevel.ToJson"/> writes it.</summary>
        private IssueLevel? Level(JsonNode? node, string at)
        {
            switch (node)
            {
                case JsonValue value when value.GetValueKind() == JsonValueKind.Number:
                    return IssueLevel.ForTariff(value.GetValue<double>());
                case JsonValue value when value.TryGetValue<string>(out var text):
                    return IssueLevel.ForDiscrete(text);
                case JsonObject quota when quota["quota"] is JsonValue volume && volume.GetValueKind() == JsonValueKind.Number
                                           && quota["in_quota_tariff"] is JsonValue tariff && tariff.GetValueKind() == JsonValueKind.Number:
                    return IssueLevel.ForQuota(volume.GetValue<double>(), tariff.GetValue<double>());
                default:
                    Add(at, "expected a tariff (a number), a quota {\"quota\": V, \"in_quota_tariff\": T} or a value (a string)");
                    return null;
            }
        }

        private static string Join(string at, string name) => at.Length == 0 ? name : $"{at}.{name}";
    }
}
