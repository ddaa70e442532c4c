using System.Text;
using Simulation.Client.Commands;
using Simulation.Client.Output;
using Simulation.Client.Plots;
using Simulation.Model.Reporting;
using Simulation.Grains.Abstractions.Runs;
using Simulation.Model.Experiments;
using Simulation.Model.Negotiation;

namespace Simulation.Client.Batch;

/// <summary>
/// <c>batch --plots</c>: PNG charts in DIR/plots/ once the batch has run. For each negotiation:
/// <c>concession-NEG.png</c>, the concession curves of one run (<c>--plot-run RUN_ID</c>, default
/// the first run: variant 1, replicate 1), whose history alone is kept;
/// <c>agreement-rate-NEG.png</c>, the share of runs agreed per variant; and per party
/// <c>utility-NEG-PARTY.png</c> and <c>gain-NEG-PARTY.png</c>, the distribution over the agreed runs
/// of each variant of the party's utility and gain (a run without agreement has no agreement to
/// value; the agreement rate shows how many there were; a negotiation that never agreed gets no
/// box plots). With <c>--sensitivity</c>, also
/// <c>tornado.png</c> (<see cref="SensitivityStudy"/>).
/// </summary>
internal sealed class BatchPlots
{
    public const string DirectoryName = "plots";

    private readonly string _plotRunId;
    private readonly IReadOnlyList<Variant> _variants;
    private readonly Dictionary<(string Negotiation, int Variant), (int Runs, int Agreed)> _rates = [];
    private readonly Dictionary<(string Negotiation, string Party, int Variant), (List<double> Utility, List<double> Gain)> _agreements = [];

    private readonly Dictionary<(string Negotiation, string Party), string> _gainMeasures = [];
    private readonly List<(string Negotiation, IReadOnlyList<string> Parties)> _negotiations = [];
    private readonly Lock _gate = new();
    private IReadOnlyList<NegotiationOutcome>? _plotRun;
    private string? _plotRunError;

    private BatchPlots(string directory, string plotRunId, IReadOnlyList<Variant> variants)
    {
        Directory = directory;
        _plotRunId = plotRunId;
        _variants = variants;
    }

    /// <summary>DIR/plots.</summary>
    public string Directory { get; }

    /// <summary>
    /// The plots of <paramref name="plan"/>'s batch into <paramref name="outDirectory"/>/plots
    /// (created when they are written); <paramref name="plotRun"/> is the run whose concession curves are drawn, null for the first.
    /// </summary>
    /// <exception cref="UsageException"><paramref name="plotRun"/> is not a run of the batch.</exception>
    public static BatchPlots Create(ExperimentPlan plan, string outDirectory, string? plotRun)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var first = plan.Run(plan.Variants[0], 1);
        var runId = RunIds.For(plan.Document.Text, first.Seed, first.SettingsKey);
        if (plotRun is not null)
        {
            if (!plan.Runs().Any(run => RunIds.For(plan.Document.Text, run.Seed, run.SettingsKey) == plotRun))
            {
                throw new UsageException($"--plot-run '{plotRun}': not a run of this batch (run ids are in runs.csv; the first run's is {runId})");
            }

            runId = plotRun;
        }

