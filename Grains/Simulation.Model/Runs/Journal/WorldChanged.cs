using Simulation.Model.Economics;

namespace Simulation.Model.Runs.Journal;

/// <summary>
/// The world changed in run round <see cref="Round"/>: tariff lines set and tariff-rate quotas put
/// on lines, in the order applied, and what caused it: the agreement of <see cref="Negotiation"/>
/// (at the end of the round), or the scenario event at <see cref="Event"/> (at its start). The world
/// of any moment is the scenario's with every change so far (<see cref="AgreedWorld"/>).
/// </summary>
public sealed record WorldChanged(
    int Round,
    string? Negotiation,
    int? Event,
    IReadOnlyList<TariffChange> Tariffs,
    IReadOnlyList<QuotaChange> Quotas) : RunEvent;
