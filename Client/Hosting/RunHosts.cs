using Simulation.Client.Cluster;
using Simulation.Client.Commands;
using Spectre.Console;

namespace Simulation.Client.Hosting;

/// <summary>
/// The one place a command's <c>--engine</c>, <c>--gateway</c>, <c>--cluster</c> and <c>--connect-timeout</c> become
/// the host that plays its runs.
/// </summary>
public static class RunHosts
{
    /// <summary>Checks <c>--engine</c> (<paramref name="expected"/> says how the command lists its values) against <c>--gateway</c> and <c>--cluster</c>.</summary>
    public static ValidationResult Check(string engine, ClusterSettings silos, string expected)
    {
        if (engine is not (Grains or Local))
        {
            return OptionValue.Error("--engine", engine, expected);
        }

        if (engine == Local && (silos.Gateway ?? silos.Cluster) is not null)
        {
            var option = silos.Gateway is null ? "--cluster" : "--gateway";
            return OptionValue.Error("--engine", engine, $"local runs in this process without a silo; {option} needs --engine grains");
        }

        return ValidationResult.Success();
    }

    /// <summary>
    /// Checks <c>--parallel</c> (at most <see cref="MaxParallel"/>) and then <c>--engine</c>, as every
    /// command that plays many runs at once takes them.
    /// </summary>
    public static ValidationResult CheckMany(string engine, string? parallel, ClusterSettings silos)
    {
        if (parallel is not null && OptionValue.Integer(parallel) is not (>= 1 and <= MaxParallel))
        {
            return OptionValue.Error("--parallel", parallel, $"expected an integer from 1 to {MaxParallel}");
        }

        return Check(engine, silos, "expected local or grains");
    }

    /// <summary>The runs played at once: <c>--parallel</c> when given, else the host's default.</summary>
    public static async Task<int> ParallelAsync(IRunHost host, string? parallel, CancellationToken cancellation) =>
        parallel is { } given ? (int)OptionValue.Integer(given)!.Value : await host.DefaultParallelAsync(cancellation);

    /// <summary>The host of <paramref name="engine"/>: in this process, or on the embedded silo, the silo at the gateway or the cluster given.</summary>
    public static async Task<IRunHost> OpenAsync(string engine, ClusterSettings silos, CancellationToken cancellation) =>
        engine == Local ? new LocalRunHost() : new GrainsRunHost(await ClusterConnection.OpenAsync(silos.Gateway, silos.ClusterValue, silos.ConnectTimeoutValue, cancellation));

    /// <summary>The most runs a command plays at once.</summary>
    public const int MaxParallel = 1024;

    private const string Grains = "grains";
    private const string Local = "local";
}
