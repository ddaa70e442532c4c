using Simulation.Model.Determinism;
using Simulation.Model.Economics;
using Simulation.Model.Genius;
using Simulation.Model.Input;
using Simulation.Model.Negotiation;
using Simulation.Model.Scenarios;
using Simulation.Tests.Shared;

namespace Simulation.Model.Tests.Genius;

/// <summary>GENIUS domains and profiles (written here, see <see cref="GeniusFiles"/>) become units: utility scenarios.</summary>
public sealed class GeniusImportTests : IDisposable
{
    private readonly string scratch = Directory.CreateTempSubdirectory("tradesim-genius-").FullName;

    public void Dispose() => Directory.Delete(scratch, recursive: true);

    [Fact]
    public void Utilities_are_GENIUS_linear_additive_utilities_computed_by_hand()
    {
        var (domain, buyer, seller) = GeniusFiles.WriteAll(scratch);

        var imported = GeniusImport.Read(domain, [buyer, seller]);
        var scenario = ScenarioLoader.Parse(GeniusScenarioYaml.Write(imported, domain), "office.yaml");
        var agenda = TariffAgenda.For(scenario.Negotiations.Single());
        var values = agenda.ValuesFor([scenario.Country("buyer"), scenario.Country("seller")], World.FromScenario(scenario), scenario.Model);
        var (b, s) = (NegotiatorPreferences.InUtility(values[0]), NegotiatorPreferences.InUtility(values[1]));

        // u(ω) = Σ_i w_i · eval_i(ω_i) / max eval_i.
        // Buyer, (fair, 4 weeks): 0.6 · 3/4 + 0.4 · 2/5 = 0.45 + 0.16 = 0.61.
        b.Utility(Outcome.Of(1, 1)).Should().BeApproximately(0.61, 1e-12);
        // Buyer, (cheap, 1 week): 0.6 · 4/4 + 0.4 · 5/5 = 1; (dear, 4 weeks): 0.6 · 1/4 + 0.4 · 2/5 = 0.15 + 0.16 = 0.31.
        b.Utility(Outcome.Of(0, 0)).Should().BeApproximately(1, 1e-12);
        (b.MinUtility, b.MaxUtility).Should().Match<(double Min, double Max)>(m => Math.Abs(m.Min - 0.31) < 1e-12 && Math.Abs(m.Max - 1) < 1e-12);
        // Seller, (fair, 4 weeks): 0.7 · 3/4 + 0.3 · 2/2 = 0.525 + 0.3 = 0.825; (cheap, 1 week): 0.7 · 1/4 + 0.3 · 1/2 = 0.175 + 0.15 = 0.325.
        s.Utility(Outcome.Of(1, 1)).Should().BeApproximately(0.825, 1e-12);
        s.Utility(Outcome.Of(0, 0)).Should().BeApproximately(0.325, 1e-12);

        scenario.InUtilityUnits.Should().BeTrue();
        scenario.Countries.Select(c => (c.Id, c.Reservation)).Should().Equal(("buyer", 0.3), ("seller", 0.2));
        // GENIUS's d = 0.9 applies over the whole deadline; per offer over 2 parties × 60 rounds = 120
        // turns it is 0.9^(1/120) = 0.999122..., so 120 offers discount by 0.9 in all.
        scenario.Rounds.Should().Be(60);
        scenario.Country("buyer").Discount!.Value.Should().BeApproximately(0.99912239, 1e-8);
        Math.Pow(scenario.Country("buyer").Discount!.Value, 120).Should().BeApproximately(0.9, 1e-12);
        scenario.Country("seller").Discount.Should().BeNull();
        var negotiation = scenario.Negotiations.Single();
        (negotiation.Id, negotiation.Protocol).Should().Be(("office", "alternating-offers"));
        negotiation.Parties.Should().Equal("buyer", "seller");
        agenda.Describe(Outcome.Of(2, 1)).Should().Equal(new DiscreteDescription("Price", "dear"), new DiscreteDescription("Delivery", "4 weeks"));
    }

