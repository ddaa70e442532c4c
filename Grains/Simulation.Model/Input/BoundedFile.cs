using System.Text;

namespace Simulation.Model.Input;

/// <summary>
/// Reads a user's text file whole, bounded in size and strictly UTF-8 (a byte order mark is
/// dropped): the scenario itself and the table files it names are read this way, so that neither
/// a huge file nor a device or pipe that never ends can exhaust memory.
/// </summary>
internal static class BoundedFile
{
    /// <summary>
    /// The text of the file at <paramref name="path"/>, at most <paramref name="maxBytes"/> bytes;
    /// errors name it <paramref name="shownAs"/>.
    /// </summary>
    /// <exception cref="InvalidInputException">The file cannot be read, is too large or is not UTF-8.</exception>
    public static string ReadText(string path, string shownAs, int maxBytes) => Decode(ReadBytes(path, shownAs, maxBytes), shownAs);

    /// <summary>
    /// The bytes of the file at <paramref name="path"/>, at most <paramref name="maxBytes"/>; for a file
    /// whose digest is recorded beside what was read from it (<see cref="Decode"/> gives its text).
    /// </summary>
    /// <exception cref="InvalidInputException">The file cannot be read or is too large.</exception>
    public static byte[] ReadBytes(string path, string shownAs, int maxBytes)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(shownAs);

        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            if (stream.CanSeek && stream.Length > maxBytes)
            {
                throw Single(shownAs, $"the file is {stream.Length} bytes; at most {maxBytes} are accepted");
            }

            // Read up to one byte past the limit rather than trusting Length: devices, pipes and
            // files growing while being read have none or a wrong one.
            var content = new MemoryStream();
            var chunk = new byte[64 * 1024];
            int read;
            while (content.Length <= maxBytes && (read = stream.Read(chunk, 0, chunk.Length)) > 0)
            {
                content.Write(chunk, 0, read);
            }

            if (content.Length > maxBytes)
            {
                throw Single(shownAs, $"the file is larger than {maxBytes} bytes, the most accepted");
            }

            return content.ToArray();
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw Single(shownAs, "the file does not exist");
        }
        catch (UnauthorizedAccessException)
        {
            throw Single(shownAs, "the file cannot be read (permission denied, or it is a directory)");
        }
        catch (Exception e) when (e is IOException or ArgumentException or NotSupportedException)
        {
            throw Single(shownAs, $"the file cannot be read: {e.Message}");
        }
    }

    /// <summary>The bytes read as strict UTF-8, a byte order mark dropped.</summary>
    /// <exception cref="InvalidInputException">They are not UTF-8.</exception>
    public static string Decode(byte[] bytes, string shownAs)
    {
        try
        {
            using var reader = new StreamReader(
                new MemoryStream(bytes),
                new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true),
                detectEncodingFromByteOrderMarks: true);
            return reader.ReadToEnd();
        }
        catch (DecoderFallbackException)
        {
            throw Single(shownAs, "the file is not valid UTF-8 text");
        }
    }

    private static InvalidInputException Single(string file, string message) =>
        new([new InputError(file, null, null, "", message)]);
}
