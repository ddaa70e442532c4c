using System.Globalization;
using Simulation.Client.Output;
using Simulation.Model.Reporting;
using Simulation.Tests.Shared;
using static Simulation.Client.Tests.CommandLineAssertions;

namespace Simulation.Client.Tests;

/// <summary>
/// The offer text of `--trace` and `--frontier` (docs/outcome.md, "The offer text") parses back to the outcome
/// it was written from, whatever the labels hold: checked with a parser written from docs/outcome.md's
/// grammar alone (<see cref="ParseOffer"/>), not from the writer.
/// </summary>
public sealed class OfferTextTests : IDisposable
{
    private readonly string scratch = Directory.CreateTempSubdirectory("tradesim-offer-").FullName;

    public void Dispose() => Directory.Delete(scratch, recursive: true);

    public static TheoryData<string, string> HostileLabels => new()
    {
        { "Terms", "60 days; net=30" },
        { "a=b", "x" },
        { "CAN:USA:steel", "10" },
        { "quote \"this\"", "\"" },
        { "blank ends ", " towel " },
        { "Delivery", "" },
        { "x quota=5 at 1, over 2", "y, over 3" },
        { "Scope", "Take over all shares; keep the staff = two years, \"as agreed\" by al" },
    };

    [Theory]
    [MemberData(nameof(HostileLabels))]
    public void Every_form_parses_back_to_the_entries_written(string issue, string value)
    {
        OutcomeEntry[] outcome =
        [
            OutcomeEntry.ForTariff("CAN", "CHN", "canola_seed", 84.8),
            OutcomeEntry.ForQuota("CAN", "USA", "dairy.cheese", 12.5, 0, 245.5),
            OutcomeEntry.ForDiscrete(issue, value),
            OutcomeEntry.ForTariff("CHN", "CAN", "meal-peas", 0),
        ];

        var text = OfferText.Describe(outcome);

        ParseOffer(text).Should().Equal(
            "tariff CAN:CHN:canola_seed 84.8",
            "quota CAN:USA:dairy.cheese 12.5 0 245.5",
            $"discrete [{issue}] [{value}]",
            "tariff CHN:CAN:meal-peas 0");
    }

    [Fact]
    public void A_plain_label_is_written_bare_and_one_that_could_be_misread_in_double_quotes()
    {
        OfferText.Describe([OutcomeEntry.ForDiscrete("Delivery time", "60 days")]).Should().Be("Delivery time=60 days");
        OfferText.Describe([OutcomeEntry.ForDiscrete("Terms", "net=30; \"cash\"")]).Should().Be("Terms=\"net=30; \"\"cash\"\"\"");
        OfferText.Describe([OutcomeEntry.ForDiscrete("Kit", "towel ")]).Should().Be("Kit=\"towel \"");
    }

    [Fact]
    public async Task Trace_and_frontier_of_a_domain_with_hostile_labels_parse_back_to_its_values()
    {
        string[] values = ["net=30; cash", "\"60\" days", "towel ", "a:b:c=1"];
        var domain = GeniusFiles.Write(scratch, "terms.xml", $"""
            <negotiation_template><utility_space><objective index="0" name="Terms">
            <issue index="1" name="Pay; when=" type="discrete">{Items(values, null)}</issue>
            <issue index="2" name="Plain" type="discrete">{Items(["lo", "hi"], null)}</issue>
            </objective></utility_space></negotiation_template>
            """);
        var buyer = GeniusFiles.Write(scratch, "buyer.xml", Profile(values, [1, 2, 3, 4], [1, 2]));
        var seller = GeniusFiles.Write(scratch, "seller.xml", Profile(values, [4, 3, 2, 1], [2, 1]));
        var scenario = Path.Combine(scratch, "terms.yaml");
        var imported = await TradeSimProcess.RunAsync("import-genius", domain, buyer, seller, "--out", scenario);
        imported.ExitCode.Should().Be(0, imported.Stderr);
        var trace = Path.Combine(scratch, "trace.csv");
        var frontier = Path.Combine(scratch, "frontier.csv");

        var run = await TradeSimProcess.RunAsync("run", scenario, "--engine", "local", "--trace", trace, "--frontier", frontier, "--out", Path.Combine(scratch, "outcome.json"));

        run.ExitCode.Should().Be(0, run.Stderr);
        NoStackTrace(run);
        var offers = Column(trace, "offer").Where(o => o.Length > 0).Concat(Column(frontier, "outcome")).ToList();
        offers.Should().NotBeEmpty();
        foreach (var offer in offers)
        {
            var entries = ParseOffer(offer);
            entries.Should().HaveCount(2, offer);
            values.Select(v => $"discrete [Pay; when=] [{v}]").Should().Contain(entries[0], offer);
            new[] { "discrete [Plain] [lo]", "discrete [Plain] [hi]" }.Should().Contain(entries[1], offer);
        }
    }

