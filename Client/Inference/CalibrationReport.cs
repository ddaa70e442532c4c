using System.Globalization;
using System.Text.Json.Nodes;
using Simulation.Client.Output;
using Simulation.Model.Inference;
using Spectre.Console;

namespace Simulation.Client.Inference;

/// <summary>
/// What a finished calibration reports (DESIGN §9): <c>summary.json</c> per parameter, the
/// <c>diagnostics.json</c> of the shared posterior contract, and the table printed on stdout, with
/// a warning beside each parameter the episodes did not identify.
/// </summary>
internal static class CalibrationReport
{
    public static JsonObject Summary(IReadOnlyList<ParameterSummary> parameters)
    {
        var summary = new JsonObject();
        foreach (var p in parameters)
        {
            summary[p.Path] = p.Probabilities is { } probabilities
                ? new JsonObject { ["probabilities"] = new JsonObject([.. probabilities.Select(o => KeyValuePair.Create(o.Key, (JsonNode?)JsonValue.Create(o.Value)))]) }
                : new JsonObject { ["mean"] = p.Mean, ["q05"] = p.Q05, ["q50"] = p.Q50, ["q95"] = p.Q95 };
        }

        return summary;
    }

    public static JsonObject Diagnostics(CalibrationInputs inputs, AbcSettings settings, AbcResult result, IReadOnlyList<ParameterSummary> parameters, int failures) => new()
    {
        ["episodes"] = new JsonArray([.. inputs.Episodes.Select(e => JsonValue.Create(e.Id))]),
        ["learned_until"] = inputs.LearnedUntil.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["seed"] = settings.Seed,
        ["particles"] = settings.Particles,
        ["priors"] = new JsonObject([.. inputs.Priors.Select(p => KeyValuePair.Create(p.Path.Text, (JsonNode?)JsonValue.Create(p.Prior.Text)))]),
        ["generations"] = new JsonArray([.. result.Generations.Select(g => new JsonObject
        {
            ["generation"] = g.Index,
            ["tolerance"] = g.Tolerance,
            ["proposals"] = g.Proposals,
            ["accepted"] = g.Accepted,
            ["acceptance_rate"] = g.AcceptanceRate,
            ["effective_sample_size"] = g.EffectiveSampleSize,
        })]),
        ["stopped"] = result.Stopped,
        ["failed_simulations"] = failures,
        ["not_identified"] = new JsonObject([.. parameters.Where(p => p.NotIdentified is not null).Select(p => KeyValuePair.Create(p.Path, (JsonNode?)JsonValue.Create(p.NotIdentified)))]),
    };

    public static void PrintTable(IReadOnlyList<ParameterSummary> parameters, AbcResult result)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("parameter").AddColumn(new TableColumn("mean").RightAligned()).AddColumn(new TableColumn("5%").RightAligned())
            .AddColumn(new TableColumn("50%").RightAligned()).AddColumn(new TableColumn("95%").RightAligned()).AddColumn("note");
        foreach (var p in parameters)
        {
            var note = p.NotIdentified is { } warning ? $"[yellow]{Markup.Escape(warning)}[/]" : "";
            if (p.Probabilities is { } probabilities)
            {
                var shares = string.Join(", ", probabilities.Select(o => string.Create(CultureInfo.InvariantCulture, $"{o.Key} {o.Value:0.###}")));
                table.AddRow(Markup.Escape(p.Path), Markup.Escape(shares), "", "", "", note);
            }
            else
            {
                table.AddRow(Markup.Escape(p.Path), Show(p.Mean), Show(p.Q05), Show(p.Q50), Show(p.Q95), note);
            }
        }

        var posterior = result.Posterior;
        table.Caption(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
            $"generation {posterior.Index}: tolerance {posterior.Tolerance?.ToString("0.####", CultureInfo.InvariantCulture) ?? "none"}, effective sample size {posterior.EffectiveSampleSize:0}; stopped: {result.Stopped}")));
        AnsiConsole.Write(table);
    }

    private static string Show(double? value) => value is { } v ? Numbers.Format(v, "0.####") : "";
}
