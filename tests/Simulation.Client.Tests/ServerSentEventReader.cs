using System.Runtime.CompilerServices;
using System.Text;

namespace Simulation.Client.Tests;

/// <summary>One server-sent event: its name ("message" when none is given), id and data.</summary>
public sealed record ServerSentEvent(string Name, string? Id, string Data);

/// <summary>
/// Reads a text/event-stream as the HTML standard defines it (fields "event", "id", "data"; a blank
/// line ends an event; a line starting with a colon is a comment), written here for the tests rather
/// than taken from the silo, which writes the stream.
/// </summary>
public static class ServerSentEventReader
{
    public static async IAsyncEnumerable<ServerSentEvent> ReadAsync(Stream stream, [EnumeratorCancellation] CancellationToken cancellation)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8);
        string? name = null, id = null;
        var data = new StringBuilder();
        var hasData = false;
        while (await reader.ReadLineAsync(cancellation) is { } line)
        {
            if (line.Length == 0)
            {
                if (hasData)
                {
                    yield return new ServerSentEvent(name ?? "message", id, data.ToString());
                }

                (name, hasData) = (null, false);
                data.Clear();
                continue;
            }

            if (line.StartsWith(':'))
            {
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var field = colon < 0 ? line : line[..colon];
            var value = colon < 0 ? "" : line[(colon + 1)..];
            value = value.StartsWith(' ') ? value[1..] : value;
            switch (field)
            {
                case "event":
                    name = value;
                    break;
                case "id":
                    id = value;
                    break;
                case "data":
                    data.Append(hasData ? "\n" : "").Append(value);
                    hasData = true;
                    break;
            }
        }
    }
}