    [Fact]
    public void More_than_two_profiles_make_a_stacked_alternating_offers_negotiation_in_the_order_given()
    {
        var (domain, buyer, seller) = GeniusFiles.WriteAll(scratch);
        var agent = GeniusFiles.Write(scratch, "Agent_3.xml", GeniusFiles.Seller);

        var imported = GeniusImport.Read(domain, [seller, agent, buyer]);

        imported.Parties.Select(p => p.Id).Should().Equal("seller", "Agent3", "buyer");
        imported.Protocol.Should().Be("stacked-alternating-offers");
        GeniusScenarioYaml.Write(imported, domain).Should().Contain("    protocol: stacked-alternating-offers\n");
    }

    [Fact]
    public void Profiles_whose_file_names_give_the_same_party_are_refused()
    {
        var (domain, buyer, _) = GeniusFiles.WriteAll(scratch);
        var twin = GeniusFiles.Write(scratch, "b-uyer.xml", GeniusFiles.Buyer);

        var errors = Errors(() => GeniusImport.Read(domain, [buyer, twin]));

        errors.Should().ContainSingle().Which.Should().Be(new InputError(twin, null, null, "",
            $"the party would be named 'buyer', as for {buyer}; rename one of the files (parties are named after the letters and digits of their file names)"));
    }

    [Fact]
    public void Every_mistake_of_every_profile_is_reported_at_once_with_file_and_line()
    {
        var (domain, _, _) = GeniusFiles.WriteAll(scratch);
        // Line 6: a negative evaluation; every evaluation of Delivery is 0, which GENIUS reads as 0 throughout (not an
        // error); line 12: no weight for index 2
        // (the line of the objective, 2, is where it is reported); line 13: an issue the domain does not have.
        var broken = GeniusFiles.Write(scratch, "broken.xml", GeniusFiles.Buyer
            .Replace("value=\"dear\" evaluation=\"1\"", "value=\"dear\" evaluation=\"-1\"", StringComparison.Ordinal)
            .Replace("evaluation=\"5\"", "evaluation=\"0\"", StringComparison.Ordinal)
            .Replace("evaluation=\"2\"></item>", "evaluation=\"0\"></item>", StringComparison.Ordinal)
            .Replace("<weight index=\"2\" value=\"0.4\"></weight>", "<issue index=\"7\" name=\"Colour\"></issue>", StringComparison.Ordinal));
        var renamed = GeniusFiles.Write(scratch, "renamed.xml", GeniusFiles.Seller.Replace("name=\"Delivery\"", "name=\"Shipping\"", StringComparison.Ordinal));

        var errors = Errors(() => GeniusImport.Read(domain, [broken, renamed]));

        errors.Select(e => (Path.GetFileName(e.File), e.Line, e.Message)).Should().Equal(
            ("broken.xml", 2, "issue 'Delivery' (index 2) has no weight"),
            ("broken.xml", 6, "value 'dear' of issue 'Price': the evaluation must be a number ≥ 0, got '-1'"),
            ("broken.xml", 13, "issue 'Colour' (index 7) is not in the domain (its issues: 1 'Price', 2 'Delivery')"),
            ("renamed.xml", 2, "the profile does not evaluate issue 'Delivery' of the domain"),
            ("renamed.xml", 8, "issue index 2 is 'Delivery' in the domain but 'Shipping' here"));
    }

    [Fact]
    public void A_missing_weight_value_or_evaluation_and_an_out_of_range_reservation_are_named()
    {
        var (domain, _, _) = GeniusFiles.WriteAll(scratch);
        var broken = GeniusFiles.Write(scratch, "broken.xml", GeniusFiles.Buyer
            .Replace("<weight index=\"1\" value=\"0.6\">", "<weight index=\"1\">", StringComparison.Ordinal)
            .Replace("value=\"fair\" evaluation=\"3\"", "value=\"fair\"", StringComparison.Ordinal)
            .Replace("<reservation value=\"0.3\">", "<reservation value=\"1.5\">", StringComparison.Ordinal)
            .Replace("<discount_factor value=\"0.9\">", "<discount_factor value=\"none\">", StringComparison.Ordinal));
        var (_, buyer, _) = GeniusFiles.WriteAll(scratch);

        var errors = Errors(() => GeniusImport.Read(domain, [buyer, broken]));

        errors.Select(e => (e.Line, e.Message)).Should().Equal(
            (2, "issue 'Price' (index 1) has no weight"),
            (5, "value 'fair' of issue 'Price' has no evaluation"),
            (12, "the weight of issue index 1 must be a number ≥ 0, got ''"),
            (15, "discount_factor must be a number, got 'none'"),
            (16, "reservation must be a reservation value from 0 to 1, got '1.5'"));
    }

