using Simulation.Model.Negotiation;

namespace Simulation.Model.Tests.Negotiation;

public sealed class ProtocolsTests
{
    private static ProtocolSetup Setup(params string[] parties) => new("N", parties, parties[0], 3, OutcomeSpace.Separable(2, 2), 1);

    [Theory]
    [InlineData("alternating-offers", typeof(AlternatingOffersProtocol))]
    [InlineData("stacked-alternating-offers", typeof(StackedAlternatingOffersProtocol))]
    [InlineData("single-text", typeof(SingleTextProtocol))]
    public void Each_name_starts_its_protocol(string name, Type type)
    {
        var protocol = Protocols.Create(name, Setup("A", "B"));

        protocol.Should().BeOfType(type);
        protocol.Name.Should().Be(name);
        protocol.Status.Should().Be(NegotiationStatus.Active);
    }

    [Fact]
    public void The_registry_refuses_an_unknown_name_and_a_wrong_number_of_parties()
    {
        FluentActions.Invoking(() => Protocols.Create("auction", Setup("A", "B"))).Should().Throw<ArgumentException>()
            .WithMessage("*'auction' is unknown (available: alternating-offers, stacked-alternating-offers, single-text)*");
        FluentActions.Invoking(() => Protocols.Create("alternating-offers", Setup("A", "B", "C"))).Should().Throw<ArgumentException>()
            .WithMessage("*takes exactly 2 parties, got 3*");
        Protocols.Create("stacked-alternating-offers", Setup("A", "B", "C", "D")).TurnsAvailable.Should().Be(12, "4 parties × 3 rounds");
    }

    [Fact]
    public void Every_entry_describes_itself_in_one_line()
    {
        Protocols.Registry.Entries.Should().OnlyContain(e => e.Description.Length > 0 && !e.Description.Contains('\n'));
        Protocols.Registry.Names.Should().OnlyHaveUniqueItems();
    }
}
