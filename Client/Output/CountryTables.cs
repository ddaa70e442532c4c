using Simulation.Grains.Abstractions.Outcomes;
using Spectre.Console;

namespace Simulation.Client.Output;

/// <summary>Countries' objectives and welfare accounts as tables, for `run` and `evaluate` alike.</summary>
public static class CountryTables
{
    public static Table Objectives(IReadOnlyList<CountryOutcome> countries)
    {
        var table = new Table().Title("Countries: objectives (change from the base data)").Border(TableBorder.Rounded)
            .AddColumns("Country", "Objective", "Value", "Mercantilist", "Welfare", "Political");
        foreach (var column in table.Columns.Skip(2))
        {
            column.RightAligned();
        }

        foreach (var country in countries)
        {
            table.AddRow(
                TerminalText.Markup(country.Id),
                country.Objective.Kind,
                Numbers.Format(country.Objective.Value, Numbers.Money),
                Numbers.Format(country.Measures.Mercantilist, Numbers.Money),
                Numbers.Format(country.Measures.Welfare, Numbers.Money),
                Numbers.Format(country.Measures.Political, Numbers.Money));
        }

        return table;
    }

    public static Table Accounts(IReadOnlyList<CountryOutcome> countries)
    {
        var table = new Table().Title("Countries: trade and welfare").Border(TableBorder.Rounded)
            .Caption("ΔCS consumer surplus · ΔTR tariff revenue · ΔPS producer surplus · ΔW = ΔCS + ΔTR + ΔPS")
            .AddColumns("Country", "Exports Δ", "Imports Δ", "ΔCS", "ΔTR", "ΔPS", "ΔW");
        foreach (var column in table.Columns.Skip(1))
        {
            column.RightAligned();
        }

        foreach (var country in countries)
        {
            table.AddRow(
                TerminalText.Markup(country.Id),
                Numbers.Format(country.ExportsChange, Numbers.Money),
                Numbers.Format(country.ImportsChange, Numbers.Money),
                Numbers.Format(country.Welfare.ConsumerSurplus, Numbers.Money),
                Numbers.Format(country.Welfare.TariffRevenue, Numbers.Money),
                Numbers.Format(country.Welfare.ProducerSurplus, Numbers.Money),
                Numbers.Format(country.Welfare.Total, Numbers.Money));
        }

        return table;
    }
}
