namespace Simulation.Model.Genius;

/// <summary>
/// Bounds on the GENIUS XML files <see cref="GeniusImport"/> reads. They come from the internet, so
/// size and nesting are bounded well above what real domains need (the ANAC domains are a few
/// hundred kilobytes at most and nest five elements deep).
/// </summary>
public static class GeniusLimits
{
    /// <summary>Largest file accepted, in bytes. Checked before the file is parsed.</summary>
    public const int MaxFileBytes = 4 * 1024 * 1024;

    /// <summary>Deepest element nesting accepted, the root element being depth 0.</summary>
    public const int MaxDepth = 32;
}
