using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using Simulation.Client.Bench;
using Simulation.Client.Output;
using Simulation.Client.Plots;
using Simulation.Model.Benchmarks;
using Simulation.Model.Scenarios;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Simulation.Client.Commands;

/// <summary>
/// `tradesim bench [w1|grains|world|all]`: measures, in one run on this machine, workload W1 in
/// process and through grains (with the cost of an empty grain call beside it) and the synthetic
/// world benchmark on both engines (DESIGN §7), and prints a table or, with <c>--format json</c>,
/// the figures for scripts to track. Speed is measured here and never asserted by tests.
/// </summary>
public sealed class BenchCommand : AsyncCommand<BenchCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        /// <summary>What <c>[WHAT]</c> may name.</summary>
        public static IReadOnlyList<string> Parts { get; } = ["w1", "grains", "world", "all"];

        [CommandArgument(0, "[WHAT]")]
        [Description("w1 (in process), grains (W1 through grains and an empty grain call), world (synthetic worlds on both engines) or all (default).")]
        public string What { get; init; } = "all";

        [CommandOption("--quick")]
        [Description("Small sizes (worlds of 3 and 5 countries, few runs): shows that everything works in well under a minute; its figures are rough.")]
        public bool Quick { get; init; }

        [CommandOption("--countries <N,N,...>")]
        [Description($"The world sizes to play, countries besides the rest of the world (default 10,25,50,100; with --quick 3,5).")]
        public string? Countries { get; init; }

        [CommandOption("--format <FORMAT>")]
        [Description("table (default) or json (snake_case: w1.local, w1.grains, world[]; docs/performance.md).")]
        [DefaultValue("table")]
        public string Format { get; init; } = "table";

        [CommandOption("--plots <DIR>")]
        [Description("Write PNG charts of the world benchmark's cost against the number of countries into DIR (created if missing).")]
        public string? Plots { get; init; }

        /// <summary>The world sizes, once <see cref="Validate"/> has accepted them.</summary>
        public IReadOnlyList<int> CountriesValue =>
            Countries is null ? (Quick ? BenchSizes.Quick : BenchSizes.Full).Countries : [.. Countries.Split(',').Select(c => (int)OptionValue.Integer(c.Trim())!.Value)];

        public bool Measures(string part) => What == "all" || What == part;

        public override ValidationResult Validate()
        {
            if (!Parts.Contains(What, StringComparer.Ordinal))
            {
                var hint = Suggestion.Closest(What, Parts) is { } close ? $"; did you mean '{close}'?" : "";
                return ValidationResult.Error($"unknown benchmark '{TerminalText.Safe(What)}': expected one of {string.Join(", ", Parts)}{hint}");
            }

            if (Format is not ("table" or "json"))
            {
                return OptionValue.Error("--format", Format, "expected table or json");
            }

            if (Countries is not null)
            {
                if (!Measures("world"))
                {
                    return OptionValue.Error("--countries", Countries, "sets the world sizes, so it needs world or all");
                }

                var sizes = Countries.Split(',').Select(c => OptionValue.Integer(c.Trim())).ToList();
                if (sizes.Any(n => n is not (>= SyntheticWorld.MinCountries and <= SyntheticWorld.MaxCountries)))
                {
                    return OptionValue.Error("--countries", Countries,
                        $"expected numbers of countries from {SyntheticWorld.MinCountries} to {SyntheticWorld.MaxCountries} separated by commas, e.g. 10,25");
                }
            }

            if (Plots is not null)
            {
                if (string.IsNullOrWhiteSpace(Plots))
                {
                    return OptionValue.Error("--plots", Plots, "expected the path of a directory (created if missing)");
                }

                if (!Measures("world"))
                {
                    return OptionValue.Error("--plots", Plots, "draws the world benchmark's cost against the number of countries, so it needs world or all");
                }

                if (File.Exists(Plots))
                {
                    return OptionValue.Error("--plots", Plots, "is a file; expected a directory");
                }
            }

            return ValidationResult.Success();
        }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellation)
    {
        var sizes = settings.Quick ? BenchSizes.Quick : BenchSizes.Full;
        if (settings.Plots is { } plots)
        {
            PlotsFolder.Create("--plots", plots);
        }

        W1LocalFigures? local = null;
        W1GrainsFigures? grains = null;
        IReadOnlyList<WorldFigure>? world = null;
        string? worldsNotPlayed = null;
        var parts = new List<(string, Func<Action<double>, Task>)>();
        if (settings.Measures("w1"))
        {
            parts.Add(("W1 in process", async progress => local = await W1LocalBench.RunAsync(sizes, progress, cancellation)));
        }

        if (settings.Measures("grains"))
        {
            parts.Add(("W1 through grains", async progress => grains = await W1GrainsBench.RunAsync(sizes, progress, cancellation)));
        }

        if (settings.Measures("world"))
        {
            var countries = settings.CountriesValue;
            parts.Add(($"worlds of {string.Join(", ", countries)} countries", async progress => world = await WorldBench.RunAsync(countries, sizes.WorldStopAfter, note => worldsNotPlayed = note, progress, cancellation)));
        }

        Console.Error.WriteLine(Machine());
        await BenchProgress.RunAsync(parts);
        if (worldsNotPlayed is not null)
        {
            Console.Error.WriteLine(worldsNotPlayed);
        }

        var report = new BenchReport(local is null && grains is null ? null : new W1Report(local, grains), world);
        if (settings.Format == "json")
        {
            Console.Out.Write(JsonOutput.Serialize(report));
        }
        else
        {
            foreach (var table in BenchTables.Of(report))
            {
                AnsiConsole.Write(table);
            }
        }

        if (settings.Plots is { } directory && world is not null)
        {
            foreach (var chart in WorldCostChart.Save(directory, world))
            {
                Console.Error.WriteLine($"wrote {TerminalText.Safe(chart)}");
            }
        }

        return TradeSimApp.Done;
    }

    /// <summary>What the figures depend on besides the code: the cores and how busy they were (the 1-minute load average, where the system tells it).</summary>
    private static string Machine()
    {
        var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : null;
        // A Debug build (what `dotnet run` builds by default) runs the code unoptimised: say so, since
        // its figures are not the program's.
        var debug = typeof(BenchCommand).Assembly.GetCustomAttribute<DebuggableAttribute>()?.IsJITOptimizerDisabled == true;
        var build = debug ? "a Debug build, slower than a Release one: for the program's figures, dotnet run -c Release --project Client -- bench" : "a Release build";
        return string.Create(CultureInfo.InvariantCulture,
            $"bench on {Environment.ProcessorCount} cores{(load is null ? "" : $", load average {load} (1 min) at the start")}; .NET {Environment.Version}; {build}");
    }
}
