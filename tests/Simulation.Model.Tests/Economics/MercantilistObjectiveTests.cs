using Simulation.Model.Economics.Objectives;
using Simulation.Model.Economics;
using Simulation.Model.Scenarios;
using Simulation.Tests.Shared;

namespace Simulation.Model.Tests.Economics;

public sealed class MercantilistObjectiveTests
{
    private static readonly Sector Goods = new("goods", 1.5, 1.5, double.PositiveInfinity);

    [Fact]
    public void Exports_count_as_gains_and_imports_as_concessions()
    {
        // Case C of market-model-cases.csv, with CAN as the beneficiary exporter into IDN:
        // CAN's exports rise by 15.368973, IDN's imports by the same amount (others stay at 400).
        var market = new Market(new MarketKey("IDN", "goods"), Goods,
            [new MarketSupplier("CAN", 100, 10), new MarketSupplier("ROW", 400, 10)]);
        var solutions = new[] { CesMarketModel.Instance.SolveSector(new SectorMarkets(Goods, [market]), CutFor("CAN")) };

        // Case C of market-model-cases.csv: the beneficiary's exports rise from 100 to its new M.
        var exportsGained = MarketModelCases.Get("C").NewBeneficiaryValue!.Value - 100;
        Mercantilist("CAN", solutions).Should().BeApproximately(exportsGained, 1e-6);
        Mercantilist("IDN", solutions).Should().BeApproximately(-exportsGained, 1e-6);
        Mercantilist("ROW", solutions).Should().BeApproximately(0, 1e-6);
    }

    [Fact]
    public void Trade_accounts_split_exports_by_partner()
    {
        var idn = new Market(new MarketKey("IDN", "goods"), Goods, [new MarketSupplier("CAN", 100, 10), new MarketSupplier("ROW", 400, 10)]);
        var usa = new Market(new MarketKey("USA", "goods"), Goods, [new MarketSupplier("CAN", 50, 0)]);
        var effects = new[] { CesMarketModel.Solve(idn, [0, 10]), CesMarketModel.Solve(usa, [0]) };

        var accounts = TradeAccounts.For("CAN", effects);

        accounts.ExportsBefore.Should().Equal(new Dictionary<string, double> { ["IDN"] = 100, ["USA"] = 50 });
        var caseC = MarketModelCases.Get("C").NewBeneficiaryValue!.Value;
        accounts.ExportsAfter["IDN"].Should().BeApproximately(caseC, 1e-6);
        accounts.ExportsAfter["USA"].Should().Be(50);
        accounts.ExportsChange.Should().BeApproximately(caseC - 100, 1e-6);
        accounts.ImportsChange.Should().Be(0);
    }

    /// <summary>The tariffs of case C: the beneficiary's 10% goes to 0, everyone else keeps 10%.</summary>
    private static Func<TariffLine, double> CutFor(string beneficiary) => line => line.Exporter == beneficiary ? 0 : 10;

    private static double Mercantilist(string country, IEnumerable<SectorSolution> solutions) =>
        CountryMeasures.For(new Country(country, country, true, MercantilistObjective.Instance, StrategySpec.Default), solutions).MercantilistValue;
}