    [Fact]
    public void A_domain_with_an_issue_type_GENIUS_does_not_have_or_a_non_GENIUS_root_is_refused()
    {
        var real = GeniusFiles.Write(scratch, "real.xml", GeniusFiles.Domain.Replace("name=\"Delivery\" vtype=\"discrete\" type=\"discrete\"", "name=\"Delivery\" vtype=\"price\" type=\"price\"", StringComparison.Ordinal));
        var html = GeniusFiles.Write(scratch, "page.xml", "<html><body/></html>");
        var (_, buyer, seller) = GeniusFiles.WriteAll(scratch);

        Errors(() => GeniusImport.Read(real, [buyer, seller])).Should().ContainSingle()
            .Which.Should().Be(new InputError(real, 9, 2, "", "issue 'Delivery' is of type 'price'; GENIUS's types are discrete, integer and real"));
        Errors(() => GeniusImport.Read(html, [buyer, seller])).Should().ContainSingle()
            .Which.Should().Be(new InputError(html, 1, 2, "", "not a GENIUS domain: expected a negotiation_template or utility_space element, got <html>"));
    }

    [Fact]
    public void A_billion_laughs_DTD_is_refused_before_any_entity_expands()
    {
        var laughs = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n" +
            string.Concat(Enumerable.Range(1, 9).Select(i => $" <!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat($"&lol{(i == 1 ? "" : (i - 1).ToString(System.Globalization.CultureInfo.InvariantCulture))};", 10))}\">\n")) +
            "]>\n<negotiation_template>&lol9;</negotiation_template>\n";
        var domain = GeniusFiles.Write(scratch, "lol.xml", laughs);
        var (_, buyer, seller) = GeniusFiles.WriteAll(scratch);

        var error = Errors(() => GeniusImport.Read(domain, [buyer, seller])).Should().ContainSingle().Subject;

        error.File.Should().Be(domain);
        error.Line.Should().Be(2);
        error.Message.Should().StartWith("the file has a DOCTYPE (DTD); GENIUS files have none, and DTDs are refused");
    }

    [Fact]
    public void An_external_entity_is_never_read()
    {
        var secret = GeniusFiles.Write(scratch, "secret.txt", "the secret");
        var xxe = $"<?xml version=\"1.0\"?>\n<!DOCTYPE t [ <!ENTITY x SYSTEM \"file://{secret}\"> ]>\n" +
            "<utility_space><objective name=\"&x;\"/></utility_space>\n";
        var (domain, buyer, _) = GeniusFiles.WriteAll(scratch);
        var profile = GeniusFiles.Write(scratch, "spy.xml", xxe);

        var errors = Errors(() => GeniusImport.Read(domain, [buyer, profile]));

        errors.Should().ContainSingle().Which.Message.Should().StartWith("the file has a DOCTYPE (DTD)");
        errors.Single().Message.Should().NotContain("the secret");
    }

