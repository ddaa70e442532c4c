using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Simulation.Client.Output;
using Simulation.Model.Experiments;
using Simulation.Model.Statistics;
using Spectre.Console;

namespace Simulation.Client.Batch;

/// <summary>
/// The summary of a batch (DESIGN §6.4), per variant: its runs and failed runs, and per negotiation
/// the agreement rate and the mean round, and per negotiation × party the mean utility and gain
/// (headed by what the gain measures, the party's objective score), each mean with its 95% t-interval (<see cref="MeanInterval"/>). Means are over the runs that
/// completed, agreed or not (a run without agreement has the no-deal utility and gain 0).
/// </summary>
/// <remarks>
/// It is read from <c>runs.csv</c> once the batch ends, row by row into exact accumulators
/// (<see cref="ExactMoments"/>): memory grows with the variants, negotiations and parties, not with
/// the runs, a resumed batch is summarised with its earlier rows, and the order rows were written in
/// (the order runs finished) changes no digit.
/// </remarks>
internal sealed class BatchSummary
{
    public const string FileName = "summary.json";

    private static readonly JsonSerializerOptions s_indented = new() { WriteIndented = true };

    private readonly SortedDictionary<int, VariantTally> _variants = [];

    private BatchSummary()
    {
    }

    public long Runs => _variants.Values.Sum(v => (long)v.Runs);

    public long Failed => _variants.Values.Sum(v => (long)v.Failed);

    /// <summary>Reads the rows of <paramref name="runsPath"/> (a batch's runs.csv).</summary>
    public static BatchSummary Read(string runsPath)
    {
        var summary = new BatchSummary();
        using var reader = new StreamReader(runsPath, Encoding.UTF8);
        using var records = CsvRecords.Read(reader).GetEnumerator();
        if (!records.MoveNext())
        {
            return summary;
        }

        var header = records.Current;
        int Column(string name) => Array.IndexOf(header, name) is >= 0 and var i ? i : throw new InvalidDataException($"{runsPath} has no column {name}");
        var (runId, variant, negotiation, party, status, round, utility, gain, gainMeasure) =
            (Column("run_id"), Column("variant"), Column("negotiation"), Column("party"), Column("status"), Column("round"), Column("utility"), Column("gain"), Column("gain_measure"));
        string? lastRun = null;
        string? lastNegotiation = null;
        while (records.MoveNext())
        {
            var row = records.Current;
            var tally = summary.Variant(int.Parse(row[variant], CultureInfo.InvariantCulture));
            // A run's rows are written together, so a new run id starts a new run.
            var newRun = row[runId] != lastRun;
            if (newRun)
            {
                tally.Runs++;
                lastNegotiation = null;
            }

            lastRun = row[runId];
            if (row[status] == "failed")
            {
                tally.Failed++;
                continue;
            }

            var negotiationTally = tally.Negotiation(row[negotiation]);
            if (row[negotiation] != lastNegotiation)
            {
                negotiationTally.Round.Add(Parse(row[round]));
                negotiationTally.Agreed += row[status] == "agreed" ? 1 : 0;
            }

            lastNegotiation = row[negotiation];
            var partyTally = negotiationTally.Party(row[party]);
            if (row[utility].Length > 0)
            {
                partyTally.Utility.Add(Parse(row[utility]));
            }

            if (row[gain].Length > 0)
            {
                partyTally.Gain.Add(Parse(row[gain]));
                partyTally.GainMeasure = row[gainMeasure];
            }
        }

        return summary;
    }

    /// <summary>The summary as JSON, with each variant's values of the varied paths.</summary>
    public JsonObject ToJson(ExperimentPlan plan) => new()
    {
        ["runs"] = Runs,
        ["failed"] = Failed,
        ["confidence"] = MeanInterval.Confidence,
        ["variants"] = new JsonArray([.. _variants.Select(pair => (JsonNode)new JsonObject
        {
            ["variant"] = pair.Key,
            ["settings"] = Settings(plan, pair.Key),
            ["runs"] = pair.Value.Runs,
            ["failed"] = pair.Value.Failed,
            ["negotiations"] = new JsonArray([.. pair.Value.Negotiations.Select(n => (JsonNode)new JsonObject
            {
                ["negotiation"] = n.Key,
                ["runs"] = n.Value.Round.Count,
                ["agreed"] = n.Value.Agreed,
                ["agreement_rate"] = n.Value.Round.Count == 0 ? null : (double)n.Value.Agreed / n.Value.Round.Count,
                ["round"] = Json(n.Value.Round),
                ["parties"] = new JsonArray([.. n.Value.Parties.Select(p => (JsonNode)new JsonObject
                {
                    ["party"] = p.Key,
                    ["utility"] = Json(p.Value.Utility),
                    ["gain"] = Json(p.Value.Gain),
                    ["gain_measure"] = p.Value.GainMeasure,
                })]),
            })]),
        })]),
    };