    private static IEnumerable<string> Column(string file, string name)
    {
        var rows = FrontierCsvTests.Parse(File.ReadAllText(file));
        var at = rows[0].IndexOf(name);
        return rows.Skip(1).Select(r => r[at]);
    }

    private static string Items(IEnumerable<string> values, IReadOnlyList<int>? evaluations) =>
        string.Concat(values.Select((v, i) =>
            $"<item index=\"{i + 1}\" value=\"{System.Security.SecurityElement.Escape(v)}\"{(evaluations is null ? "" : $" evaluation=\"{evaluations[i]}\"")}></item>"));

    private static string Profile(string[] values, int[] pay, int[] plain) => $"""
        <utility_space><objective index="0" name="Terms">
        <issue index="1" name="Pay; when=" type="discrete">{Items(values, pay)}</issue>
        <issue index="2" name="Plain" type="discrete">{Items(["lo", "hi"], plain)}</issue>
        <weight index="1" value="0.7"></weight><weight index="2" value="0.3"></weight>
        </objective><reservation value="0.2"></reservation></utility_space>
        """;

    /// <summary>
    /// The grammar of docs/outcome.md, read left to right: entries separated by "; "; an entry starting with '"'
    /// is discrete; otherwise its text up to the first '=', ':' or blank-then-"quota=" decides: a ':'
    /// makes it a tariff or quota, else a discrete issue. A label is bare (up to the next '=', or up to
    /// "; " or the end for a value) or in double quotes with "" for a quote. Entries come back as
    /// "tariff I:E:S T", "quota I:E:S V IN OVER" or "discrete [ISSUE] [VALUE]".
    /// </summary>
    internal static List<string> ParseOffer(string text)
    {
        var entries = new List<string>();
        var at = 0;
        while (true)
        {
            if (text[at] != '"' && Ids(text, at) is { } line)
            {
                at = line.End;
                if (text[at] == '=')
                {
                    var (tariff, end) = Number(text, at + 1);
                    entries.Add($"tariff {line.Ids} {tariff}");
                    at = end;
                }
                else
                {
                    Expect(text, ref at, " quota=");
                    var (quota, afterQuota) = Number(text, at);
                    at = afterQuota;
                    Expect(text, ref at, " at ");
                    var (inQuota, afterIn) = Number(text, at);
                    at = afterIn;
                    Expect(text, ref at, ", over ");
                    var (over, afterOver) = Number(text, at);
                    at = afterOver;
                    entries.Add($"quota {line.Ids} {quota} {inQuota} {over}");
                }
            }
            else
            {
                var issue = Label(text, ref at, '=');
                Expect(text, ref at, "=");
                var value = Label(text, ref at, ';');
                entries.Add($"discrete [{issue}] [{value}]");
            }

            if (at == text.Length)
            {
                return entries;
            }

            Expect(text, ref at, "; ");
        }
    }

    /// <summary>IMPORTER:EXPORTER:SECTOR at <paramref name="at"/>, if the entry is a tariff or quota (its text before '=' holds ':').</summary>
    private static (string Ids, int End)? Ids(string text, int at)
    {
        var end = at;
        while (end < text.Length && text[end] is not ('=' or ';' or ' ' or '"'))
        {
            end++;
        }

        var ids = text[at..end];
        return ids.Contains(':', StringComparison.Ordinal) ? (ids, end) : null;
    }

    private static string Label(string text, ref int at, char stop)
    {
        if (text[at] == '"')
        {
            var label = new System.Text.StringBuilder();
            at++;
            while (true)
            {
                if (text[at] == '"' && (at + 1 == text.Length || text[at + 1] != '"'))
                {
                    at++;
                    return label.ToString();
                }

                label.Append(text[at]);
                at += text[at] == '"' ? 2 : 1;
            }
        }

        var end = text.IndexOf(stop == '=' ? "=" : "; ", at, StringComparison.Ordinal);
        end = end < 0 ? text.Length : end;
        var bare = text[at..end];
        at = end;
        return bare;
    }

    private static (string Number, int End) Number(string text, int at)
    {
        var end = at;
        while (end < text.Length && (char.IsAsciiDigit(text[end]) || text[end] is '.' or '-' or 'E' or 'e' or '+'))
        {
            end++;
        }

        var number = text[at..end];
        double.Parse(number, NumberStyles.Float, CultureInfo.InvariantCulture);
        return (number, end);
    }

    private static void Expect(string text, ref int at, string expected)
    {
        text.AsSpan(at).StartsWith(expected, StringComparison.Ordinal).Should().BeTrue($"'{expected}' at {at} of {text}");
        at += expected.Length;
    }
}
