using Simulation.Model.Input;
using Simulation.Model.TradeData;

namespace Simulation.Model.Tests.TradeData;

/// <summary>
/// Product-level flows aggregated into sectors (<see cref="TradeImport"/>): expected lines are worked
/// out by hand in the comments from the small files each test writes.
/// </summary>
public sealed class TradeImportTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("import-trade-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_sector_tariff_is_the_import_weighted_average_of_its_products_and_the_simple_average_is_kept_beside_it()
    {
        // Into IDN from CAN, sector oil (prefix 1514, but 151419 has a row of its own going to "refined"):
        //   151411 v 300 at the MFN 10 (IDN,*,1514), 151490 v 100 at CAN's own 2 (IDN,CAN,15149).
        //   weighted (300·10 + 100·2) / 400 = 3200 / 400 = 8; simple (10 + 2) / 2 = 6; 2 products.
        // 151419 v 50 → sector refined, at the exact code's MFN row 4 (longer than 1514's 10).
        // From USA: 151411 v 20, no USA row → MFN 10.
        // 0301 (fish) has no concordance code: reported, not written.
        var flows = Write("flows.csv", "importer,exporter,product,value\nIDN,CAN,151411,300\nIDN,CAN,151490,100\nIDN,CAN,151419,50\nIDN,USA,151411,20\nIDN,CAN,0301,7\n");
        var map = Write("map.csv", "product,sector\n1514,oil\n151419,refined\n");
        var tariffs = Write("tariffs.csv", "importer,exporter,product,tariff\nIDN,*,1514,10\nIDN,*,151419,4\nIDN,CAN,15149,2\n");

        var import = Import(flows, map, tariffs);

        import.Lines.Should().Equal(
            new SectorLine("IDN", "CAN", "oil", 400, 8, 6, 2),
            new SectorLine("IDN", "CAN", "refined", 50, 4, 4, 1),
            new SectorLine("IDN", "USA", "oil", 20, 10, 10, 1));
        import.Unmapped.Should().Equal(new ProductFlow("IDN", "CAN", "0301", 7, 6));
        SectorTradeCsv.Write(import).Should().Be("importer,exporter,sector,value,tariff\nIDN,CAN,oil,400,8\nIDN,CAN,refined,50,4\nIDN,USA,oil,20,10\n");
    }

    [Fact]
    public void Comtrade_rows_are_directed_by_their_flow_code_and_values_can_be_divided_into_millions()
    {
        // CAN reports an export (X) to CHN: CHN imports from CAN. CHN reports an import (M) from AUS.
        // 2.5e9 and 1.25e8 US dollars / 1e6 = 2500 and 125 millions; without tariffs no tariff column.
        var flows = Write("comtrade.csv", "refYear,reporterISO,flowCode,partnerISO,cmdCode,primaryValue\n2024,CAN,X,CHN,120510,2500000000\n2024,CHN,M,AUS,120510,125000000\n");
        var map = Write("map.csv", "product,sector\n1205,canola_seed\n");

        var import = Import(flows, map, null, divideBy: 1e6);

        import.Lines.Should().Equal(
            new SectorLine("CHN", "AUS", "canola_seed", 125, null, null, 1),
            new SectorLine("CHN", "CAN", "canola_seed", 2500, null, null, 1));
        SectorTradeCsv.Write(import).Should().Be("importer,exporter,sector,value\nCHN,AUS,canola_seed,125\nCHN,CAN,canola_seed,2500\n");
    }

    [Fact]
    public void Without_a_flow_column_a_reporter_is_the_importer_and_other_names_are_mapped()
    {
        var comtrade = Write("imports.csv", "reporterISO,partnerISO,cmdCode,primaryValue\nCHN,CAN,120510,10\nCHN,CAN,120590,3\n");
        var described = Write("described.csv", "reporterISO,partnerISO,cmdCode,primaryValue,flowDesc\nCAN,CHN,120510,3,Export\n");
        var wits = Write("wits.csv", "Reporter,Partner,HS6,TradeValue\nCHN,CAN,120510,10\n");
        var map = Write("map.csv", "product,sector\n12,seeds\n");

        Import(comtrade, map, null).Lines.Should().Equal(new SectorLine("CHN", "CAN", "seeds", 13, null, null, 2));
        Import(described, map, null).Lines.Should().Equal([new SectorLine("CHN", "CAN", "seeds", 3, null, null, 1)], "flowDesc Export makes the partner the importer");

        var renamed = new Dictionary<string, string> { ["importer"] = "Reporter", ["exporter"] = "Partner", ["product"] = "HS6", ["value"] = "TradeValue" };
        Import(wits, map, null, renamed: renamed).Lines.Should().Equal(new SectorLine("CHN", "CAN", "seeds", 10, null, null, 1));
    }

    [Fact]
    public void Every_problem_of_the_three_files_is_reported_with_its_line()
    {
        var flows = Write("flows.csv", "importer,exporter,product,value\nCHN,CAN,120510,1,5e\nCHN,CAN,120510,2\nCHN,CAN,151411,\"1,000\"\nCHN,CHN,120510,3\n");
        var map = Write("map.csv", "product,sector\n1205,seed\n1205,canola\n");
        var tariffs = Write("tariffs.csv", "importer,exporter,product\n");
        var errors = new List<InputError>();

        ProductFlowsCsv.Read(flows, new Dictionary<string, string>(), errors);
        Concordance.Read(map, errors);
        TariffSchedule.Read(tariffs, errors);

        errors.Select(e => (Path.GetFileName(e.File), e.Line, e.Path, e.Message)).Should().Equal(
            ("flows.csv", 2, "", "the row has 5 fields but the header has 4: a decimal comma, or a comma inside an unquoted field?"),
            ("flows.csv", 3, "product", "a second flow of product 120510 from CAN to CHN (the first is at line 2): an importer's and an exporter's report of the same flow, or a partner 'World' total? keep one"),
            ("flows.csv", 4, "value", "value is not a number: '1,000' (write numbers with a '.' and no thousands separator)"),
            ("flows.csv", 5, "exporter", "importer and exporter are both 'CHN'; a flow is between two countries"),
            ("map.csv", 3, "product", "product 1205 is mapped twice (the first is at line 2)"),
            ("tariffs.csv", 1, "tariff", "missing column 'tariff' (the header has: importer, exporter, product)"));
    }

    [Fact]
    public void A_product_without_a_tariff_is_refused_with_the_count_and_value_of_all_such()
    {
        var flows = Write("flows.csv", "importer,exporter,product,value\nCHN,CAN,120510,2000000\nCHN,CAN,151411,500000\nCHN,CAN,230649,250000\n");
        var map = Write("map.csv", "product,sector\n1205,seed\n1514,oil\n2306,meal\n");
        var tariffs = Write("tariffs.csv", "importer,exporter,product,tariff\nCHN,*,1205,9\nCHN,AUS,1514,0\n");

        var act = () => Import(flows, map, tariffs, divideBy: 1e6);

        act.Should().Throw<InvalidInputException>().Which.Errors.Select(e => (e.Line, e.Message)).Should().Equal(
            (3, "no tariff for product 151411 into CHN from CAN: add a row to the tariffs, exporter * for the MFN rate"),
            (4, "no tariff for product 230649 into CHN from CAN: add a row to the tariffs, exporter * for the MFN rate"),
            ((int?)null, "2 products worth 0.75 in all have no tariff; nothing was written"));
    }

    [Fact]
    public void A_comtrade_row_that_is_neither_import_nor_export_is_refused()
    {
        var flows = Write("flows.csv", "reporterISO,flowCode,partnerISO,cmdCode,primaryValue\nCAN,RX,CHN,120510,1\n");
        var errors = new List<InputError>();

        ProductFlowsCsv.Read(flows, new Dictionary<string, string>(), errors);

        errors.Should().ContainSingle().Which.Should().Be(new InputError(flows, 2, null, "flow",
            "flow 'RX' is neither an import (M, Import) nor an export (X, Export); leave re-exports and re-imports out of the extract"));
    }

    private TradeImport Import(string flows, string map, string? tariffs, double divideBy = 1, IReadOnlyDictionary<string, string>? renamed = null)
    {
        var errors = new List<InputError>();
        var read = ProductFlowsCsv.Read(flows, renamed ?? new Dictionary<string, string>(), errors);
        var concordance = Concordance.Read(map, errors);
        var schedule = tariffs is null ? null : TariffSchedule.Read(tariffs, errors);
        errors.Should().BeEmpty();
        return TradeImport.Aggregate(read!, concordance!, schedule, divideBy, flows);
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }
}