    public void WriteJson(string directory, ExperimentPlan plan)
    {
        var path = Path.Combine(directory, FileName);
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, ToJson(plan).ToJsonString(s_indented) + "\n", new UTF8Encoding(false));
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>The table printed at the end: one row per variant × negotiation × party.</summary>
    public Table ToTable(ExperimentPlan plan)
    {
        // One gain column per measure among the parties (a varied objective gives several), each party's gain in its own.
        var measures = _variants.Values.SelectMany(v => v.Negotiations).SelectMany(n => n.Value.Parties)
            .Select(p => p.Value.GainMeasure).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var table = new Table().Border(TableBorder.Rounded).Title("Batch summary (means with 95% intervals)");
        foreach (var column in new[] { "variant", "values", "runs", "failed", "negotiation", "agreed", "round", "party", "utility" }.Concat(measures.Select(m => $"gain in {m}")))
        {
            table.AddColumn(TerminalText.Markup(column));
        }

        foreach (var (number, variant) in _variants)
        {
            var values = TerminalText.Markup(plan.Variants.FirstOrDefault(v => v.Number == number)?.ToString() ?? "");
            var first = true;
            foreach (var (name, negotiation) in variant.Negotiations)
            {
                var firstParty = true;
                foreach (var (party, tally) in negotiation.Parties)
                {
                    table.AddRow([
                        first ? number.ToString(CultureInfo.InvariantCulture) : "", first ? values : "",
                        first ? variant.Runs.ToString(CultureInfo.InvariantCulture) : "", first ? variant.Failed.ToString(CultureInfo.InvariantCulture) : "",
                        firstParty ? TerminalText.Markup(name) : "",
                        !firstParty || negotiation.Round.Count == 0 ? "" : Numbers.Format((double)negotiation.Agreed / negotiation.Round.Count, Numbers.Share),
                        firstParty ? Text(negotiation.Round, "0.0") : "", TerminalText.Markup(party), Text(tally.Utility, Numbers.Utility),
                        .. measures.Select(m => m == tally.GainMeasure ? Text(tally.Gain, Numbers.Money) : "")]);
                    first = false;
                    firstParty = false;
                }
            }

            if (first)
            {
                table.AddRow([number.ToString(CultureInfo.InvariantCulture), values, variant.Runs.ToString(CultureInfo.InvariantCulture),
                    variant.Failed.ToString(CultureInfo.InvariantCulture), "", "", "", "", "", .. measures.Select(_ => "")]);
            }
        }

        return table;
    }

    private VariantTally Variant(int number)
    {
        if (!_variants.TryGetValue(number, out var tally))
        {
            _variants[number] = tally = new VariantTally();
        }

        return tally;
    }

    private static JsonObject Settings(ExperimentPlan plan, int number)
    {
        var settings = new JsonObject();
        foreach (var setting in plan.Variants.FirstOrDefault(v => v.Number == number)?.Settings ?? [])
        {
            settings[setting.Path.Text] = setting.Value;
        }

        return settings;
    }

    private static JsonNode? Json(ExactMoments moments)
    {
        if (moments.Count == 0)
        {
            return null;
        }

        var interval = moments.Interval();
        return new JsonObject { ["mean"] = interval.Mean, ["low"] = interval.Low, ["high"] = interval.High, ["count"] = interval.Count };
    }

    private static string Text(ExactMoments moments, string format)
    {
        if (moments.Count == 0)
        {
            return "";
        }

        var interval = moments.Interval();
        var mean = Numbers.Format(interval.Mean, format);
        return Markup.Escape(interval.Low is { } low && interval.High is { } high
            ? $"{mean} [{Numbers.Format(low, format)}, {Numbers.Format(high, format)}]"
            : mean);
    }

    private static double Parse(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    private sealed class VariantTally
    {
        public int Runs { get; set; }

        public int Failed { get; set; }

        public List<KeyValuePair<string, NegotiationTally>> Negotiations { get; } = [];

        public NegotiationTally Negotiation(string id) => Find(Negotiations, id);
    }

    private sealed class NegotiationTally
    {
        public ExactMoments Round { get; } = new();

        public int Agreed { get; set; }

        public List<KeyValuePair<string, PartyTally>> Parties { get; } = [];

        public PartyTally Party(string id) => Find(Parties, id);
    }

    private sealed class PartyTally
    {
        public ExactMoments Utility { get; } = new();

        public ExactMoments Gain { get; } = new();

        /// <summary>What the gain measures (runs.csv <c>gain_measure</c>); null while no completed run gave one.</summary>
        public string? GainMeasure { get; set; }
    }

    /// <summary>The entry for <paramref name="key"/>, added at the end when new: every run lists its negotiations and parties in the scenario's order, so first seen is that order.</summary>
    private static T Find<T>(List<KeyValuePair<string, T>> entries, string key)
        where T : new()
    {
        foreach (var entry in entries)
        {
            if (entry.Key == key)
            {
                return entry.Value;
            }
        }

        var added = new T();
        entries.Add(new(key, added));
        return added;
    }
}
