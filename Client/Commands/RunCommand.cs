using System.ComponentModel;
using System.Diagnostics;
using Simulation.Client.Hosting;
using Simulation.Client.Output;
using Simulation.Model.Reporting;
using Simulation.Grains.Abstractions.Runs;
using Simulation.Model.Runs.Journal;
using Simulation.Model.Scenarios;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Simulation.Client.Commands;

/// <summary>`tradesim run SCENARIO`: one scenario, one seed, one outcome.</summary>
public sealed class RunCommand : AsyncCommand<RunCommand.Settings>
{
    public sealed class Settings : ClusterSettings
    {
        [CommandArgument(0, "<SCENARIO>")]
        [Description("Scenario file (YAML or JSON).")]
        public string Scenario { get; init; } = "";

        [CommandOption("--seed <N>")]
        [Description("Seed for the run's random choices, an integer in decimal digits; default: the scenario's seed. Today the only one is breaking an exact tie between equally good bids, so most scenarios give the same outcome with any seed (scenarios/equal-lines.yaml does not).")]
        public string? Seed { get; init; }

        /// <summary>The seed asked for, once <see cref="Validate"/> has accepted it.</summary>
        public long? SeedValue => Seed is null ? null : OptionValue.Integer(Seed);

        [CommandOption("--out <FILE.json>")]
        [Description("Also write the outcome as JSON to this file; its directory must exist. A file is replaced whole, and only by a run that completes; a device or pipe is written through.")]
        public string? Out { get; init; }

        [CommandOption("--frontier <FILE.csv>")]
        [Description("Also write every negotiation's Pareto frontier as CSV for plotting (one row per negotiation × point × party; docs/outcome.md). Checked and written like --out.")]
        public string? Frontier { get; init; }

        [CommandOption("--trace <FILE.csv>")]
        [Description("Also write every turn as CSV: run, negotiation, round, turn, party, action, offer, utilities (docs/outcome.md). Checked and written like --out.")]
        public string? Trace { get; init; }

        [CommandOption("--history")]
        [Description("Also put every negotiation's history (every turn, with each party's utility of its offer) in the outcome JSON of --out and --format json, as docs/outcome.md describes. Left out by default: it is most of an outcome's size; --trace and --events carry the same turns.")]
        public bool History { get; init; }

        [CommandOption("--events <FILE.jsonl>")]
        [Description("Also write the run's journal as it plays: every event (a negotiation opened, a turn, an agreement, an event applied, a round completed...) as one JSON object a line, flushed after every round (docs/run-journal.md). A new file: an existing one is never overwritten. Both engines write the same journal.")]
        public string? Events { get; init; }

        [CommandOption("--resume-from <FILE.jsonl>")]
        [Description("Continue a run that was interrupted (Ctrl+C, a killed process) from the journal --events wrote, with the same scenario file and seed: the run is played again to the journal's last completed round, checked against it line by line, and goes on from there, appending to the same journal. The outcome is the uninterrupted run's, on either engine (a run on the embedded silo killed with its process resumes too).")]
        public string? ResumeFrom { get; init; }

        [CommandOption("--engine <ENGINE>")]
        [Description("Who plays the run: grains (default; an embedded silo, or the cluster at --gateway) or local (plain objects in this process, no silo). Both give the same outcome.")]
        [DefaultValue("grains")]
        public string Engine { get; init; } = "grains";

        [CommandOption("--pace <DURATION>")]
        [Description("Wait this long between rounds, so a person can watch the run: 300ms, 1s, 2.5s or 2 (seconds); default 0, no wait. It does not change the outcome. Ctrl+C stops a paced run as any other.")]
        [DefaultValue("0")]
        public string Pace { get; init; } = "0";

        /// <summary>The pace, once <see cref="Validate"/> has accepted it.</summary>
        public TimeSpan PaceValue => OptionValue.Duration(Pace) ?? TimeSpan.Zero;

        /// <summary>The longest pace accepted: a round an hour apart is no longer something to watch.</summary>
        private static readonly TimeSpan MaxPace = TimeSpan.FromHours(1);

        [CommandOption("--watch")]
        [Description("Show the run as it plays, on stderr: a table redrawn after every round with each negotiation's status, rounds against its deadline, standing offer in tariffs, who made it and each party's utility of it, and the events as they fire. Off a terminal, a plain block of lines per round. Best with --pace; it does not change the outcome.")]
        public bool Watch { get; init; }

        [CommandOption("--format <FORMAT>")]
        [Description("What to print on stdout: table (default) or json.")]
        [DefaultValue("table")]
        public string Format { get; init; } = "table";