    [Fact]
    public void Files_over_the_size_limit_or_nesting_too_deep_are_refused_with_the_limit()
    {
        var (domain, buyer, _) = GeniusFiles.WriteAll(scratch);
        var huge = Path.Combine(scratch, "huge.xml");
        using (var file = File.Create(huge))
        {
            file.SetLength(GeniusLimits.MaxFileBytes + 1);
        }

        var deep = GeniusFiles.Write(scratch, "deep.xml",
            "<utility_space>\n" + string.Concat(Enumerable.Repeat("<a>", 40)) + string.Concat(Enumerable.Repeat("</a>", 40)) + "</utility_space>");

        Errors(() => GeniusImport.Read(domain, [buyer, huge])).Should().ContainSingle().Which.Should().Be(
            new InputError(huge, null, null, "", $"the file is {GeniusLimits.MaxFileBytes + 1} bytes; at most {GeniusLimits.MaxFileBytes} are accepted"));
        Errors(() => GeniusImport.Read(domain, [buyer, deep])).Should().ContainSingle().Which.Message.Should().Be(
            $"elements nest deeper than {GeniusLimits.MaxDepth} levels, the most accepted (GENIUS files nest about 5)");
    }

    [Fact]
    public void Malformed_XML_names_file_line_and_what_is_wrong()
    {
        var (domain, buyer, _) = GeniusFiles.WriteAll(scratch);
        var malformed = GeniusFiles.Write(scratch, "cut.xml", "<utility_space>\n<objective>\n</utility_space>\n");

        var error = Errors(() => GeniusImport.Read(domain, [buyer, malformed])).Should().ContainSingle().Subject;

        (error.File, error.Line).Should().Be((malformed, 3));
        error.Message.Should().StartWith("not well-formed XML: ");
    }

    [Fact]
    public void An_imported_domain_negotiates_to_the_agreement_traced_by_hand()
    {
        // The seats a run gives both parties (linear, the default; economic opponent model = the
        // other's public values), played under alternating offers for the default 60 rounds.
        // Utilities (buyer, seller) of (Price, Delivery), from the hand computation above:
        //   (cheap, 1 week) 1.00/0.325, (cheap, 4 weeks) 0.76/0.475, (fair, 1 week) 0.85/0.675,
        //   (fair, 4 weeks) 0.61/0.825, (dear, 1 week) 0.55/0.85, (dear, 4 weeks) 0.31/1.00.
        // Linear targets, turn m+1 at t = m/120: buyer τ = 1 − 0.69t (Pmin = its lowest, 0.31),
        // seller τ = 1 − 0.675t (0.325). The seller's target first admits (fair, 1 week), 0.675,
        // at m = 59 (τ = 0.6681; at m = 57 it was 0.6794); on turn 60 the buyer's standing offer
        // (its turn-59 bid at τ = 0.6665: of (cheap, 1 week) and (fair, 1 week), the one the
        // seller likes more) is (fair, 1 week), worth 0.675 to the seller, as much as its own
        // next offer (fair, 1 week): AC_next accepts in round 30.
        var (domain, buyer, seller) = GeniusFiles.WriteAll(scratch);
        var scenario = ScenarioLoader.Parse(GeniusScenarioYaml.Write(GeniusImport.Read(domain, [buyer, seller]), domain), "office.yaml");
        var negotiation = scenario.Negotiations.Single();
        var world = World.FromScenario(scenario);
        var seats = negotiation.Parties.ToDictionary(p => p, p => NegotiationSeat.Take(scenario, negotiation, p, world));
        var protocol = new AlternatingOffersProtocol(negotiation.Id, negotiation.Parties, negotiation.First, negotiation.Rounds);

        while (protocol.IsActive)
        {
            var party = protocol.NextParty;
            protocol.Apply(party, seats[party].Negotiator.Decide(protocol.ContextFor(party), SeededRandom.For(scenario.Seed, negotiation.Id, party)));
        }

        protocol.Status.Should().Be(NegotiationStatus.Agreed);
        protocol.AgreementRound.Should().Be(30);
        seats["buyer"].Agenda.Describe(protocol.Agreement!).Should().Equal(new DiscreteDescription("Price", "fair"), new DiscreteDescription("Delivery", "1 week"));
        seats["buyer"].Preferences.Utility(protocol.Agreement!).Should().BeApproximately(0.85, 1e-12);
        seats["seller"].Preferences.Utility(protocol.Agreement!).Should().BeApproximately(0.675, 1e-12);
    }

    private static IReadOnlyList<InputError> Errors(Action act) =>
        act.Should().Throw<InvalidInputException>().Which.Errors;
}
