using System.Collections.Concurrent;
using Simulation.Model.Scenarios;

namespace Simulation.Model.Economics;

/// <summary>
/// Countries' objective values in one <see cref="World"/>, for a sector (or linked block) solved with
/// some tariff lines set apart from the world's, remembered for the world's lifetime so that the
/// same solve is not made twice (DESIGN §7). In a world where every pair of countries negotiates
/// (the world benchmark), each of the two seats at a table valued the same combinations, and every
/// table of a sector solved the sector as it stands: the solve is the whole cost of valuing
/// (DESIGN §4.2), so those repeats were most of a run's time.
/// </summary>
/// <remarks>
/// A value is a pure function of (model, sector, tariffs, country), so whoever computes it first,
/// the number is the same bit for bit, and a run gives the same outcome with or without the memo.
/// A setting equal to the world's own tariff is left out of the key, so the status quo of every
/// table (its first levels are the tariffs in force) shares the world's solve. Countries are keyed
/// by record equality: the opponent as the public model sees it (λ = 0) is the opponent itself
/// when it has no lobby weights. Only values are kept, a few doubles per key, not the solutions,
/// which hold every market of the sector. Safe for concurrent use: two threads may both solve a
/// missing key; they store the same numbers.
/// </remarks>
public sealed class ValuationMemo
{
    private readonly ConcurrentDictionary<(IMarketModel Model, string Key), ConcurrentDictionary<Country, double>> _values = new();

    /// <summary>
    /// The value of each of <paramref name="countries"/> (<paramref name="value"/> of the solution),
    /// solving with <paramref name="solve"/> only when one of them has not been valued under
    /// <paramref name="key"/> in this world yet.
    /// </summary>
    /// <param name="key">The sector and the tariff settings that differ from the world's, as <see cref="KeyOf"/> writes them.</param>
    public void ValuesOf(
        IMarketModel model,
        string key,
        IReadOnlyList<Country> countries,
        Func<IReadOnlyList<SectorSolution>> solve,
        Func<Country, IReadOnlyList<SectorSolution>, double> value,
        double[] into)
    {
        ArgumentNullException.ThrowIfNull(countries);
        ArgumentNullException.ThrowIfNull(solve);
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(into);
        var known = _values.GetOrAdd((model, key), static _ => new ConcurrentDictionary<Country, double>());
        IReadOnlyList<SectorSolution>? solution = null;
        for (var c = 0; c < countries.Count; c++)
        {
            if (!known.TryGetValue(countries[c], out into[c]))
            {
                solution ??= solve();
                into[c] = known.GetOrAdd(countries[c], value(countries[c], solution));
            }
        }
    }

    /// <summary>
    /// The key of <paramref name="sector"/> solved with <paramref name="settings"/> (line, tariff in
    /// percent) in <paramref name="world"/>: the settings equal to the world's tariff are left out,
    /// the others written in the order given, round-trip exact.
    /// </summary>
    public static string KeyOf(string sector, IEnumerable<(TariffLine Line, double TariffPercent)> settings, World world)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(world);
        var key = new System.Text.StringBuilder(sector);
        foreach (var (line, tariff) in settings)
        {
            // Bit for bit: −0 and 0 are told apart, so a key never joins two different inputs.
            if (BitConverter.DoubleToInt64Bits(tariff) != BitConverter.DoubleToInt64Bits(world.TariffOf(line)))
            {
                key.Append('|').Append(line.Importer).Append('>').Append(line.Exporter).Append('>').Append(line.Sector)
                    .Append('=').Append(tariff.ToString("R", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return key.ToString();
    }
}
