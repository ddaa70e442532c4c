using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using Simulation.Model.Input;

namespace Simulation.Model.Genius;

/// <summary>
/// Loads one GENIUS XML file as untrusted input: bounded in size (<see cref="GeniusLimits.MaxFileBytes"/>)
/// and depth (<see cref="GeniusLimits.MaxDepth"/>), with no DTD processing at all (a DOCTYPE is an
/// error, so neither "billion laughs" entity expansion nor external entities can happen) and no
/// resolver (nothing outside the file is ever fetched). Elements keep their line and column for errors.
/// </summary>
internal static class GeniusXml
{
    /// <exception cref="InvalidInputException">The file cannot be read, is too large or deep, or is not well-formed XML.</exception>
    public static XDocument Load(string path)
    {
        byte[] bytes;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                throw Error(path, null, null, Directory.Exists(path) ? "is a directory, not a GENIUS XML file" : "the file does not exist");
            }

            if (info.Length > GeniusLimits.MaxFileBytes)
            {
                throw Error(path, null, null, $"the file is {info.Length} bytes; at most {GeniusLimits.MaxFileBytes} are accepted");
            }

            bytes = ReadBounded(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Error(path, null, null, $"the file cannot be read ({(e is UnauthorizedAccessException ? "permission denied" : e.Message)})");
        }

        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersFromEntities = 0,
            MaxCharactersInDocument = GeniusLimits.MaxFileBytes,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            CloseInput = true,
        };

        try
        {
            // A first pass checks the depth, so that the tree is only built from a file within bounds.
            using (var reader = XmlReader.Create(new MemoryStream(bytes, writable: false), settings))
            {
                while (reader.Read())
                {
                    if (reader.Depth > GeniusLimits.MaxDepth)
                    {
                        var line = (IXmlLineInfo)reader;
                        throw Error(path, line.LineNumber, line.LinePosition,
                            $"elements nest deeper than {GeniusLimits.MaxDepth} levels, the most accepted (GENIUS files nest about 5)");
                    }
                }
            }

            using var second = XmlReader.Create(new MemoryStream(bytes, writable: false), settings);
            return XDocument.Load(second, LoadOptions.SetLineInfo);
        }
        catch (XmlException e)
        {
            if (e.Message.Contains("DTD", StringComparison.Ordinal))
            {
                // The reader stops at the DOCTYPE without saying where it is.
                var line = DoctypeLine(bytes);
                throw Error(path, line, line is null ? null : 1,
                    "the file has a DOCTYPE (DTD); GENIUS files have none, and DTDs are refused, since their entities can expand without bound or read other files");
            }

            throw Error(path, e.LineNumber > 0 ? e.LineNumber : null, e.LinePosition > 0 ? e.LinePosition : null,
                $"not well-formed XML: {WithoutPosition(e.Message)}");
        }
    }

    public static InvalidInputException Error(string file, int? line, int? column, string message) =>
        new([new InputError(file, line, column, "", message)]);

    private static byte[] ReadBounded(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        var content = new MemoryStream();
        var chunk = new byte[64 * 1024];
        int read;
        // Read up to one byte past the limit rather than trusting Length, which a device or a growing file may not have right.
        while (content.Length <= GeniusLimits.MaxFileBytes && (read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            content.Write(chunk, 0, read);
        }

        if (content.Length > GeniusLimits.MaxFileBytes)
        {
            throw Error(path, null, null, $"the file is larger than {GeniusLimits.MaxFileBytes} bytes, the most accepted");
        }

        return content.ToArray();
    }

    /// <summary>The 1-based line of the first "&lt;!DOCTYPE", if any.</summary>
    private static int? DoctypeLine(byte[] bytes)
    {
        var at = bytes.AsSpan().IndexOf("<!DOCTYPE"u8);
        return at < 0 ? null : bytes.AsSpan(0, at).Count((byte)'\n') + 1;
    }

    /// <summary>XmlException messages end with "Line n, position m.", which the error already says.</summary>
    private static string WithoutPosition(string message)
    {
        var at = message.IndexOf(" Line ", StringComparison.Ordinal);
        return (at > 0 ? message[..at] : message).TrimEnd('.', ' ');
    }

    /// <summary>The line and column of <paramref name="node"/>, when known.</summary>
    public static (int? Line, int? Column) Position(XObject node) =>
        node is IXmlLineInfo info && info.HasLineInfo() ? (info.LineNumber, info.LinePosition) : (null, null);

    /// <summary>A finite number written the XML way (invariant culture), or null.</summary>
    public static double? Number(string? text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) ? value : null;
}
