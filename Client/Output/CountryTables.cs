using Simulation.Model.Reporting;
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

    /// <summary>
    /// The effective rate of protection of each sector a country makes with inputs (DESIGN §3.2),
    /// before and after: one row per country and sector; null when no country has inputs.
    /// </summary>
    public static Table? EffectiveProtection(IReadOnlyList<CountryOutcome> countries)
    {
        if (!countries.Any(c => c.EffectiveProtection is { Count: > 0 }))
        {
            return null;
        }

        var table = new Table().Title("Effective protection of linked sectors (%)").Border(TableBorder.Rounded)
            .Caption("ERP = (t_s − Σ a_k t_k)/(1 − Σ a_k), t import-weighted tariffs on the sector and its inputs")
            .AddColumns("Country", "Sector", "Before", "After");
        foreach (var column in table.Columns.Skip(2))
        {
            column.RightAligned();
        }

        foreach (var country in countries)
        {
            foreach (var rate in country.EffectiveProtection ?? [])
            {
                table.AddRow(TerminalText.Markup(country.Id), TerminalText.Markup(rate.Sector), Numbers.Format(rate.Before, Numbers.Tariff), Numbers.Format(rate.After, Numbers.Tariff));
            }
        }

        return table;
    }

    /// <summary>
    /// Each country's exports to each partner before (base data) and after, with the partner's share
    /// of the country's total, and a closing row per country naming its largest partner and share.
    /// </summary>
    public static Table Exports(IReadOnlyList<CountryOutcome> countries)
    {
        var table = new Table().Title("Countries: exports by partner").Border(TableBorder.Rounded)
            .Caption("share: the partner's share of the country's total exports, before → after")
            .AddColumns("Country", "Partner", "Before", "After", "Share");
        foreach (var column in table.Columns.Skip(2))
        {
            column.RightAligned();
        }

        foreach (var country in countries)
        {
            var exports = country.Exports;
            if (exports.Before.Count == 0)
            {
                continue;
            }

            foreach (var (partner, before) in exports.Before)
            {
                table.AddRow(
                    TerminalText.Markup(country.Id),
                    TerminalText.Markup(partner),
                    Numbers.Format(before, Numbers.Money),
                    Numbers.Format(exports.After.GetValueOrDefault(partner), Numbers.Money),
                    $"{ShareOf(exports.ShareBefore, partner)} → {ShareOf(exports.ShareAfter, partner)}");
            }

            table.AddRow(
                TerminalText.Markup(country.Id),
                "largest partner",
                "",
                "",
                TerminalText.Markup($"{Largest(exports.LargestBefore)} → {Largest(exports.LargestAfter)}"));
        }

        return table;
    }

    /// <summary>
    /// Each country's sales outside the markets listed, by sector (a <c>supply:</c> total above its listed
    /// sales, DESIGN §3.2), before and after at world prices; null when no country has any, so that a
    /// report without totals stays as it was.
    /// </summary>
    public static Table? Elsewhere(IReadOnlyList<CountryOutcome> countries)
    {
        var rows = countries.Where(c => c.Elsewhere is { Count: > 0 }).ToList();
        if (rows.Count == 0)
        {
            return null;
        }

        var table = new Table().Title("Countries: sales elsewhere").Border(TableBorder.Rounded)
            .Caption("sales outside the markets listed (a supply: total less the listed sales), not exports; producers' surplus counts them")
            .AddColumns("Country", "Sector", "Before", "After");
        foreach (var column in table.Columns.Skip(2))
        {
            column.RightAligned();
        }

        foreach (var country in rows)
        {
            foreach (var (sector, sales) in country.Elsewhere!)
            {
                table.AddRow(
                    TerminalText.Markup(country.Id),
                    TerminalText.Markup(sector),
                    Numbers.Format(sales.Before, Numbers.Money),
                    Numbers.Format(sales.After, Numbers.Money));
            }
        }

        return table;
    }

    /// <summary>
    /// How concentrated each country's exports are: its largest partner in the base data, that
    /// partner's share before → after, and the share of exports going anywhere else before → after
    /// (1 − the partner's share; for Canada, its exports outside the US). The partner is held at the
    /// base data's largest so that before and after measure the same thing; when another partner is
    /// the largest after the run, the row says so. Countries exporting to one partner only, before
    /// and after, have nothing outside it and are left out.
    /// </summary>
    public static Table OutsideLargestPartner(IReadOnlyList<CountryOutcome> countries)
    {
        var table = new Table().Title("Countries: exports outside the largest partner").Border(TableBorder.Rounded)
            .Caption("the largest partner in the base data; outside it: the share of exports going to every other partner, before → after")
            .AddColumns("Country", "Largest partner", "Its share", "Outside it", "Largest after");
        foreach (var column in table.Columns.Skip(2).Take(2))
        {
            column.RightAligned();
        }

        foreach (var country in countries)
        {
            var exports = country.Exports;
            if (exports.LargestBefore is not { } largest || (exports.ShareBefore.Count < 2 && exports.ShareAfter.Count(s => s.Value > 0) < 2))
            {
                continue;
            }

            var after = exports.ShareAfter.GetValueOrDefault(largest.Partner);
            table.AddRow(
                TerminalText.Markup(country.Id),
                TerminalText.Markup(largest.Partner),
                $"{Numbers.Format(largest.Share, Numbers.Share)} → {Numbers.Format(after, Numbers.Share)}",
                $"{Numbers.Format(1 - largest.Share, Numbers.Share)} → {Numbers.Format(1 - after, Numbers.Share)}",
                exports.LargestAfter is { } now && now.Partner != largest.Partner ? TerminalText.Markup(now.Partner) : "same");
        }

        return table;
    }

    private static string ShareOf(IReadOnlyDictionary<string, double> shares, string partner) =>
        shares.TryGetValue(partner, out var share) ? Numbers.Format(share, Numbers.Share) : "–";

    private static string Largest(LargestPartner? largest) =>
        largest is null ? "none" : $"{largest.Partner} {Numbers.Format(largest.Share, Numbers.Share)}";
}
