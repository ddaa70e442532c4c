using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Serialization.Cloning;
using Simulation.Grains.Abstractions.Wire;
using Simulation.Model.Negotiation;
using Simulation.Model.Runs;

namespace Simulation.Grains.Tests;

/// <summary>
/// Within a silo Orleans copies a call's arguments and results unless their types are immutable. The
/// model's values are never changed once made, so they are passed as themselves
/// (<see cref="SharedOutcome"/> and its siblings): a turn's context and move, a round's report, a
/// run's events and outcome are not copied (or, for the events and the outcome, written to JSON and
/// read back) on every message.
/// </summary>
public sealed class SharedModelValueTests
{
    private static readonly IServiceProvider s_services = new ServiceCollection().AddSerializer().BuildServiceProvider();

    private static readonly IDeepCopierProvider s_copiers = s_services.GetRequiredService<IDeepCopierProvider>();

    private static readonly DeepCopier s_copier = s_services.GetRequiredService<DeepCopier>();

    /// <summary>The model types that travel (those with a surrogate), less the enums, which Orleans never copies.</summary>
    public static TheoryData<Type> TravellingModelClasses
    {
        get
        {
            var data = new TheoryData<Type>();
            foreach (var type in ModelTypeAliases.All.Values.Where(t => t.IsClass).OrderBy(t => t.Name, StringComparer.Ordinal))
            {
                data.Add(type);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(TravellingModelClasses))]
    public void Every_model_value_that_travels_is_shared_not_copied(Type type)
    {
        var copier = s_copiers.GetDeepCopier(type);

        copier.Should().BeAssignableTo<IOptionalDeepCopier>().Which.IsShallowCopyable().Should().BeTrue($"{type.Name} is never changed once made");
    }

    [Fact]
    public void A_turn_s_context_and_a_round_s_report_copied_for_a_call_are_the_values_themselves()
    {
        var offer = new Offer(Outcome.Of(2, 0, 1));
        var moves = new List<TurnRecord> { new(1, 1, "AAA", MoveKind.Offer, offer.Outcome) };
        var context = new TurnContext(1, 200, offer.Outcome, "AAA", MovesSince: moves);
        var report = new RoundReport("n", NegotiationStatus.Active, 1, null, null, moves);

        s_copier.Copy(context).Should().BeSameAs(context);
        s_copier.Copy(report).Should().BeSameAs(report);
        s_copier.Copy<NegotiationAction>(offer).Should().BeSameAs(offer);
    }
}
