namespace Simulation.Model.Negotiation;

/// <summary>
/// What one issue of an outcome stands for, in the words of the scenario (DESIGN §6.2): a tariff
/// for a tariff issue, a value name for a discrete one. <see cref="TariffAgenda.Describe"/> gives one
/// per issue, in the order of the file, for outcome files and tables.
/// </summary>
public abstract record IssueDescription;

/// <summary>A tariff issue's level: the tariff (percent) <paramref name="Importer"/> applies to <paramref name="Exporter"/> in <paramref name="Sector"/>.</summary>
public sealed record TariffDescription(string Importer, string Exporter, string Sector, double Tariff) : IssueDescription;

/// <summary>A discrete issue's level: the name of the value chosen for issue <paramref name="Issue"/>.</summary>
public sealed record DiscreteDescription(string Issue, string Value) : IssueDescription;

/// <summary>
/// A tariff-rate quota issue's level: the quota volume on the line, its in-quota tariff and the
/// over-quota tariff (percent), which is the line's tariff.
/// </summary>
public sealed record QuotaDescription(string Importer, string Exporter, string Sector, double Quota, double InQuotaTariff, double OverQuotaTariff) : IssueDescription;
