using System.Globalization;

namespace Simulation.Tests.Shared;

/// <summary>
/// The single-market reference cases of <c>tests/data/market-model-cases.csv</c> (see
/// tests/data/README.md): an importer buying from a beneficiary and from others, tariffs as
/// fractions, outputs to 6 decimals; A and B with the Laird–Yeats/SMART form, C and D with exact
/// CES. Empty output cells are outputs the file does not give for that case.
/// </summary>
internal static class MarketModelCases
{
    private static readonly Lazy<IReadOnlyDictionary<string, MarketModelCase>> s_cases = new(Load);

    public static MarketModelCase Get(string id) => s_cases.Value[id];

    public static IReadOnlyCollection<string> Ids => s_cases.Value.Keys.ToList();

    private static IReadOnlyDictionary<string, MarketModelCase> Load()
    {
        var path = RepositoryPaths.ReferenceData("market-model-cases.csv");
        var lines = File.ReadAllLines(path).Where(l => l.Length > 0).ToList();
        var header = lines[0].Split(',');
        var cases = new Dictionary<string, MarketModelCase>(StringComparer.Ordinal);
        foreach (var line in lines.Skip(1))
        {
            var cells = line.Split(',');
            string Cell(string column) => Array.IndexOf(header, column) is var i and >= 0
                ? cells[i]
                : throw new InvalidDataException($"{path}: no column {column}");
            double Number(string column) => double.Parse(Cell(column), NumberStyles.Float, CultureInfo.InvariantCulture);
            double? Output(string column) => Cell(column) is { Length: > 0 } text ? double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture) : null;

            var c = new MarketModelCase(
                Cell("case"), Cell("method"),
                Number("M_beneficiary"), Number("M_others"),
                Number("t0_beneficiary"), Number("t1_beneficiary"), Number("t0_others"), Number("t1_others"),
                Number("import_demand_elasticity_abs"), Number("substitution_elasticity"),
                SupplyElasticity(Cell("export_supply_elasticity")),
                Output("out_trade_creation_beneficiary"), Output("out_relative_price_change"), Output("out_trade_diversion_to_beneficiary"),
                Output("out_new_M_beneficiary"), Output("out_new_M_others"),
                Output("out_TR0"), Output("out_TR1"), Output("out_dTR"), Output("out_welfare"));
            cases.Add(c.Id, c);
        }

        return cases;
    }

    /// <summary>"infinite" is ∞; "99(infinite)" is WITS's code 99, which SMART reads as infinite.</summary>
    private static double SupplyElasticity(string text) => text switch
    {
        "infinite" => double.PositiveInfinity,
        "99(infinite)" => 99,
        _ => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
    };
}

/// <summary>One row of market-model-cases.csv; tariffs are fractions as in the file.</summary>
internal sealed record MarketModelCase(
    string Id,
    string Method,
    double BeneficiaryValue,
    double OthersValue,
    double BeneficiaryTariffBefore,
    double BeneficiaryTariffAfter,
    double OthersTariffBefore,
    double OthersTariffAfter,
    double DemandElasticity,
    double SubstitutionElasticity,
    double SupplyElasticity,
    double? TradeCreation,
    double? RelativePriceChange,
    double? TradeDiversion,
    double? NewBeneficiaryValue,
    double? NewOthersValue,
    double? RevenueBefore,
    double? RevenueAfter,
    double? RevenueChange,
    double? Welfare);
