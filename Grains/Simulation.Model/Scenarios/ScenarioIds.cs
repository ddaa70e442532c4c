using System.Text.RegularExpressions;

namespace Simulation.Model.Scenarios;

/// <summary>
/// What ids may look like. Country ids are ISO-like codes (CAN, ROW, EU27); sector and negotiation
/// ids are names (canola_oil, CAN-IDN, 1514). Both exclude blanks and the '*' that event filters
/// use as a wildcard, and both are bounded in length.
/// </summary>
internal static partial class ScenarioIds
{
    public static bool IsCountryId(string id) => id.Length <= ScenarioLimits.MaxIdLength && CountryId().IsMatch(id);

    public static bool IsName(string id) => id.Length <= ScenarioLimits.MaxIdLength && Name().IsMatch(id);

    /// <summary>
    /// Names of discrete issues and of their values: text as people write it ("Delivery time",
    /// "60 days"), since imported GENIUS domains keep their names, and GENIUS takes any text (ANAC's
    /// Acquisition domain has values of 67 characters and values ending in a blank; an empty value is
    /// text too). Bounded, and without control characters, so that it prints on one line; printed
    /// outcomes quote a label that could be misread (<see cref="LabelText"/>).
    /// </summary>
    public static bool IsLabel(string text) =>
        text.Length <= ScenarioLimits.MaxLabelLength && !text.Any(char.IsControl);

    public const string LabelRule = "text of at most 1,024 characters, without control characters";

    public const string CountryIdRule = "letters and digits only, like CAN or ROW";

    public const string NameRule = "letters, digits, '_', '-' and '.', starting with a letter, digit or '_'";

    [GeneratedRegex(@"^[A-Za-z0-9]+\z", RegexOptions.CultureInvariant)]
    private static partial Regex CountryId();

    [GeneratedRegex(@"^[A-Za-z0-9_][A-Za-z0-9_.\-]*\z", RegexOptions.CultureInvariant)]
    private static partial Regex Name();
}
