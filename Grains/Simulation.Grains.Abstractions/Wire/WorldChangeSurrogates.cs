using Simulation.Model.Economics;

namespace Simulation.Grains.Abstractions.Wire;

/// <summary>A bilateral tariff line as it travels (<see cref="TariffLine"/>).</summary>
[GenerateSerializer, Immutable, Alias("tradesim.wire.TariffLine")]
public readonly record struct TariffLineSurrogate(
    [property: Id(0)] string Importer,
    [property: Id(1)] string Exporter,
    [property: Id(2)] string Sector);

/// <summary>A tariff line set to a level in percent, as it travels (<see cref="TariffChange"/>).</summary>
[GenerateSerializer, Immutable, Alias("tradesim.wire.TariffChange")]
public readonly record struct TariffChangeSurrogate(
    [property: Id(0)] TariffLine Line,
    [property: Id(1)] double TariffPercent);

/// <summary>A tariff-rate quota as it travels (<see cref="TariffRateQuota"/>, DESIGN §4.1).</summary>
[GenerateSerializer, Immutable, Alias("tradesim.wire.TariffRateQuota")]
public readonly record struct TariffRateQuotaSurrogate(
    [property: Id(0)] double Volume,
    [property: Id(1)] double InQuotaTariffPercent,
    [property: Id(2)] QuotaRentHolder Rent);

/// <summary>A quota put on (or taken off) a line, as it travels (<see cref="QuotaChange"/>).</summary>
[GenerateSerializer, Immutable, Alias("tradesim.wire.QuotaChange")]
public readonly record struct QuotaChangeSurrogate(
    [property: Id(0)] TariffLine Line,
    [property: Id(1)] TariffRateQuota? Quota);

[RegisterConverter]
public sealed class TariffLineConverter : IConverter<TariffLine, TariffLineSurrogate>
{
    public TariffLine ConvertFromSurrogate(in TariffLineSurrogate surrogate) => new(surrogate.Importer, surrogate.Exporter, surrogate.Sector);

    public TariffLineSurrogate ConvertToSurrogate(in TariffLine value) => new(value.Importer, value.Exporter, value.Sector);
}

[RegisterConverter]
public sealed class TariffChangeConverter : IConverter<TariffChange, TariffChangeSurrogate>
{
    public TariffChange ConvertFromSurrogate(in TariffChangeSurrogate surrogate) => new(surrogate.Line, surrogate.TariffPercent);

    public TariffChangeSurrogate ConvertToSurrogate(in TariffChange value) => new(value.Line, value.TariffPercent);
}

[RegisterConverter]
public sealed class TariffRateQuotaConverter : IConverter<TariffRateQuota, TariffRateQuotaSurrogate>
{
    public TariffRateQuota ConvertFromSurrogate(in TariffRateQuotaSurrogate surrogate) => new(surrogate.Volume, surrogate.InQuotaTariffPercent, surrogate.Rent);

    public TariffRateQuotaSurrogate ConvertToSurrogate(in TariffRateQuota value) => new(value.Volume, value.InQuotaTariffPercent, value.Rent);
}

[RegisterConverter]
public sealed class QuotaChangeConverter : IConverter<QuotaChange, QuotaChangeSurrogate>
{
    public QuotaChange ConvertFromSurrogate(in QuotaChangeSurrogate surrogate) => new(surrogate.Line, surrogate.Quota);

    public QuotaChangeSurrogate ConvertToSurrogate(in QuotaChange value) => new(value.Line, value.Quota);
}