        public override ValidationResult Validate()
        {
            if (Seed is not null && OptionValue.Integer(Seed) is null)
            {
                return OptionValue.Error("--seed", Seed, $"expected an integer in decimal digits from {long.MinValue} to {long.MaxValue}, e.g. 7 or -3");
            }

            if (OptionValue.Duration(Pace) is not { } pace || pace > MaxPace)
            {
                return OptionValue.Error("--pace", Pace, "expected a duration from 0 to 1 hour, such as 300ms, 1s or 2 (seconds)");
            }

            if (Format is not ("table" or "json"))
            {
                return OptionValue.Error("--format", Format, "expected table or json");
            }

            if (RunHosts.Check(Engine, this, "expected grains or local") is { Successful: false } engine)
            {
                return engine;
            }

            if (Events is not null && ResumeFrom is not null)
            {
                return OptionValue.Error("--events", Events, "a resumed run appends to the journal it resumes from; leave out --events");
            }

            return base.Validate();
        }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellation)
    {
        // Read once (a pipe cannot be read twice, and the text checked is the text run), and
        // validate before starting anything: a bad file costs nothing and writes nothing.
        // The text standing alone: tables read from CSV files are written into it, so that the run id,
        // the outcome's hash and a silo all see their data.
        var (text, scenario) = ScenarioLoader.Load(settings.Scenario);
        var output = settings.Out is { } path ? OutputFile.Check("--out", path) : null;
        if (output?.Replaces(settings.Scenario) == true)
        {
            throw output.Refuse("is the scenario file itself, which the outcome would replace");
        }

        var frontier = settings.Frontier is { } frontierPath ? OutputFile.Check("--frontier", frontierPath, "frontier.csv") : null;
        if (frontier?.Replaces(settings.Scenario) == true)
        {
            throw frontier.Refuse("is the scenario file itself, which the frontier would replace");
        }

        if (output is not null && frontier is not null && settings.Out is { } outPath && frontier.Replaces(outPath))
        {
            throw frontier.Refuse("is the file --out writes; give them different names");
        }

        var trace = settings.Trace is { } tracePath ? OutputFile.Check("--trace", tracePath, "trace.csv") : null;
        if (trace?.Replaces(settings.Scenario) == true)
        {
            throw trace.Refuse("is the scenario file itself, which the trace would replace");
        }

        if (trace is not null && output is not null && settings.Out is { } outFile && trace.Replaces(outFile))
        {
            throw trace.Refuse("is the file --out writes; give them different names");
        }

        if (trace is not null && frontier is not null && settings.Frontier is { } frontierFile && trace.Replaces(frontierFile))
        {
            throw trace.Refuse("is the file --frontier writes; give them different names");
        }

        var seed = settings.SeedValue ?? scenario.Seed;
        var fileName = Path.GetFileName(settings.Scenario);
        var runId = RunIds.For(text, seed);
        var started = RunStarted.For(scenario, text, seed);
        var journal = settings.Events is { } eventsPath ? JournalFile.Create(eventsPath, settings, output, frontier, trace) : null;
        var resumed = settings.ResumeFrom is { } resumePath ? JournalFile.Resume(resumePath, started, settings.SeedValue is null) : null;

        var order = new RunOrder(runId, text, fileName, seed) { Pace = settings.PaceValue, Parsed = scenario, ReplayedRounds = resumed?.RoundsReplayed ?? 0 };
        var clock = Stopwatch.StartNew();
        await using var host = await RunHosts.OpenAsync(settings.Engine, settings, cancellation);
        foreach (var line in await host.WhereToWatchAsync(order, cancellation))
        {
            Console.Error.WriteLine(TerminalText.Safe(line));
        }

        RunOutcome outcome;
        try
        {
            using (journal)
            using (resumed)
            {
                Action<RunEvent>? listener = journal is not null ? journal.Write : resumed is not null ? resumed.Tell : null;
                outcome = await RunProgress.ShowAsync(scenario.Name, settings.Watch, order.Pace > TimeSpan.Zero, show => host.PlayAsync(order, show, listener, cancellation));
            }
        }
        catch (RunFailedException failed) when (failed.InnerException is JournalException error)
        {
            // The journal is not the run's: nothing was added to it, nothing else is written.
            throw new UsageException(TerminalText.Safe($"--resume-from '{settings.ResumeFrom}': {error.Message}"));
        }
        catch (RunFailedException failed)
        {
            Reports.Error($"run {failed.RunId} failed: {failed.Message}");
            return TradeSimApp.Failed;
        }

        outcome = outcome with { Timings = new RunTimings(Math.Round(clock.Elapsed.TotalSeconds, 3), host.EmbeddedSilo, host.Engine) };

        // Every text is built before any file is written, so a result that cannot be written leaves them all alone.
        var frontierText = frontier is null ? null : FrontierCsv.Write(outcome);
        var traceText = trace is null ? null : TraceCsv.Write(runId, outcome);
        var outcomeJson = RunOutcomeJson.Serialize(outcome, settings.History);
        // All or none: a trace that cannot be written leaves the outcome and the frontier as they were.
        var files = new List<(OutputFile, string)>();
        if (output is not null)
        {
            files.Add((output, outcomeJson));
        }

        if (frontier is not null)
        {
            files.Add((frontier, frontierText!));
        }

        if (trace is not null)
        {
            files.Add((trace, traceText!));
        }

        await OutputFile.WriteAllAsync(files, cancellation);

        if (settings.Format == "json")
        {
            Console.Out.Write(outcomeJson);
        }
        else
        {
            OutcomeTables.Write(AnsiConsole.Console, outcome, scenario);
        }

        return TradeSimApp.Done;
    }
}
