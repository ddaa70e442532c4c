namespace Simulation.Model.Determinism;

/// <summary>
/// A seeded generator made only when something draws from it. A negotiator is handed one every turn
/// (DESIGN §5.2: seeded by run seed, negotiation, party and turn), but draws only to break an exact
/// tie between bids, which is rare; seeding .NET's legacy generator fills a 56-number table, which
/// cost more than the rest of a turn. Deferring it changes no draw: the generator, when made, is the
/// one the same seed always gave.
/// </summary>
public sealed class DeferredRandom
{
    private Func<Random>? _make;
    private Random? _random;

    /// <param name="make">Makes the generator, at most once, on the first draw.</param>
    public DeferredRandom(Func<Random> make)
    {
        ArgumentNullException.ThrowIfNull(make);
        _make = make;
    }

    /// <summary>A generator already made (tests, callers with their own).</summary>
    public DeferredRandom(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        _random = random;
    }

    /// <summary>The generator, made now if this is the first draw.</summary>
    public Random Generator
    {
        get
        {
            if (_random is null)
            {
                _random = _make!();
                _make = null;
            }

            return _random;
        }
    }

    /// <summary>Whether the generator has been made (a draw was needed).</summary>
    public bool IsMade => _random is not null;

    public static implicit operator DeferredRandom(Random random) => new(random);

    /// <summary>The named alternative to the implicit conversion.</summary>
    public static DeferredRandom FromRandom(Random random) => new(random);
}
