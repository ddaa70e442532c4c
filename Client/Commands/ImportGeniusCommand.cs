using System.ComponentModel;
using Simulation.Client.Output;
using Simulation.Model.Genius;
using Simulation.Model.Scenarios;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Simulation.Client.Commands;

/// <summary>
/// `tradesim import-genius DOMAIN.xml PROFILE.xml... --out SCENARIO.yaml`: a GENIUS domain and its
/// parties' linear-additive profiles become a <c>units: utility</c> scenario (DESIGN §4.2, §6.5). Bad
/// or hostile XML, or files whose scenario `validate` would refuse, are an input error (exit 2), and
/// then nothing is written; what GENIUS reads differently from the scenario (a real issue's
/// discretisation, a discarded discount, weights above 1) is a warning on stderr and a comment in the file.
/// </summary>
public sealed class ImportGeniusCommand : AsyncCommand<ImportGeniusCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<DOMAIN>")]
        [Description("The GENIUS domain file (negotiation_template with discrete, integer or real issues).")]
        public string Domain { get; init; } = "";

        [CommandArgument(1, "<PROFILE>")]
        [Description("Linear-additive profile files, one per party, in the order the parties take; at least two.")]
        public string[] Profiles { get; init; } = [];

        [CommandOption("--out <FILE>")]
        [Description("The scenario file to write (YAML). Required.")]
        public string? Out { get; init; }

        public override ValidationResult Validate()
        {
            if (Out is null)
            {
                return ValidationResult.Error("--out is required: the scenario file to write, e.g. --out scenario.yaml");
            }

            return Profiles.Length < 2
                ? ValidationResult.Error($"a negotiation needs at least 2 profiles, got {Profiles.Length}")
                : ValidationResult.Success();
        }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellation)
    {
        var output = OutputFile.Check("--out", settings.Out!, "scenario.yaml");
        if (new[] { settings.Domain }.Concat(settings.Profiles).FirstOrDefault(output.Replaces) is { } input)
        {
            throw new UsageException($"--out '{TerminalText.Safe(settings.Out!)}' is the input file '{TerminalText.Safe(input)}'; writing would replace it");
        }

        var scenario = GeniusImport.Read(settings.Domain, settings.Profiles);
        var yaml = GeniusScenarioYaml.Write(scenario, settings.Domain);
        await output.WriteAsync(yaml, cancellation);
        foreach (var warning in scenario.Warnings)
        {
            Console.Error.WriteLine(TerminalText.Safe($"warning: {warning}"));
        }

        Console.Error.WriteLine(
            $"wrote {TerminalText.Safe(settings.Out!)}: {scenario.Parties.Count} parties ({string.Join(", ", scenario.Parties.Select(p => p.Id))}), " +
            $"{scenario.Issues.Count} issues, protocol {scenario.Protocol}, units: {Scenario.UtilityUnits}");
        return TradeSimApp.Done;
    }
}
