using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Simulation.Client.Tests;

/// <summary>
/// The README is a front door (at most 250 lines) and the documentation holds together: every relative
/// link in README.md and docs/**/*.md leads to a file that exists and, when it names a heading, to a
/// heading that exists; every file a page names under scenarios/ is there; every shipped scenario has
/// its case study.
/// </summary>
public sealed partial class DocumentationTests
{
    private static readonly string Root = RepositoryPaths.Root;

    /// <summary>README.md and every Markdown file under docs/, as paths relative to the repository root.</summary>
    private static IEnumerable<string> Pages() =>
        new[] { "README.md" }.Concat(
            Directory.EnumerateFiles(Path.Combine(Root, "docs"), "*.md", SearchOption.AllDirectories)
                .Select(p => Path.GetRelativePath(Root, p).Replace('\\', '/'))
                .Order(StringComparer.Ordinal));

    [Fact]
    public void The_README_is_at_most_250_lines()
    {
        var lines = File.ReadAllLines(Path.Combine(Root, "README.md"));

        lines.Length.Should().BeLessThanOrEqualTo(250, "the README is the front door; the reference is under docs/");
    }

    [Fact]
    public void The_README_keeps_the_quick_start_s_two_commands()
    {
        var readme = File.ReadAllText(Path.Combine(Root, "README.md"));

        readme.Should().Contain("```bash\ndotnet run --project Client -- run scenarios/canada-indonesia.yaml\nbash .ci/test\n```");
    }

    [Fact]
    public void Every_relative_link_leads_to_a_file_that_exists_and_to_a_heading_it_has()
    {
        var broken = new List<string>();
        foreach (var page in Pages())
        {
            var directory = Path.GetDirectoryName(Path.Combine(Root, page))!;
            foreach (var (line, target) in Links(File.ReadAllText(Path.Combine(Root, page))))
            {
                if (Uri.TryCreate(target, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https" or "mailto")
                {
                    continue;
                }

                var hash = target.IndexOf('#', StringComparison.Ordinal);
                var file = hash < 0 ? target : target[..hash];
                var anchor = hash < 0 ? null : target[(hash + 1)..];
                var path = file.Length == 0 ? Path.Combine(Root, page) : Path.GetFullPath(Path.Combine(directory, Uri.UnescapeDataString(file)));
                if (!File.Exists(path))
                {
                    broken.Add($"{page}:{line}: {target} (no file {Path.GetRelativePath(Root, path)})");
                }
                else if (anchor is not null && path.EndsWith(".md", StringComparison.Ordinal) && !Anchors(File.ReadAllText(path)).Contains(anchor))
                {
                    broken.Add($"{page}:{line}: {target} (no heading #{anchor} in {Path.GetRelativePath(Root, path)})");
                }
            }
        }

        string.Join('\n', broken).Should().BeEmpty("every link is followed from the page's own folder, as GitHub follows it");
    }

    [Fact]
    public void Every_file_a_page_names_under_scenarios_exists()
    {
        // Commands run from the repository root, so a path such as scenarios/us-canada.yaml is read from there.
        var missing = Pages()
            .SelectMany(page => ScenarioPath().Matches(File.ReadAllText(Path.Combine(Root, page))).Select(m => (page, path: m.Value)))
            .Where(p => !File.Exists(Path.Combine(Root, p.path)) && !Directory.Exists(Path.Combine(Root, p.path)))
            .Select(p => $"{p.page}: {p.path}")
            .Distinct(StringComparer.Ordinal)
            .ToList();

        string.Join('\n', missing).Should().BeEmpty("the pages' commands run from the repository root");
    }

    [Fact]
    public void Every_shipped_scenario_has_a_case_study_that_runs_it_from_the_repository_root()
    {
        // The scenarios at the top of scenarios/ (the episode file there is not one).
        foreach (var scenario in ShippedScenarios.Files().Where(f => Path.GetDirectoryName(f) == "scenarios").Select(Path.GetFileNameWithoutExtension))
        {
            var caseStudy = Documentation.PathOf($"case-studies/{scenario}.md");
            File.Exists(caseStudy).Should().BeTrue($"scenarios/{scenario}.yaml is shipped, so docs/case-studies/{scenario}.md tells what it shows");
            File.ReadAllText(caseStudy).Should().Contain($"dotnet run --project Client -- run scenarios/{scenario}.yaml");
        }
    }

    [Fact]
    public void Every_docs_page_says_at_its_top_that_its_commands_run_from_the_repository_root()
    {
        foreach (var page in Pages().Where(p => p.StartsWith("docs/", StringComparison.Ordinal)))
        {
            var top = string.Join('\n', File.ReadLines(Path.Combine(Root, page)).Take(5));
            top.Should().Contain("runs from the repository root", page);
        }
    }

    [Theory]
    [InlineData("## `run`: playing a scenario", "run-playing-a-scenario")]
    [InlineData("### A worked example: how Canada's bargaining style plays out in the pivot", "a-worked-example-how-canadas-bargaining-style-plays-out-in-the-pivot")]
    [InlineData("# Canada–China: canola for EVs, November 2025", "canadachina-canola-for-evs-november-2025")]
    [InlineData("## Discrete issues, quota issues and utility scenarios", "discrete-issues-quota-issues-and-utility-scenarios")]
    public void A_heading_s_anchor_is_the_one_GitHub_makes(string heading, string anchor)
    {
        // GitHub's rule (github-slugger): lower case; drop every character but letters, digits, marks,
        // connector punctuation, '-' and ' '; blanks become '-'. Checked here on headings whose anchors
        // were read off GitHub's rendering rules by hand.
        Anchors(heading + "\n").Should().Contain(anchor);
    }

    /// <summary>Each link's line and target, outside fenced code blocks: [text](target) and ![alt](target).</summary>
    private static IEnumerable<(int Line, string Target)> Links(string markdown)
    {
        var fenced = false;
        var lines = markdown.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                fenced = !fenced;
                continue;
            }

            if (!fenced)
            {
                foreach (Match link in Link().Matches(lines[i]))
                {
                    yield return (i + 1, link.Groups[1].Value);
                }
            }
        }
    }

    /// <summary>The anchors GitHub gives the page's headings (a repeated one gets -1, -2, … after the first).</summary>
    private static HashSet<string> Anchors(string markdown)
    {
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        var fenced = false;
        foreach (var line in markdown.Split('\n'))
        {
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                fenced = !fenced;
                continue;
            }

            var heading = Heading().Match(line);
            if (fenced || !heading.Success)
            {
                continue;
            }

            var slug = new StringBuilder();
            foreach (var c in heading.Groups[1].Value.Trim().ToLowerInvariant())
            {
                var category = char.GetUnicodeCategory(c);
                if (char.IsLetterOrDigit(c) || c is '-' or '_' || category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.ConnectorPunctuation)
                {
                    slug.Append(c);
                }
                else if (c == ' ')
                {
                    slug.Append('-');
                }
            }

            var anchor = slug.ToString();
            for (var n = 1; !anchors.Add(anchor); n++)
            {
                anchor = $"{slug}-{n}";
            }
        }

        return anchors;
    }

    [GeneratedRegex(@"!?\[[^\]]*\]\(([^)\s]+)\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"^#{1,6} (.+)$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"(?<![\w./-])scenarios/[\w./-]*\.(?:yaml|csv|xml|json|md)")]
    private static partial Regex ScenarioPath();
}
