using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Simulation.Client.Commands;

/// <summary>Options shared by commands that need a silo: the embedded one (default) or a running cluster's gateway.</summary>
public class ClusterSettings : CommandSettings
{
    [CommandOption("--gateway <HOST:PORT>")]
    [Description("Join a running silo through its gateway (e.g. 127.0.0.1:30000) instead of hosting one in-process.")]
    public string? Gateway { get; init; }

    [CommandOption("--connect-timeout <DURATION>")]
    [Description("With --gateway: how long to keep trying to reach it before failing, e.g. 15s, 500ms or 30 (seconds).")]
    [DefaultValue("15s")]
    public string ConnectTimeout { get; init; } = "15s";

    /// <summary>The connect timeout, once <see cref="Validate"/> has accepted it.</summary>
    public TimeSpan ConnectTimeoutValue => OptionValue.Duration(ConnectTimeout) ?? TimeSpan.Zero;

    /// <summary>The longest connect timeout accepted: past it a missing silo is not worth waiting for.</summary>
    private static readonly TimeSpan MaxConnectTimeout = TimeSpan.FromHours(1);

    public override ValidationResult Validate()
    {
        if (Gateway is not null && !Cluster.GatewayAddress.TryParse(Gateway, out _, out var problem))
        {
            return OptionValue.Error("--gateway", Gateway, problem);
        }

        if (OptionValue.Duration(ConnectTimeout) is not { } timeout || timeout <= TimeSpan.Zero || timeout > MaxConnectTimeout)
        {
            return OptionValue.Error("--connect-timeout", ConnectTimeout, "expected a duration from 1ms to 1 hour, such as 15s, 500ms or 30 (seconds)");
        }

        return ValidationResult.Success();
    }
}
