using System.ComponentModel;
using Simulation.Client.Output;
using Simulation.Model.Input;
using Simulation.Model.Scenarios;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Simulation.Client.Commands;

/// <summary>
/// `tradesim validate FILE...`: checks every file and reports every error, running nothing; a valid file's
/// warnings (<see cref="ScenarioWarnings"/>) follow its ok line and leave the exit code at 0.
/// </summary>
public sealed class ValidateCommand : Command<ValidateCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<FILE>")]
        [Description("Scenario files to check.")]
        public string[] Files { get; init; } = [];
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellation)
    {
        var errors = new List<InputError>();
        foreach (var file in settings.Files)
        {
            try
            {
                var scenario = ScenarioLoader.LoadFile(file);
                AnsiConsole.MarkupLineInterpolated(
                    $"[green]ok[/] {TerminalText.Safe(file)}: {TerminalText.Safe(scenario.Name)} ({scenario.Countries.Count} countries, {scenario.Trade.Count} trade flows, {scenario.Negotiations.Count} negotiations{(scenario.Estimates.Count > 0 ? $", {scenario.Estimates.Count} estimates" : "")})");
                foreach (var line in Warnings.Lines(ScenarioWarnings.Of(scenario).Select(warning => $"{file}: {warning}")))
                {
                    AnsiConsole.Write(line);
                }
            }
            catch (InvalidInputException invalid)
            {
                errors.AddRange(invalid.Errors);
            }
        }

        if (errors.Count == 0)
        {
            return TradeSimApp.Done;
        }

        Reports.Errors(errors);
        return TradeSimApp.InvalidInput;
    }
}
