using Microsoft.AspNetCore.Http.Features;

namespace Simulation.Silo.Live;

/// <summary>
/// Writes a response as a stream of server-sent events (the HTML standard's text/event-stream):
/// each event a name, an optional id and one line of JSON, flushed at once so the browser sees it.
/// </summary>
public sealed class ServerSentEvents
{
    private readonly HttpResponse response;

    private ServerSentEvents(HttpResponse response) => this.response = response;

    public static ServerSentEvents Begin(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "text/event-stream; charset=utf-8";
        response.Headers.CacheControl = "no-cache";
        return new ServerSentEvents(response);
    }

    /// <summary>One event. JSON has no raw line breaks, so the data is one line.</summary>
    public async Task SendAsync(string name, string json, long? id, CancellationToken cancellation)
    {
        var text = id is { } number ? $"event: {name}\nid: {number}\ndata: {json}\n\n" : $"event: {name}\ndata: {json}\n\n";
        await response.WriteAsync(text, cancellation);
        await response.Body.FlushAsync(cancellation);
    }
}
