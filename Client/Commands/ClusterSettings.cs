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

    public override ValidationResult Validate()
    {
        if (Gateway is not null && !Cluster.GatewayAddress.TryParse(Gateway, out _, out var problem))
        {
            return OptionValue.Error("--gateway", Gateway, problem);
        }

        return ValidationResult.Success();
    }
}
