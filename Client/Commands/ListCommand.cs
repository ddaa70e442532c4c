using System.ComponentModel;
using Simulation.Client.Listing;
using Simulation.Model.Scenarios;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Simulation.Client.Commands;

/// <summary>
/// <c>tradesim list [KIND]</c>: the protocols, strategies, market models, objectives and event types a
/// scenario can name, with their parameters, ranges and defaults, read from the registries.
/// <c>--schema</c> prints scenarios/schema.json as the registries generate it.
/// </summary>
public sealed class ListCommand : Command<ListCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "[KIND]")]
        [Description("protocols, strategies, models, objectives or events; all when absent.")]
        public string? Kind { get; init; }

        [CommandOption("--format <FORMAT>")]
        [Description("table (default: tables on a terminal, plain lines otherwise) or json.")]
        [DefaultValue("table")]
        public string Format { get; init; } = "table";

        [CommandOption("--schema")]
        [Description("Print the scenario JSON Schema generated from the registries (scenarios/schema.json) instead.")]
        public bool Schema { get; init; }

        public override ValidationResult Validate()
        {
            if (Kind is { } kind && !Registries.Kinds.Contains(kind, StringComparer.Ordinal))
            {
                var hint = Suggestion.Closest(kind, Registries.Kinds) is { } close ? $"; did you mean '{close}'?" : "";
                return ValidationResult.Error($"unknown kind '{Output.TerminalText.Safe(kind)}': expected one of {string.Join(", ", Registries.Kinds)}{hint}");
            }

            if (Format is not ("table" or "json"))
            {
                return OptionValue.Error("--format", Format, "expected table or json");
            }

            return Schema && (Kind is not null || Format != "table")
                ? ValidationResult.Error("--schema prints the whole schema: give it no kind and no --format")
                : ValidationResult.Success();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellation)
    {
        if (settings.Schema)
        {
            Console.Out.Write(ScenarioSchema.Generate());
            return TradeSimApp.Done;
        }

        var kinds = settings.Kind is { } kind ? [kind] : Registries.Kinds;
        var sections = kinds.SelectMany(k => Registries.Of(k).Select(section => (Kind: k, Section: section))).ToList();
        if (settings.Format == "json")
        {
            Console.Out.Write(RegistryText.Json(sections));
        }
        else if (Console.IsOutputRedirected)
        {
            Console.Out.Write(RegistryText.Plain([.. sections.Select(s => s.Section)]));
        }
        else
        {
            RegistryText.Tables(AnsiConsole.Console, [.. sections.Select(s => s.Section)]);
        }

        return TradeSimApp.Done;
    }
}
