using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Simulation.Model.Input;
using Simulation.Model.Scenarios;

namespace Simulation.Model.Genius;

/// <summary>
/// Writes a <see cref="GeniusScenario"/> as a <c>units: utility</c> scenario file (DESIGN §6.1).
/// Every name is written as a JSON string (YAML reads JSON strings), so no name from a file can
/// break out of its place; numbers round-trip exactly. The text is checked by the same loader
/// `validate` uses before it is returned, so an import never writes a scenario that is refused.
/// </summary>
public static class GeniusScenarioYaml
{
    private static readonly JsonSerializerOptions s_strings = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <exception cref="InvalidInputException">The scenario made from the files would not validate (too many issues, numbers out of range…); every reason is listed, against the domain file.</exception>
    public static string Write(GeniusScenario scenario, string domainFile)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var text = Compose(scenario, domainFile);
        try
        {
            ScenarioLoader.Parse(text, Path.GetFileNameWithoutExtension(domainFile) + ".yaml");
        }
        catch (InvalidInputException invalid)
        {
            throw new InvalidInputException([.. invalid.Errors.Select(e => new InputError(domainFile, null, null, "",
                $"the scenario made from these files would not validate, so nothing is written: {(e.Path.Length > 0 ? e.Path + ": " : "")}{e.Message}"))]);
        }

        return text;
    }

    private static string Compose(GeniusScenario scenario, string domainFile)
    {
        var yaml = new StringBuilder();
        yaml.Append("# Imported from GENIUS by tradesim import-genius: domain ").Append(Text(Path.GetFileName(domainFile)))
            .Append(", profiles ").AppendJoin(", ", scenario.Parties.Select(p => Text(Path.GetFileName(p.ProfileFile)))).Append('\n');
        yaml.Append("# A party's number for a value is its utility from it, weight × GENIUS's evaluation of the value (a discrete\n");
        yaml.Append("# value's evaluation / the issue's largest; an integer or real issue's linear evaluator clipped to 0..1); its\n");
        yaml.Append("# utility of an outcome is the sum over the issues, capped at 1 where the sum can pass 1 (utility_cap), as in GENIUS.\n");
        // GENIUS discounts by normalised time, U·d^t with t ∈ [0, 1] over the whole deadline; here a
        // discount is per offer, u·δ^(m−1) (DESIGN §4.2). With T = parties × rounds turns, δ = d^(1/T)
        // makes an agreement on the last offer worth U·d^((T−1)/T) ≈ U·d, as in GENIUS.
        foreach (var warning in scenario.Warnings)
        {
            yaml.Append("# Note: ").Append(new string([.. warning.Select(c => char.IsControl(c) ? ' ' : c)])).Append('\n');
        }

        var turns = scenario.Parties.Count * ScenarioBuilder.DefaultRounds;
        if (scenario.Parties.Any(p => p.Discount is not null))
        {
            yaml.Append("# GENIUS discount factors d apply over the whole deadline (U·d^t, t from 0 to 1); a discount here is per\n");
            yaml.Append("# offer, so each becomes d^(1/").Append(turns).Append("), ").Append(turns).Append(" being the turns in ").Append(ScenarioBuilder.DefaultRounds).Append(" rounds: ")
                .AppendJoin(", ", scenario.Parties.Where(p => p.Discount is not null).Select(p => $"{p.Id} d = {Number(p.Discount!.Value)}")).Append(".\n");
        }

        yaml.Append("name: ").Append(Text(scenario.Name)).Append('\n');
        yaml.Append("units: ").Append(Scenario.UtilityUnits).Append('\n');
        yaml.Append("rounds: ").Append(ScenarioBuilder.DefaultRounds).Append('\n');
        yaml.Append("countries:\n");
        foreach (var party in scenario.Parties)
        {
            yaml.Append("  ").Append(party.Id).Append(": { name: ").Append(Text(Path.GetFileNameWithoutExtension(party.ProfileFile)));
            if (party.Reservation is { } reservation)
            {
                yaml.Append(", reservation: ").Append(Number(reservation));
            }

            if (party.Discount is { } discount)
            {
                yaml.Append(", discount: ").Append(Number(Math.Pow(discount, 1.0 / turns)));
            }

            if (party.Capped)
            {
                yaml.Append(", utility_cap: 1");
            }

            yaml.Append(" }\n");
        }

        yaml.Append("negotiations:\n");
        yaml.Append("  - id: ").Append(scenario.NegotiationId).Append('\n');
        yaml.Append("    parties: [").AppendJoin(", ", scenario.Parties.Select(p => p.Id)).Append("]\n");
        yaml.Append("    protocol: ").Append(scenario.Protocol).Append('\n');
        yaml.Append("    issues:\n");
        foreach (var issue in scenario.Issues)
        {
            yaml.Append("      - id: ").Append(Text(issue.Name)).Append('\n');
            yaml.Append("        values: [").AppendJoin(", ", issue.Values.Select(Text)).Append("]\n");
            yaml.Append("        value:\n");
            foreach (var party in scenario.Parties)
            {
                yaml.Append("          ").Append(party.Id).Append(": [").AppendJoin(", ", issue.ValueByParty[party.Id].Select(Number)).Append("]\n");
            }
        }

        return yaml.ToString();
    }

    private static string Text(string text) => JsonSerializer.Serialize(text, s_strings);

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
