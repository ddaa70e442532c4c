using Simulation.Model.Economics;
using Simulation.Model.Scenarios;
using Simulation.Tests.Shared;

namespace Simulation.Model.Tests.Economics;

public sealed class ExportSharesTests
{
    private static readonly Sector Goods = new("goods", 1.5, 1.5, double.PositiveInfinity);

    [Fact]
    public void Shares_are_each_partners_value_over_the_total_and_the_largest_partner_is_named()
    {
        // 100 to IDN and 50 to USA: IDN takes 100/150 = 2/3, USA 50/150 = 1/3.
        var shares = ExportShares.Of(new Dictionary<string, double> { ["USA"] = 50, ["IDN"] = 100 });

        shares.Shares.Should().Equal(new Dictionary<string, double> { ["IDN"] = 100.0 / 150, ["USA"] = 50.0 / 150 });
        shares.Shares.Keys.Should().Equal("IDN", "USA");
        shares.LargestPartner.Should().Be("IDN");
        shares.LargestPartnerShare.Should().Be(100.0 / 150);
    }

    [Fact]
    public void A_tie_for_largest_partner_goes_to_the_id_that_sorts_first()
    {
        var shares = ExportShares.Of(new Dictionary<string, double> { ["USA"] = 10, ["CHN"] = 10, ["IDN"] = 5 });

        shares.LargestPartner.Should().Be("CHN");
        shares.LargestPartnerShare.Should().Be(0.4, "10 of 25");
    }

    [Fact]
    public void A_country_without_exports_has_no_shares_and_no_largest_partner()
    {
        var shares = ExportShares.Of(new Dictionary<string, double> { ["USA"] = 0 });

        shares.Shares.Should().BeEmpty();
        shares.LargestPartner.Should().BeNull();
        shares.LargestPartnerShare.Should().Be(0);
    }

    [Fact]
    public void Shares_after_a_tariff_cut_follow_the_solved_values()
    {
        // Case C of market-model-cases.csv: IDN cuts CAN's 10% to 0, so CAN's exports to IDN rise
        // from 100 to the case's new value; its 50 to the USA (duty-free, alone in its market) stay.
        var idn = new Market(new MarketKey("IDN", "goods"), Goods, [new MarketSupplier("CAN", 100, 10), new MarketSupplier("ROW", 400, 10)]);
        var usa = new Market(new MarketKey("USA", "goods"), Goods, [new MarketSupplier("CAN", 50, 0)]);
        var accounts = TradeAccounts.For("CAN", [CesMarketModel.Solve(idn, [0, 10]), CesMarketModel.Solve(usa, [0])]);
        var caseC = MarketModelCases.Get("C").NewBeneficiaryValue!.Value;

        accounts.SharesBefore.Shares["IDN"].Should().BeApproximately(2.0 / 3, 1e-12);
        accounts.SharesAfter.Shares["IDN"].Should().BeApproximately(caseC / (caseC + 50), 1e-9);
        accounts.SharesAfter.Shares["USA"].Should().BeApproximately(50 / (caseC + 50), 1e-9);
        accounts.SharesAfter.Shares.Values.Sum().Should().BeApproximately(1, 1e-12);
        accounts.SharesAfter.LargestPartner.Should().Be("IDN");
        accounts.SharesAfter.LargestPartnerShare.Should().BeApproximately(caseC / (caseC + 50), 1e-9);
    }
}