        return new BatchPlots(Path.Combine(outDirectory, DirectoryName), runId, plan.Variants);
    }

    /// <summary>Counts a completed run (called from several runs at once).</summary>
    public void Completed(PlannedRun run, string runId, RunOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(outcome);
        lock (_gate)
        {
            foreach (var negotiation in outcome.Negotiations)
            {
                if (!_negotiations.Any(n => n.Negotiation == negotiation.Id))
                {
                    _negotiations.Add((negotiation.Id, negotiation.Parties));
                }

                var agreed = negotiation.Status == NegotiationStatus.Agreed;
                var (runs, agreements) = _rates.GetValueOrDefault((negotiation.Id, run.Variant.Number));
                _rates[(negotiation.Id, run.Variant.Number)] = (runs + 1, agreements + (agreed ? 1 : 0));
                if (!agreed)
                {
                    continue;
                }

                foreach (var party in negotiation.Parties)
                {
                    if (!_agreements.TryGetValue((negotiation.Id, party, run.Variant.Number), out var values))
                    {
                        values = ([], []);
                        _agreements[(negotiation.Id, party, run.Variant.Number)] = values;
                    }

                    values.Utility.Add(negotiation.Utility[party]);
                    values.Gain.Add(negotiation.Gain[party]);
                    // A varied objective can make the measure differ between variants: the axis then says "objective score".
                    var measure = negotiation.GainMeasure[party];
                    _gainMeasures[(negotiation.Id, party)] = _gainMeasures.TryGetValue((negotiation.Id, party), out var seen) && seen != measure ? "objective score" : measure;
                }
            }

            if (runId == _plotRunId)
            {
                _plotRun = outcome.Negotiations;
            }
        }
    }

    /// <summary>Notes why a run failed, if it is the one whose concession curves are drawn.</summary>
    public void Failed(string runId, string error)
    {
        lock (_gate)
        {
            if (runId == _plotRunId)
            {
                _plotRunError = error;
            }
        }
    }

    /// <summary>
    /// Writes the charts (creating the directory); returns their paths in the order written. A chart
    /// that cannot be drawn is named on <paramref name="warnings"/>, with why.
    /// </summary>
    public IReadOnlyList<string> Write(TextWriter warnings)
    {
        ArgumentNullException.ThrowIfNull(warnings);
        if (_plotRun is null)
        {
            // Without that run's history there are no curves to draw; the other charts still are.
            warnings.WriteLine(TerminalText.SafeLines(
                $"warning: no concession chart: run {_plotRunId} failed ({_plotRunError ?? "no outcome"}); choose a run that completed with --plot-run RUN_ID"));
        }

        System.IO.Directory.CreateDirectory(Directory);
        var written = new List<string>();
        var negotiations = _negotiations.OrderBy(n => n.Negotiation, StringComparer.Ordinal).ToList();
        foreach (var (negotiation, parties) in negotiations)
        {
            if (_plotRun?.FirstOrDefault(n => n.Id == negotiation) is { } played)
            {
                var offers = played.History
                    .Where(t => t.Action == MoveKind.Offer && t.Utility is not null)
                    .Select(t => new ConcessionOffer(t.Turn, t.Party, [.. parties.Select(p => t.Utility![p])]))
                    .ToList();
                written.Add(Save($"concession-{negotiation}", path => ConcessionChart.Save(path,
                    $"{negotiation}: concession curves of run {_plotRunId[..Math.Min(12, _plotRunId.Length)]} ({NegotiationStatusNames.Name(played.Status)}, round {played.Round})", parties, offers)));
            }

            var rates = _variants
                .Where(v => _rates.ContainsKey((negotiation, v.Number)))
                .Select(v => (Label(v), (double)_rates[(negotiation, v.Number)].Agreed / _rates[(negotiation, v.Number)].Runs))
                .ToList();
            written.Add(Save($"agreement-rate-{negotiation}", path => AgreementRateChart.Save(path, $"{negotiation}: share of runs agreed", rates)));

            // A negotiation that never agreed has no agreement to value: its box plots would be empty frames.
            var everAgreed = _variants.Any(v => _rates.TryGetValue((negotiation, v.Number), out var rate) && rate.Agreed > 0);
            foreach (var party in everAgreed ? parties : [])
            {
                List<VariantValues> Values(Func<(List<double> Utility, List<double> Gain), List<double>> pick) =>
                    [.. _variants.Select(v => new VariantValues(Label(v), _agreements.TryGetValue((negotiation, party, v.Number), out var values) ? pick(values) : []))];

                written.Add(Save($"utility-{negotiation}-{party}", path => DistributionChart.Save(path,
                    $"{negotiation}: {party}'s utility of the agreement (agreed runs)", "utility (0 = worst outcome on the table, 1 = best)", Values(v => v.Utility))));
                written.Add(Save($"gain-{negotiation}-{party}", path => DistributionChart.Save(path,
                    $"{negotiation}: {party}'s gain from the agreement (agreed runs)",
                    $"gain in {_gainMeasures.GetValueOrDefault((negotiation, party), "objective score")} over no deal (the scenario's units)", Values(v => v.Gain))));
            }
        }

        return written;
    }

    /// <summary>A variant as a chart labels it: its number and the last key of each varied path with its value (<c>1: e=0.2</c>).</summary>
    public static string Label(Variant variant)
    {
        ArgumentNullException.ThrowIfNull(variant);
        return variant.Settings.Count == 0
            ? "all runs"
            : $"{variant.Number}: {string.Join(", ", variant.Settings.Select(s => $"{(s.Path.Steps[^1].Kind == PathStepKind.Key ? s.Path.Steps[^1].Key : s.Path.Text)}={s.Value}"))}";
    }

    private string Save(string name, Action<string> save)
    {
        var path = Path.Combine(Directory, FileName(name) + ".png");
        save(path);
        return path;
    }

    /// <summary>Ids may hold characters a file name should not; those become '_'.</summary>
    private static string FileName(string name)
    {
        var text = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            text.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_');
        }

        return text.ToString();
    }
}
