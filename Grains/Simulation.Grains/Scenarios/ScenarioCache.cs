using System.Security.Cryptography;
using System.Text;
using Simulation.Model.Scenarios;

namespace Simulation.Grains.Scenarios;

/// <summary>
/// The scenarios a silo has parsed, by the SHA-256 of their text: a run grain parses its scenario
/// once, and its country and negotiation grains on the same silo take the parsed scenario from here
/// instead of parsing the text again (a 100-country world has thousands of grains). A grain on a
/// silo that has not seen the scenario fetches the text once for the whole silo: concurrent
/// requests for a missing key share one fetch and one parse.
/// </summary>
/// <remarks>
/// Bounded, least recently used first out: at most <see cref="DefaultCapacity"/> scenarios and
/// <see cref="DefaultTextBudget"/> characters of their text (a proxy for their parsed size, which
/// grows with it). An evicted scenario is only parsed again if asked for again; the grains that
/// hold it keep it. A parsed <see cref="Scenario"/> is immutable records, so runs can share it.
/// </remarks>
public sealed class ScenarioCache(int capacity = ScenarioCache.DefaultCapacity, long textBudget = ScenarioCache.DefaultTextBudget)
{
    public const int DefaultCapacity = 64;

    /// <summary>64 Mi characters: sixteen scenarios of the largest size accepted, or hundreds of typical ones.</summary>
    public const long DefaultTextBudget = 64L * 1024 * 1024;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, LinkedListNode<Entry>> _byKey = new(StringComparer.Ordinal);

    // Most recently used first.
    private readonly LinkedList<Entry> _recency = new();
    private long _textHeld;
    private int _parses;

    /// <summary>How many times this cache has parsed a scenario text.</summary>
    public int Parses => Volatile.Read(ref _parses);

    /// <summary>How many scenarios it holds (or is fetching) now.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _byKey.Count;
            }
        }
    }

    /// <summary>The key of a scenario text: its SHA-256 in lower-case hex, over its UTF-8 bytes.</summary>
    public static string KeyOf(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>
    /// The scenario of <paramref name="text"/> and its key, parsed unless held already. Invalid text
    /// throws as <see cref="ScenarioLoader.Parse"/> does, with <paramref name="file"/> in the errors,
    /// and nothing is kept.
    /// </summary>
    public (string Key, Scenario Scenario) Parse(string text, string file)
    {
        var key = KeyOf(text);
        Entry? held;
        lock (_gate)
        {
            held = Find(key);
        }

        if (held is { Scenario.Task.IsCompletedSuccessfully: true })
        {
            return (key, held.Scenario.Task.Result);
        }

        var scenario = ParseCounted(text, file);
        lock (_gate)
        {
            var entry = Find(key) ?? Add(key);
            entry.Scenario.TrySetResult(scenario);
            Hold(entry, text.Length);
        }

        return (key, scenario);
    }

    /// <summary>
    /// The scenario under <paramref name="key"/>; if this silo does not hold it, its text from
    /// <paramref name="fetchText"/> (asked once however many grains wait for it), checked against
    /// the key and parsed.
    /// </summary>
    public Task<Scenario> GetAsync(string key, string file, Func<Task<string>> fetchText)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(fetchText);
        Entry entry;
        lock (_gate)
        {
            if (Find(key) is { } held)
            {
                return held.Scenario.Task;
            }

            entry = Add(key);
        }

        return FetchAsync(entry, file, fetchText);
    }

    private async Task<Scenario> FetchAsync(Entry entry, string file, Func<Task<string>> fetchText)
    {
        try
        {
            var text = await fetchText();
            if (KeyOf(text) != entry.Key)
            {
                throw new InvalidOperationException($"The scenario text fetched for key {entry.Key} has another key, {KeyOf(text)}.");
            }

            var scenario = ParseCounted(text, file);
            lock (_gate)
            {
                Hold(entry, text.Length);
            }

            entry.Scenario.TrySetResult(scenario);
        }
        catch (Exception error)
        {
            lock (_gate)
            {
                // A failed fetch is not remembered: the next grain to ask tries again.
                if (_byKey.TryGetValue(entry.Key, out var node) && node.Value == entry)
                {
                    Remove(node);
                }
            }

            entry.Scenario.TrySetException(error);
        }

        return await entry.Scenario.Task;
    }

    private Scenario ParseCounted(string text, string file)
    {
        var scenario = ScenarioLoader.Parse(text, file);
        Interlocked.Increment(ref _parses);
        return scenario;
    }

    /// <summary>The entry under <paramref name="key"/>, now the most recently used; null if none. Under the lock.</summary>
    private Entry? Find(string key)
    {
        if (!_byKey.TryGetValue(key, out var node))
        {
            return null;
        }

        _recency.Remove(node);
        _recency.AddFirst(node);
        return node.Value;
    }

    /// <summary>A new entry, waiting for its scenario, the most recently used. Under the lock.</summary>
    private Entry Add(string key)
    {
        var node = _recency.AddFirst(new Entry(key));
        _byKey[key] = node;
        Evict();
        return node.Value;
    }

    /// <summary>Counts an entry's text once it is known, then evicts what no longer fits. Under the lock.</summary>
    private void Hold(Entry entry, long textLength)
    {
        if (entry.TextLength == 0 && _byKey.TryGetValue(entry.Key, out var node) && node.Value == entry)
        {
            entry.TextLength = textLength;
            _textHeld += textLength;
            Evict();
        }
    }

    /// <summary>Drops the least recently used entries beyond the bounds, never the most recent one. Under the lock.</summary>
    private void Evict()
    {
        while (_recency.Count > 1 && (_recency.Count > capacity || _textHeld > textBudget))
        {
            Remove(_recency.Last!);
        }
    }

    private void Remove(LinkedListNode<Entry> node)
    {
        _recency.Remove(node);
        _byKey.Remove(node.Value.Key);
        _textHeld -= node.Value.TextLength;
    }

    private sealed class Entry(string key)
    {
        public string Key { get; } = key;

        public TaskCompletionSource<Scenario> Scenario { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Characters of its text, counted against the budget once known (0 while it is fetched).</summary>
        public long TextLength { get; set; }
    }
}
