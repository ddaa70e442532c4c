using System.Buffers.Binary;
using System.Text;

namespace Simulation.Model.Determinism;

/// <summary>
/// A 64-bit hash that is the same on every machine, process and .NET version (DESIGN §5.2):
/// FNV-1a 64 (Fowler, Noll &amp; Vo; offset basis 0xcbf29ce484222325, prime 0x100000001b3) over the
/// UTF-8 bytes of the parts, with the byte 0x1F (ASCII "unit separator") between two parts, so
/// <c>("ab", "c")</c> and <c>("a", "bc")</c> differ. A single part hashes exactly as plain FNV-1a 64
/// of its UTF-8 bytes, so published FNV test vectors check it.
/// </summary>
/// <remarks>
/// <c>string.GetHashCode()</c> is randomised per process in .NET Core and must never seed anything.
/// Known limits, accepted because ids are printable: a part that itself contains U+001F can collide
/// with a split of it, and <c>()</c> hashes like <c>("")</c>.
/// </remarks>
public static class StableHash
{
    private const ulong OffsetBasis = 0xcbf29ce484222325UL;
    private const ulong Prime = 0x100000001b3UL;
    private const byte Separator = 0x1F;

    /// <summary>The stable hash of the parts, in order.</summary>
    public static ulong Of(params string[] parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        return AppendParts(OffsetBasis, parts);
    }

    /// <summary>
    /// The stable hash of a seed followed by the parts: the seed's 8 bytes (little-endian, whatever
    /// the machine), then a separator before each part.
    /// </summary>
    public static ulong Of(long seed, params string[] parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        Span<byte> seedBytes = stackalloc byte[sizeof(long)];
        BinaryPrimitives.WriteInt64LittleEndian(seedBytes, seed);
        var hash = Append(OffsetBasis, seedBytes);
        foreach (var part in parts)
        {
            hash = Append(hash, Separator);
            hash = AppendString(hash, part);
        }

        return hash;
    }

    private static ulong AppendParts(ulong hash, string[] parts)
    {
        for (var i = 0; i < parts.Length; i++)
        {
            if (i > 0)
            {
                hash = Append(hash, Separator);
            }

            hash = AppendString(hash, parts[i]);
        }

        return hash;
    }

    private static ulong AppendString(ulong hash, string? part)
    {
        ArgumentNullException.ThrowIfNull(part, nameof(part));
        var bytes = Encoding.UTF8.GetBytes(part);
        return Append(hash, bytes);
    }

    private static ulong Append(ulong hash, ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            hash = Append(hash, b);
        }

        return hash;
    }

    private static ulong Append(ulong hash, byte b) => unchecked((hash ^ b) * Prime);
}
