namespace Simulation.Tests.Shared;

/// <summary>
/// A small GENIUS domain and two linear-additive profiles written for these tests, in the shapes
/// GENIUS itself writes (negotiation_template → utility_space → objective → issue → item; a profile
/// adds item evaluations, weights by issue index, a reservation value and a discount factor).
/// </summary>
/// <remarks>
/// The domain "Office" has two issues: Price (cheap, fair, dear) and Delivery (1 week, 4 weeks).
/// Buyer: Price evaluations 4, 3, 1 and weight 0.6; Delivery 5, 2 and weight 0.4; reservation 0.3,
/// discount 0.9. Seller: Price 1, 3, 4 and weight 0.7; Delivery 1, 2 and weight 0.3; reservation
/// 0.2, discount 1 (none).
/// </remarks>
public static class GeniusFiles
{
    public const string Domain = """
        <negotiation_template>
        <utility_space number_of_issues="2">
        <objective index="0" description="" name="Office" type="objective" etype="objective">
        <issue index="1" name="Price" vtype="discrete" type="discrete" etype="discrete">
        <item index="1" value="cheap"></item>
        <item index="2" value="fair"></item>
        <item index="3" value="dear"></item>
        </issue>
        <issue index="2" name="Delivery" vtype="discrete" type="discrete" etype="discrete">
        <item index="1" value="1 week"></item>
        <item index="2" value="4 weeks"></item>
        </issue>
        </objective>
        </utility_space>
        </negotiation_template>
        """;

    public const string Buyer = """
        <utility_space>
        <objective index="0" description="" name="Office" type="objective" etype="objective">
        <issue index="1" name="Price" vtype="discrete" type="discrete" etype="discrete">
        <item index="1" value="cheap" evaluation="4"></item>
        <item index="2" value="fair" evaluation="3"></item>
        <item index="3" value="dear" evaluation="1"></item>
        </issue>
        <issue index="2" name="Delivery" vtype="discrete" type="discrete" etype="discrete">
        <item index="1" value="1 week" evaluation="5"></item>
        <item index="2" value="4 weeks" evaluation="2"></item>
        </issue>
        <weight index="1" value="0.6"></weight>
        <weight index="2" value="0.4"></weight>
        </objective>
        <discount_factor value="0.9"></discount_factor>
        <reservation value="0.3"></reservation>
        </utility_space>
        """;

    public const string Seller = """
        <utility_space>
        <objective index="0" description="" name="Office" type="objective" etype="objective">
        <issue index="1" name="Price" vtype="discrete" type="discrete" etype="discrete">
        <item index="1" value="cheap" evaluation="1"></item>
        <item index="2" value="fair" evaluation="3"></item>
        <item index="3" value="dear" evaluation="4"></item>
        </issue>
        <issue index="2" name="Delivery" vtype="discrete" type="discrete" etype="discrete">
        <item index="1" value="1 week" evaluation="1"></item>
        <item index="2" value="4 weeks" evaluation="2"></item>
        </issue>
        <weight index="1" value="0.7"></weight>
        <weight index="2" value="0.3"></weight>
        </objective>
        <discount_factor value="1.0"></discount_factor>
        <reservation value="0.2"></reservation>
        </utility_space>
        """;

    /// <summary>Writes the domain and both profiles into <paramref name="directory"/>; returns their paths.</summary>
    public static (string Domain, string Buyer, string Seller) WriteAll(string directory)
    {
        var domain = Write(directory, "office.xml", Domain);
        return (domain, Write(directory, "buyer.xml", Buyer), Write(directory, "seller.xml", Seller));
    }

    /// <summary>
    /// A domain "Wide" of <paramref name="issues"/> issues of two values (a, b: evaluations 1, 2) and two
    /// identical profiles weighing the first issue <paramref name="firstWeight"/> and every other 0.001;
    /// returns the paths of the domain and the two profiles.
    /// </summary>
    public static (string Domain, string One, string Two) WriteWide(string directory, int issues, string firstWeight)
    {
        var items = string.Concat(Enumerable.Range(1, issues).Select(i =>
            $"<issue index=\"{i}\" name=\"I{i}\" type=\"discrete\"><item value=\"a\" evaluation=\"1\"></item><item value=\"b\" evaluation=\"2\"></item></issue>\n"));
        var weights = string.Concat(Enumerable.Range(1, issues).Select(i => $"<weight index=\"{i}\" value=\"{(i == 1 ? firstWeight : "0.001")}\"></weight>\n"));
        var profile = $"<utility_space><objective index=\"0\" name=\"Wide\">\n{items}{weights}</objective></utility_space>";
        return (
            Write(directory, "wide.xml", $"<negotiation_template><utility_space><objective index=\"0\" name=\"Wide\">\n{items}</objective></utility_space></negotiation_template>"),
            Write(directory, "one.xml", profile),
            Write(directory, "two.xml", profile));
    }

    public static string Write(string directory, string name, string text)
    {
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, text);
        return path;
    }
}
