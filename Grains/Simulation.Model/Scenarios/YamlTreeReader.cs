using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Simulation.Model.Scenarios;

/// <summary>
/// Turns YAML (or JSON) text into a <see cref="YamlNode"/> tree, reading YamlDotNet's event stream
/// rather than its object deserializer so that nothing in a file can choose a .NET type to build.
/// It also refuses what a scenario never needs and an attacker might use: tags, more than one
/// document, non-scalar or duplicate keys, deep nesting and large alias expansions.
/// </summary>
internal sealed class YamlTreeReader
{
    private const string CoreSchemaPrefix = "tag:yaml.org,2002:";

    private readonly IParser _parser;
    private readonly InputErrorList _errors;
    private readonly Dictionary<string, Anchored> _anchors = new(StringComparer.Ordinal);
    private long _aliasExpandedNodes;

    private YamlTreeReader(string text, InputErrorList errors)
    {
        _parser = new Parser(new StringReader(text));
        _errors = errors;
    }

    /// <summary>
    /// Reads the single document of <paramref name="text"/>. Returns null when the document could not
    /// be read to its end (syntax error, a limit exceeded, empty file): the errors say why, and a
    /// partial tree would only add misleading "missing key" errors.
    /// </summary>
    public static YamlNode? Read(string text, InputErrorList errors)
    {
        var reader = new YamlTreeReader(text, errors);
        try
        {
            return reader.ReadStream();
        }
        catch (Abort)
        {
            return null;
        }
    }

    private YamlNode? ReadStream()
    {
        Next(); // StreamStart
        Next(); // DocumentStart, or StreamEnd when there is no document
        if (_parser.Current is StreamEnd end)
        {
            _errors.Add(ToInt(end.Start.Line), ToInt(end.Start.Column), "", "the file is empty (expected a mapping with at least 'name')");
            return null;
        }

        Next();
        var root = ReadNode(depth: 1, Where.Root).Node;
        Next(); // DocumentEnd
        Next(); // StreamEnd, or the start of another document
        if (_parser.Current is DocumentStart second)
        {
            // The scenario is the first document; later ones are not read, so they cannot smuggle
            // anything in, and the first is still checked so that its own errors are reported too.
            _errors.Add(ToInt(second.Start.Line), ToInt(second.Start.Column), "",
                "a second YAML document starts here; a scenario file holds exactly one document");
        }

        return root;
    }

    /// <summary>Reads the node whose first event is current, leaving its last event current.</summary>
    private Built ReadNode(int depth, Where path)
    {
        var ev = _parser.Current ?? throw new InvalidOperationException("the YAML parser has no current event");
        var line = ToInt(ev.Start.Line);
        var column = ToInt(ev.Start.Column);
        if (depth > ScenarioLimits.MaxNestingDepth)
        {
            Fail(line, column, path, $"nesting is deeper than {ScenarioLimits.MaxNestingDepth} levels");
        }

        if (ev is AnchorAlias alias)
        {
            return ExpandAlias(alias, depth, path, line, column);
        }

        if (ev is not NodeEvent nodeEvent)
        {
            // YamlDotNet can emit an end event where a node belongs on malformed input (" :\t :&"):
            // a syntax error, not a crash.
            _errors.Add(line, column, path.ToString(), $"YAML syntax error: a value is missing here (found {ev.GetType().Name})");
            throw new Abort();
        }

        if (!nodeEvent.Tag.IsEmpty)
        {
            _errors.Add(line, column, path.ToString(), $"YAML tags are not allowed (found {Quoted.Text(ShowTag(nodeEvent.Tag))}); remove it");
        }

        var built = nodeEvent switch
        {
            Scalar scalar => new Built(new YamlScalar(scalar.Value, scalar.Style == ScalarStyle.Plain, line, column), 1, 1, ToInt(scalar.End.Index)),
            SequenceStart sequenceStart => ReadSequence(depth, path, line, column, sequenceStart),
            MappingStart start => ReadMapping(depth, path, line, column, start),
            _ => throw new InvalidOperationException($"unexpected YAML event {ev.GetType().Name}"),
        };

        if (!nodeEvent.Anchor.IsEmpty)
        {
            _anchors[nodeEvent.Anchor.Value] = new Anchored(built.Node, built.Size, built.Height);
        }

        return built;
    }

    private Built ExpandAlias(AnchorAlias alias, int depth, Where path, int line, int column)
    {
        if (!_anchors.TryGetValue(alias.Value.Value, out var anchored))
        {
            _errors.Add(line, column, path.ToString(), $"alias {Quoted.Text("*" + alias.Value.Value)} refers to no anchor defined before it");
            return new Built(new YamlScalar("", isPlain: true, line, column), 1, 1, ToInt(alias.End.Index));
        }

        // Nodes are shared, not copied, so an alias costs no memory here; but everything downstream
        // walks the expansion, so that is what is counted.
        _aliasExpandedNodes += anchored.Size;
        if (_aliasExpandedNodes > ScenarioLimits.MaxAliasExpandedNodes)
        {
            Fail(line, column, path,
                $"aliases expand to more than {ScenarioLimits.MaxAliasExpandedNodes} nodes in total; write the values out instead");
        }

        if (depth + anchored.Height - 1 > ScenarioLimits.MaxNestingDepth)
        {
            Fail(line, column, path, $"nesting is deeper than {ScenarioLimits.MaxNestingDepth} levels once alias {Quoted.Text("*" + alias.Value.Value)} is expanded");
        }

        return new Built(anchored.Node, anchored.Size, anchored.Height, ToInt(alias.End.Index));
    }

