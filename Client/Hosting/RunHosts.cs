using Simulation.Client.Cluster;
using Simulation.Client.Commands;
using Spectre.Console;

namespace Simulation.Client.Hosting;

/// <summary>
/// The one place a command's <c>--engine</c>, <c>--gateway</c> and <c>--connect-timeout</c> become
/// the host that plays its runs.
/// </summary>
public static class RunHosts
{
    /// <summary>Checks <c>--engine</c> (<paramref name="expected"/> says how the command lists its values) against <c>--gateway</c>.</summary>
    public static ValidationResult Check(string engine, string? gateway, string expected)
    {
        if (engine is not (Grains or Local))
        {
            return OptionValue.Error("--engine", engine, expected);
        }

        if (engine == Local && gateway is not null)
        {
            return OptionValue.Error("--engine", engine, "local runs in this process without a silo; --gateway needs --engine grains");
        }

        return ValidationResult.Success();
    }

    /// <summary>The host of <paramref name="engine"/>: in this process, or on the embedded silo or the cluster at <paramref name="gateway"/>.</summary>
    public static async Task<IRunHost> OpenAsync(string engine, string? gateway, TimeSpan connectTimeout, CancellationToken cancellation) =>
        engine == Local ? new LocalRunHost() : new GrainsRunHost(await ClusterConnection.OpenAsync(gateway, connectTimeout, cancellation));

    private const string Grains = "grains";
    private const string Local = "local";
}
