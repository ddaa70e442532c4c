using System.Globalization;
using System.Numerics;

namespace Simulation.Model.Scenarios;

/// <summary>
/// The integer a decimal literal (<c>[-+]digits[.digits][e[-+]digits]</c>, already matched) stands
/// for, computed exactly: <c>1e3</c>, <c>1000.0</c> and <c>1000</c> are 1000; <c>2.5</c> and
/// <c>1e-400</c> are not integers. Read through a double, <c>1e16 + 1</c> written out would be
/// rounded and anything above 2^53 would be unsure; read exactly, every integer up to the 64-bit
/// bounds is what it says.
/// </summary>
internal static class ExactInteger
{
    /// <summary>Beyond this many digits the value is outside any 64-bit range; the exact value is then not needed.</summary>
    private const int MaxDigits = 40;

    /// <summary>
    /// The integer <paramref name="literal"/> writes, or null when it is not integral. A magnitude
    /// beyond 10^40 is returned as ±10^40 (out of every range that is checked against it).
    /// </summary>
    public static BigInteger? Parse(string literal)
    {
        ArgumentNullException.ThrowIfNull(literal);
        var text = literal;
        var negative = text.StartsWith('-');
        text = text.TrimStart('+', '-');
        var e = text.IndexOfAny(['e', 'E']);
        long exponent = 0;
        if (e >= 0)
        {
            var exponentText = text[(e + 1)..];
            // An exponent too long for a long is far outside any range: clamp it, its sign decides.
            if (!long.TryParse(exponentText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out exponent))
            {
                exponent = exponentText.StartsWith('-') ? -long.MaxValue / 2 : long.MaxValue / 2;
            }

            text = text[..e];
        }

        var dot = text.IndexOf('.', StringComparison.Ordinal);
        var whole = dot < 0 ? text : text[..dot];
        var fraction = dot < 0 ? "" : text[(dot + 1)..];
        // value = digits × 10^(exponent − fraction length)
        var digits = (whole + fraction).TrimStart('0');
        var scale = exponent - fraction.Length;
        if (digits.Length == 0)
        {
            return BigInteger.Zero;
        }

        var trimmed = digits.TrimEnd('0');
        scale += digits.Length - trimmed.Length;
        digits = trimmed;
        if (scale < 0)
        {
            // Non-zero digits after the decimal point: not an integer.
            return null;
        }

        if (digits.Length + scale > MaxDigits)
        {
            var bound = BigInteger.Pow(10, MaxDigits);
            return negative ? -bound : bound;
        }

        var value = BigInteger.Parse(digits, CultureInfo.InvariantCulture) * BigInteger.Pow(10, (int)scale);
        return negative ? -value : value;
    }
}
