using System.Globalization;
using Simulation.Model.Economics;
using Simulation.Model.Input;
using Simulation.Model.Scenarios;

namespace Simulation.Client.Commands;

/// <summary>
/// `--set IMPORTER:EXPORTER:SECTOR=TARIFF` on the command line: a tariff line of the scenario's
/// trade data set to a level in percent. `*` as the sector sets every line between the two.
/// </summary>
public static class TariffSetting
{
    private const string Source = "command line";

    /// <summary>Every change the options ask for; all problems at once as <see cref="InvalidInputException"/>.</summary>
    public static IReadOnlyList<TariffChange> Parse(IReadOnlyList<string> options, Scenario scenario)
    {
        var errors = new List<InputError>();
        var changes = new List<TariffChange>();
        for (var i = 0; i < options.Count; i++)
        {
            var option = options[i];
            void Fail(string message) => errors.Add(new InputError(Source, null, null, $"--set[{i}]", $"{option}: {message}"));

            var equals = option.IndexOf('=');
            var parts = equals < 0 ? [] : option[..equals].Split(':');
            if (parts.Length != 3 || parts.Any(p => p.Length == 0))
            {
                Fail("expected IMPORTER:EXPORTER:SECTOR=TARIFF, e.g. IDN:CAN:canola_oil=0");
                continue;
            }

            var (importer, exporter, sector) = (parts[0], parts[1], parts[2]);
            if (!double.TryParse(option[(equals + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var tariff)
                || tariff is not (>= 0 and <= ScenarioRanges.MaxTariffPercent))
            {
                Fail($"the tariff must be a number from 0 to {ScenarioRanges.MaxTariffPercent.ToString(CultureInfo.InvariantCulture)} (percent), as in scenario files, got '{option[(equals + 1)..]}'");
                continue;
            }

            var flows = scenario.Trade
                .Where(t => t.Importer == importer && t.Exporter == exporter && (sector == "*" || t.Sector == sector))
                .ToList();
            if (flows.Count == 0)
            {
                Fail(sector == "*"
                    ? $"{importer} imports nothing from {exporter} in the scenario's trade data"
                    : $"no trade flow (importer {importer}, exporter {exporter}, sector {sector}) in the scenario's trade data");
                continue;
            }

            // On a line with a tariff-rate quota the line's tariff is the over-quota tariff, which
            // cannot be below the in-quota one (DESIGN §4.1).
            var belowQuota = flows.Where(t => t.Quota is { } q && tariff < q.InQuotaTariffPercent).ToList();
            foreach (var flow in belowQuota)
            {
                var inQuota = flow.Quota!.InQuotaTariffPercent.ToString(CultureInfo.InvariantCulture);
                Fail($"the tariff {tariff.ToString(CultureInfo.InvariantCulture)} on (importer {flow.Importer}, exporter {flow.Exporter}, sector {flow.Sector}) " +
                    $"is below the in-quota tariff {inQuota} of its tariff-rate quota; the line's tariff is the over-quota tariff, " +
                    $"which cannot be below the in-quota one: set {inQuota} or more");
            }

            if (belowQuota.Count > 0)
            {
                continue;
            }

            changes.AddRange(flows.Select(t => new TariffChange(new TariffLine(t.Importer, t.Exporter, t.Sector), tariff)));
        }

        if (options.Count == 0)
        {
            errors.Add(new InputError(Source, null, null, "--set", "give at least one --set IMPORTER:EXPORTER:SECTOR=TARIFF"));
        }

        return errors.Count > 0 ? throw new InvalidInputException(errors) : changes;
    }
}
