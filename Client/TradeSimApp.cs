using System.Reflection;
using System.Runtime.InteropServices;
using Simulation.Client.Commands;
using Simulation.Client.Output;
using Simulation.Model.Input;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Simulation.Client;

/// <summary>
/// The `tradesim` command line. Exit codes (DESIGN §6.5): 0 done, 1 failure while running,
/// 2 invalid input or usage. Errors are printed as messages, never as stack traces.
/// </summary>
public static class TradeSimApp
{
    public const int Done = 0;
    public const int Failed = 1;
    public const int InvalidInput = 2;

    /// <summary>Each command and the type of its settings, for <see cref="UsageCheck"/>.</summary>
    private static readonly Dictionary<string, Type> s_commands = new(StringComparer.Ordinal)
    {
        ["run"] = typeof(RunCommand.Settings),
        ["batch"] = typeof(BatchCommand.Settings),
        ["validate"] = typeof(ValidateCommand.Settings),
        ["evaluate"] = typeof(EvaluateCommand.Settings),
        ["ge"] = typeof(GeCommand.Settings),
        ["import-genius"] = typeof(ImportGeniusCommand.Settings),
        ["import-trade"] = typeof(ImportTradeCommand.Settings),
        ["list"] = typeof(ListCommand.Settings),
        ["bench"] = typeof(BenchCommand.Settings),
        ["calibrate"] = typeof(CalibrateCommand.Settings),
        ["forecast"] = typeof(ForecastCommand.Settings),
        ["score"] = typeof(ScoreCommand.Settings),
    };

    /// <summary>
    /// Commands that watch their cancellation token and clean up after themselves (a silo to stop,
    /// a file not to leave half written). The others only compute and print, and a signal ends
    /// them at once.
    /// </summary>
    private static readonly HashSet<string> s_cancellable = new(StringComparer.Ordinal) { "run", "batch", "bench", "forecast", "calibrate", "score" };

