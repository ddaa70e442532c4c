using Simulation.Model.Input;

namespace Simulation.Model.Tests.Scenarios;

/// <summary>
/// A small valid scenario whose line numbers the error tests refer to, and ways to break one line
/// of it, so that each test shows exactly what it changed and where the error must point.
/// </summary>
internal static class ScenarioText
{
    public static readonly string[] BaseLines =
    [
        /*  1 */ "name: Test",
        /*  2 */ "sectors:",
        /*  3 */ "  canola_oil: { demand_elasticity: 1.2, substitution_elasticity: 6.6 }",
        /*  4 */ "  footwear: { demand_elasticity: 1.5, substitution_elasticity: 4 }",
        /*  5 */ "countries:",
        /*  6 */ "  CAN: { name: Canada }",
        /*  7 */ "  IDN: { name: Indonesia }",
        /*  8 */ "  ROW: { negotiates: false }",
        /*  9 */ "trade:",
        /* 10 */ "  - { importer: IDN, exporter: CAN, sector: canola_oil, value: 60, tariff: 5 }",
        /* 11 */ "  - { importer: CAN, exporter: IDN, sector: footwear, value: 120, tariff: 18 }",
        /* 12 */ "negotiations:",
        /* 13 */ "  - id: CAN-IDN",
        /* 14 */ "    parties: [CAN, IDN]",
        /* 15 */ "    issues:",
        /* 16 */ "      - { importer: IDN, exporter: CAN, sector: canola_oil, levels: [5, 2.5, 0] }",
        /* 17 */ "      - { importer: CAN, exporter: IDN, sector: footwear, from: 18, to: 0, steps: 4 }",
    ];

    public static string Base => string.Join("\n", BaseLines) + "\n";

    /// <summary>The base scenario with 1-based line <paramref name="line"/> replaced (it may become several lines).</summary>
    public static string WithLine(int line, string replacement) => With((line, replacement));

    public static string With(params (int Line, string Replacement)[] changes)
    {
        var lines = BaseLines.ToArray();
        foreach (var (line, replacement) in changes)
        {
            lines[line - 1] = replacement;
        }

        return string.Join("\n", lines) + "\n";
    }

    /// <summary>The 1-based column where <paramref name="token"/> first appears in <paramref name="lineText"/>.</summary>
    public static int ColumnOf(string lineText, string token)
    {
        var index = lineText.IndexOf(token, StringComparison.Ordinal);
        if (index < 0)
        {
            throw new ArgumentException($"'{token}' is not in '{lineText}'");
        }

        return index + 1;
    }

    /// <summary>The error at <paramref name="path"/>; fails listing all errors if there is not exactly one.</summary>
    public static InputError At(this IReadOnlyList<InputError> errors, string path)
    {
        var matching = errors.Where(e => e.Path == path).ToList();
        matching.Should().ContainSingle(because: "one error is expected at {0}; all errors: {1}", path, string.Join(" | ", errors));
        return matching[0];
    }
}
