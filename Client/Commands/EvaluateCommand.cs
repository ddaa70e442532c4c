using System.ComponentModel;
using Simulation.Client.Evaluation;
using Simulation.Client.Output;
using Simulation.Model.Economics;
using Simulation.Model.Scenarios;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Simulation.Client.Commands;

/// <summary>
/// `tradesim evaluate SCENARIO --set IMP:EXP:SECTOR=TARIFF ...`: the effects of tariff changes
/// on the scenario's world, without negotiating; a calculator in the manner of WITS-SMART.
/// </summary>
public sealed class EvaluateCommand : Command<EvaluateCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<SCENARIO>")]
        [Description("Scenario file whose world (trade, tariffs, elasticities) the changes apply to.")]
        public string Scenario { get; init; } = "";

        [CommandOption("--set <IMP:EXP:SECTOR=TARIFF>")]
        [Description("A tariff line of the scenario set to a level in percent; repeatable. SECTOR may be * for every line between the two.")]
        public string[] Set { get; init; } = [];

        [CommandOption("--model <MODEL>")]
        [Description("Market model: gsim, ces or smart; default: the scenario's.")]
        public string? Model { get; init; }

        [CommandOption("--format <FORMAT>")]
        [Description("table (default) or json.")]
        [DefaultValue("table")]
        public string Format { get; init; } = "table";

        public override ValidationResult Validate()
        {
            if (Model is not null && !MarketModels.Registry.Contains(Model))
            {
                return OptionValue.Error("--model", Model, $"expected one of {string.Join(", ", MarketModels.Registry.Names)}");
            }

            return Format is "table" or "json" ? ValidationResult.Success() : OptionValue.Error("--format", Format, "expected table or json");
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellation)
    {
        var scenario = ScenarioLoader.LoadFile(settings.Scenario);
        var changes = TariffSetting.Parse(settings.Set, scenario);
        var model = settings.Model is { } name ? MarketModels.Registry[name] : scenario.Model;
        var evaluation = TariffEvaluator.Evaluate(scenario, model, changes);

        if (settings.Format == "json")
        {
            Console.Out.Write(JsonOutput.Serialize(evaluation));
        }
        else
        {
            EvaluationTables.Write(AnsiConsole.Console, evaluation, scenario);
        }

        return TradeSimApp.Done;
    }
}