    /// <summary>This build's version (the assembly's informational version: the package version and, from a git checkout, the commit).</summary>
    public static string Version { get; } =
        typeof(TradeSimApp).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    public static async Task<int> RunAsync(string[] args)
    {
        if (UsageCheck.FirstProblem(args, s_commands) is { } problem)
        {
            Reports.Error(problem);
            return InvalidInput;
        }

        ConsoleWidth.Apply();
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.SetApplicationName("tradesim");
            config.SetApplicationVersion(Markup.Escape(Version));
            config.PropagateExceptions();
            config.AddCommand<RunCommand>("run")
                .WithDescription("Run a scenario and print its outcome.")
                .WithExample("run", "scenarios/canada-indonesia.yaml")
                .WithExample("run", "scenarios/canada-indonesia.yaml", "--format", "json")
                .WithExample("run", "scenarios/equal-lines.yaml", "--seed", "2")
                .WithExample("run", "scenarios/canada-indonesia.yaml", "--gateway", "127.0.0.1:30000", "--out", "outcome.json");
            config.AddCommand<BatchCommand>("batch")
                .WithDescription("Run a scenario many times: a grid of values, sampled inputs, replicates; rows to DIR/runs.csv.")
                .WithExample("batch", "scenarios/canada-china-canola.yaml", "--vary", "countries.CAN.strategy.e=0.2,1,2", "--runs", "10", "--out", "results");
            config.AddCommand<ValidateCommand>("validate")
                .WithDescription("Check scenario files without running them.")
                .WithExample("validate", "scenarios/canada-indonesia.yaml");
            config.AddCommand<EvaluateCommand>("evaluate")
                .WithDescription("Effects of tariff changes on a scenario's world, without negotiating (a calculator like WITS-SMART).")
                .WithExample("evaluate", "scenarios/canada-indonesia.yaml", "--set", "IDN:CAN:canola_oil=0", "--model", "gsim");
            config.AddCommand<GeCommand>("ge")
                .WithDescription("General-equilibrium gravity counterfactual of trade-cost changes (ge_gravity).")
                .WithExample("ge", "flows.csv", "--theta", "4", "--imbalances", "multiplicative", "--format", "json");
            config.AddCommand<ImportGeniusCommand>("import-genius")
                .WithDescription("Turn a GENIUS domain and linear-additive profiles into a units: utility scenario.")
                .WithExample("import-genius", "domain.xml", "buyer.xml", "seller.xml", "--out", "scenario.yaml");
            config.AddCommand<ImportTradeCommand>("import-trade")
                .WithDescription("Aggregate product-level trade flows (WITS, Comtrade) into a scenario's sectors, as a trade CSV.")
                .WithExample("import-trade", "flows.csv", "--concordance", "map.csv", "--tariffs", "tariffs.csv", "--out", "trade.csv");
            config.AddCommand<ListCommand>("list")
                .WithDescription("What a scenario can name: protocols, strategies, models, objectives, events, with their parameters.")
                .WithExample("list", "strategies")
                .WithExample("list", "--format", "json")
                .WithExample("list", "--schema");
            config.AddCommand<BenchCommand>("bench")
                .WithDescription("Measure speed on this machine: workload W1 in process and through grains, and synthetic worlds of 10 to 100 countries.")
                .WithExample("bench", "--quick")
                .WithExample("bench", "w1", "--format", "json")
                .WithExample("bench", "world", "--countries", "10,25", "--plots", "plots");
            config.AddCommand<CalibrateCommand>("calibrate")
                .WithDescription("Learn the parameters a priors file names from observed negotiations (episodes), by ABC-PMC; the posterior to DIR.")
                .WithExample("calibrate", "episodes.yaml", "--priors", "priors.yaml", "--out", "posterior", "--particles", "200");
            config.AddCommand<ForecastCommand>("forecast")
                .WithDescription("Forecast a negotiation from a calibrated posterior: the probability of agreement and of each issue's levels, and welfare with 90% intervals.")
                .WithExample("forecast", "scenarios/canada-china.yaml", "--posterior", "posterior", "--negotiation", "CAN-CHN", "--runs", "200", "--out", "forecast.json");
            config.AddCommand<ScoreCommand>("score")
                .WithDescription("Score a forecast against what happened: log, Brier and ranked probability scores per issue, the agreement's, and their sums.")
                .WithExample("score", "forecast.json", "--observed", "scenarios/episodes.yaml", "--episode", "can-chn-2026-01");
        });

        // Ctrl-C (SIGINT) and SIGTERM cancel the command, which stops promptly, writes nothing and
        // exits with 1. Stopping may wait a few seconds (a run grain told to stop, a silo shut
        // down), so a second signal, for someone who will not wait, ends the process at once by
        // the signal's default action: no more cleanup, exit status 128 + the signal (130 for
        // Ctrl-C). An output file is replaced by a rename and a batch appends a run's rows at
        // once, so even this leaves what was written before whole.
        using var cancellation = new CancellationTokenSource();
        var cancellable = args.Length > 0 && s_cancellable.Contains(args[0]);
        void Cancel(PosixSignalContext signal)
        {
            if (!cancellable)
            {
                Reports.Error("cancelled");
                Environment.Exit(Failed);
            }

            if (cancellation.IsCancellationRequested)
            {
                signal.Cancel = false;
                return;
            }

            signal.Cancel = true;
            Console.Error.WriteLine("stopping (Ctrl-C again to end at once)");
            cancellation.Cancel();
        }

        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Cancel);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Cancel);
        try
        {
            return await app.RunAsync(args, cancellation.Token);
        }
        catch (InvalidInputException invalid)
        {
            Reports.Errors(invalid.Errors);
            return InvalidInput;
        }
        catch (UsageException usage)
        {
            Reports.Error(usage.Message);
            Console.Error.WriteLine("Nothing was run.");
            return InvalidInput;
        }
        catch (CommandAppException usage)
        {
            Reports.Error(usage.Message);
            var command = args.Length > 0 && s_commands.ContainsKey(args[0]) ? $"tradesim {args[0]}" : "tradesim";
            Console.Error.WriteLine($"See '{command} --help'.");
            return InvalidInput;
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            Reports.Error("cancelled");
            return Failed;
        }
        catch (Exception failure)
        {
            Reports.Error(failure.Message);
            return Failed;
        }
    }
}
