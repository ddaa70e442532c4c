using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Serialization;
using Orleans.Serialization.Configuration;
using Simulation.Grains.Abstractions.Runs;
using Simulation.Grains.Abstractions.Wire;

namespace Simulation.Grains.Tests;

/// <summary>
/// DESIGN §2: contracts carry [Alias] on interfaces, methods and serialized types, so persisted
/// state and mixed-version clusters survive renames. Reflection over the contracts assembly finds any
/// that lacks one, so a new contract cannot forget it. The model's types travel through surrogates
/// (<c>Wire/</c>) and cannot carry the attribute: each converted type has its alias in
/// <see cref="ModelTypeAliases"/>, which the silo's serializer registers.
/// </summary>
public sealed class ContractAliasTests
{
    private static readonly Type[] s_contracts = typeof(IRunGrain).Assembly.GetTypes();

    private static string? AliasOf(MemberInfo member) => member.GetCustomAttribute<AliasAttribute>()?.Alias;

    private static IEnumerable<Type> GrainInterfaces => s_contracts.Where(t => t.IsInterface && typeof(IAddressable).IsAssignableFrom(t));

    private static IEnumerable<Type> SerializedTypes => s_contracts.Where(t => t.GetCustomAttribute<GenerateSerializerAttribute>() is not null);

    /// <summary>The model types that registered converters carry over the wire: T of each <c>IConverter&lt;T, TSurrogate&gt;</c>.</summary>
    private static IEnumerable<Type> ConvertedTypes => s_contracts
        .Where(t => t.GetCustomAttribute<RegisterConverterAttribute>() is not null)
        .SelectMany(t => t.GetInterfaces())
        .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IConverter<,>))
        .Select(i => i.GetGenericArguments()[0]);

    [Fact]
    public void The_contracts_have_grain_interfaces_and_serialized_types_to_check()
    {
        // ICountryGrain, INegotiationGrain, IRunGrain, the run watchers' IRunObserver, the runs directory
        // and its watchers' IRunDirectoryObserver, the bench's empty grain IPingGrain; and at least the turn messages.
        GrainInterfaces.Select(t => t.Name).Should().BeEquivalentTo(
            ["ICountryGrain", "INegotiationGrain", "IRunGrain", "IRunObserver", "IRunDirectoryGrain", "IRunDirectoryObserver", "IPingGrain"]);
        SerializedTypes.Select(t => t.Name).Should().Contain(
            ["OutcomeSurrogate", "OfferSurrogate", "BareMoveSurrogate", "TurnContextSurrogate", "RoundReportSurrogate", "QuotaChangeSurrogate", "NegotiationBrief"]);
        ConvertedTypes.Select(t => t.Name).Should().Contain(
            ["Outcome", "Offer", "Accept", "Reject", "Vote", "Veto", "WalkAway", "TurnContext", "TurnRecord", "RoundReport", "TariffChange", "QuotaChange", "SeatAssessment", "RunOutcome"]);
    }

    [Fact]
    public void Every_model_type_with_a_surrogate_has_an_alias_and_the_serializer_knows_it()
    {
        var options = new ServiceCollection().AddSerializer().BuildServiceProvider()
            .GetRequiredService<IOptions<TypeManifestOptions>>().Value;

        ConvertedTypes.Except(ModelTypeAliases.All.Values).Should().BeEmpty("every model type that travels needs an alias");
        foreach (var (alias, type) in ModelTypeAliases.All)
        {
            options.WellKnownTypeAliases.Should().Contain(alias, type);
        }
    }

    [Fact]
    public void Every_grain_interface_and_grain_method_has_an_alias()
    {
        var missing = GrainInterfaces.Where(t => AliasOf(t) is null).Select(t => t.Name)
            .Concat(GrainInterfaces.SelectMany(t => t.GetMethods().Where(m => AliasOf(m) is null).Select(m => $"{t.Name}.{m.Name}")));

        missing.Should().BeEmpty();
    }

    [Fact]
    public void Every_serialized_type_has_an_alias()
    {
        SerializedTypes.Where(t => AliasOf(t) is null).Select(t => t.FullName).Should().BeEmpty();
    }

    [Fact]
    public void Aliases_are_unique_among_types_and_among_the_methods_of_each_interface()
    {
        GrainInterfaces.Concat(SerializedTypes).Select(AliasOf).Where(a => a is not null).Concat(ModelTypeAliases.All.Keys)
            .Should().OnlyHaveUniqueItems();
        foreach (var grain in GrainInterfaces)
        {
            grain.GetMethods().Select(AliasOf).Should().OnlyHaveUniqueItems($"methods of {grain.Name} need distinct aliases");
        }
    }
}