    private Built ReadSequence(int depth, Where path, int line, int column, SequenceStart start)
    {
        // As for a mapping (ReadMapping): a block sequence's text ends with its last item.
        var end = ToInt(start.Start.Index);
        var items = new List<YamlNode>();
        long size = 1;
        var height = 1;
        while (Next() is not SequenceEnd)
        {
            var item = ReadNode(depth + 1, new Where(path, null, items.Count));
            items.Add(item.Node);
            end = item.End;
            size += item.Size;
            height = Math.Max(height, item.Height + 1);
        }

        return new Built(new YamlSequence(items, line, column), size, height, start.Style == SequenceStyle.Flow ? ClosingEnd() : end);
    }

    private Built ReadMapping(int depth, Where path, int line, int column, MappingStart start)
    {
        // A block mapping's end event stands where the next token starts, lines below; its text ends
        // with its last value. A flow mapping's ends with its closing brace.
        var end = ToInt(start.Start.Index);
        var entries = new List<YamlMappingEntry>();
        var seen = new Dictionary<string, YamlScalar>(StringComparer.Ordinal);
        long size = 1;
        var height = 1;
        while (Next() is not MappingEnd)
        {
            var keyEvent = _parser.Current;
            var key = ReadNode(depth + 1, path);
            Next();
            var valuePath = key.Node is YamlScalar k ? new Where(path, k.Value, 0) : path;
            var value = ReadNode(depth + 1, valuePath);
            end = value.End;
            size += key.Size + value.Size;
            height = Math.Max(height, Math.Max(key.Height, value.Height) + 1);

            if (keyEvent is not Scalar || key.Node is not YamlScalar keyScalar)
            {
                var what = keyEvent is AnchorAlias ? "an alias" : key.Node.Describe();
                _errors.Add(key.Node.Line, key.Node.Column, path.ToString(), $"mapping keys must be text (scalars), not {what}");
                continue;
            }

            if (seen.TryGetValue(keyScalar.Value, out var first))
            {
                _errors.Add(keyScalar.Line, keyScalar.Column, valuePath.ToString(),
                    $"duplicate key {Quoted.Text(keyScalar.Value)} (first at line {first.Line}, column {first.Column})");
                continue;
            }

            seen.Add(keyScalar.Value, keyScalar);
            entries.Add(new YamlMappingEntry(keyScalar, value.Node));
        }

        if (start.Style == MappingStyle.Flow)
        {
            end = ClosingEnd();
        }

        return new Built(new YamlMapping(entries, line, column) { Span = (ToInt(start.Start.Index), end) }, size, height, end);
    }

    /// <summary>
    /// Moves to the next event. Everything YamlDotNet throws ends reading with an error: syntax
    /// errors at their own position, and anything else (it validates some tokens, such as tag
    /// URIs, with framework exceptions) at the last position read, since a hostile file must get
    /// an error and never a crash.
    /// </summary>
    private ParsingEvent Next()
    {
        var last = _parser.Current?.End ?? Mark.Empty;
        bool moved;
        try
        {
            moved = _parser.MoveNext();
        }
        catch (YamlException e)
        {
            var at = e.Start.Line > 0 ? e.Start : last;
            _errors.Add(ToInt(at.Line), ToInt(at.Column), "", $"YAML syntax error: {e.Message}");
            throw new Abort();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            _errors.Add(ToInt(last.Line), ToInt(last.Column), "", $"YAML syntax error: {e.Message}");
            throw new Abort();
        }

        if (!moved || _parser.Current is not { } current)
        {
            _errors.Add(ToInt(last.Line), ToInt(last.Column), "", "YAML syntax error: the document ends unexpectedly");
            throw new Abort();
        }

        return current;
    }

    private void Fail(int line, int column, Where path, string message)
    {
        _errors.Add(line, column, path.ToString(), message);
        throw new Abort();
    }

    private static string ShowTag(TagName tag)
    {
        var text = tag.ToString();
        return text.StartsWith(CoreSchemaPrefix, StringComparison.Ordinal) ? "!!" + text[CoreSchemaPrefix.Length..] : text;
    }

    /// <summary>
    /// The offset just past the closing bracket of the flow collection whose end event is current:
    /// YamlDotNet marks that event where the bracket starts.
    /// </summary>
    private int ClosingEnd() => ToInt(_parser.Current!.Start.Index) + 1;

    private static int ToInt(long value) => (int)Math.Clamp(value, 0, int.MaxValue);

    /// <summary>
    /// A node with its expanded size (nodes, aliases included), height (levels) and the offset just
    /// past its text.
    /// </summary>
    private readonly record struct Built(YamlNode Node, long Size, int Height, int End);

    private sealed record Anchored(YamlNode Node, long Size, int Height);

    /// <summary>
    /// Where a node is, built into a path string only when an error needs it: eager strings would
    /// cost depth × key length for every node, which a hostile file can make very large.
    /// </summary>
    private sealed class Where(Where? parent, string? key, int index)
    {
        public static Where Root { get; } = new(null, null, 0);

        public override string ToString() => parent is null
            ? ""
            : key is null ? DocumentPath.Index(parent.ToString(), index) : DocumentPath.Key(parent.ToString(), key);
    }

    /// <summary>Unwinds the reader once a limit is exceeded; the error is already recorded.</summary>
    private sealed class Abort : Exception;
}
