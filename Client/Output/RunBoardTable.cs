using Spectre.Console;
using Spectre.Console.Rendering;

namespace Simulation.Client.Output;

/// <summary>
/// <see cref="RunBoard"/> as a terminal table for Spectre's live display: the clock above, a row per
/// negotiation (the standing offer one issue per line, the utilities one party per line), and the
/// latest events below. Only the latest events are shown, so the display stays within a screen.
/// </summary>
public static class RunBoardTable
{
    /// <summary>How many of the latest events are listed below the table.</summary>
    private const int EventsShown = 8;

    public static IRenderable Render(RunBoard board)
    {
        ArgumentNullException.ThrowIfNull(board);
        var table = new Table()
            .Border(TableBorder.Rounded)
            .AddColumn("Negotiation")
            .AddColumn("Status")
            .AddColumn(new TableColumn("Rounds").RightAligned())
            .AddColumn(new TableColumn("Standing offer, tariff %").NoWrap())
            .AddColumn("By")
            .AddColumn(new TableColumn("Utility").NoWrap());
        foreach (var n in board.Negotiations)
        {
            table.AddRow(
                TerminalText.Markup(n.Negotiation),
                StatusMarkup(n.Status),
                RunBoard.Rounds(n),
                n.StandingOffer.Count == 0 ? "[grey]none yet[/]" : string.Join('\n', n.StandingOffer.Select(TerminalText.Markup)),
                TerminalText.Markup(n.OfferedBy ?? ""),
                string.Join('\n', RunBoard.Utilities(n).Select(TerminalText.Markup)));
        }

        var rows = new List<IRenderable>
        {
            new Markup($"[bold]{TerminalText.Markup(board.Name)}[/]: {TerminalText.Markup(board.Clock())}"),
            table,
        };
        if (board.Events.Count > 0)
        {
            var earlier = board.Events.Count - EventsShown;
            rows.Add(new Markup("[bold]Events[/]" + (earlier > 0 ? $" [grey]({earlier} earlier)[/]" : "")));
            rows.AddRange(board.Events.Skip(Math.Max(0, earlier)).Select(e => new Markup($"  {TerminalText.Markup(e)}")));
        }

        return new Rows(rows);
    }

    private static string StatusMarkup(string status) => status switch
    {
        "agreed" => "[green]agreed[/]",
        "active" => "[yellow]active[/]",
        _ => TerminalText.Markup(status),
    };
}
