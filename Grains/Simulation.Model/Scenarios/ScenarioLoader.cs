using System.Text;
using Simulation.Model.Input;

namespace Simulation.Model.Scenarios;

/// <summary>
/// Loads scenario files (DESIGN §6.1; YAML, or JSON since YAML reads it). Files are untrusted input:
/// loading is bounded in size, depth and alias expansion (<see cref="ScenarioLimits"/>), never
/// instantiates types named by the file, and fails only with <see cref="InvalidInputException"/>
/// listing every error found, each with file, line, column and path.
/// </summary>
public static class ScenarioLoader
{
    /// <summary>Reads and parses the file at <paramref name="path"/>; errors name the file as given.</summary>
    /// <exception cref="InvalidInputException">The file cannot be read or is not a valid scenario.</exception>
    public static Scenario LoadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Parse(ReadText(path), path);
    }

    /// <summary>Parses scenario text; <paramref name="fileName"/> is only used in errors.</summary>
    /// <exception cref="InvalidInputException">The text is not a valid scenario.</exception>
    public static Scenario Parse(string text, string fileName)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(fileName);

        // Length first: a char is at least one UTF-8 byte, so this rejects huge strings without
        // counting their bytes.
        if (text.Length > ScenarioLimits.MaxFileBytes || Encoding.UTF8.GetByteCount(text) > ScenarioLimits.MaxFileBytes)
        {
            throw Single(fileName, $"the scenario is larger than {ScenarioLimits.MaxFileBytes} bytes, the most accepted");
        }

        var errors = new InputErrorList(fileName);
        var root = YamlTreeReader.Read(text.TrimStart('\uFEFF'), errors);
        var scenario = root is null ? null : ScenarioBuilder.Build(root, errors);
        if (errors.Count > 0 || scenario is null)
        {
            throw errors.Count > 0 ? errors.ToException() : Single(fileName, "the scenario could not be read");
        }

        return scenario;
    }

    /// <summary>
    /// The text of the file at <paramref name="path"/>, read once and bounded as <see cref="LoadFile"/>
    /// reads it, for a caller that needs the text itself (a pipe cannot be read twice).
    /// </summary>
    /// <exception cref="InvalidInputException">The file cannot be read, is too large or is not UTF-8.</exception>
    public static string ReadText(string path)
    {
        ArgumentNullException.ThrowIfNull(path);

        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            if (stream.CanSeek && stream.Length > ScenarioLimits.MaxFileBytes)
            {
                throw Single(path, $"the file is {stream.Length} bytes; at most {ScenarioLimits.MaxFileBytes} are accepted");
            }

            // Read up to one byte past the limit rather than trusting Length: devices, pipes and
            // files growing while being read have none or a wrong one.
            var content = new MemoryStream();
            var chunk = new byte[64 * 1024];
            int read;
            while (content.Length <= ScenarioLimits.MaxFileBytes && (read = stream.Read(chunk, 0, chunk.Length)) > 0)
            {
                content.Write(chunk, 0, read);
            }

            if (content.Length > ScenarioLimits.MaxFileBytes)
            {
                throw Single(path, $"the file is larger than {ScenarioLimits.MaxFileBytes} bytes, the most accepted");
            }

            content.Position = 0;
            using var reader = new StreamReader(
                content,
                new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true),
                detectEncodingFromByteOrderMarks: true);
            return reader.ReadToEnd();
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw Single(path, "the file does not exist");
        }
        catch (UnauthorizedAccessException)
        {
            throw Single(path, "the file cannot be read (permission denied, or it is a directory)");
        }
        catch (DecoderFallbackException)
        {
            throw Single(path, "the file is not valid UTF-8 text");
        }
        catch (Exception e) when (e is IOException or ArgumentException or NotSupportedException)
        {
            throw Single(path, $"the file cannot be read: {e.Message}");
        }
    }

    private static InvalidInputException Single(string file, string message) =>
        new([new InputError(file, null, null, "", message)]);
}
