using Simulation.Client.Commands;

namespace Simulation.Client.Output;

/// <summary>
/// A file an option names for output (`--out`). It is checked before any work starts (DESIGN §8:
/// limits and paths are checked before work starts), so a mistyped path costs nothing: the path
/// must name a file whose directory exists and in which a file can be created. The directory is
/// never created. When the work is done, a regular file (or a new one) is written to a temporary
/// file beside it and renamed over it, so it is replaced whole or not at all, and the temporary
/// file never outlives the command; a device or a pipe (/dev/stdout, a FIFO) is written through,
/// since renaming over it would replace it with a plain file.
/// </summary>
public sealed class OutputFile
{
    private readonly string option;
    private readonly string destination;
    private readonly FileMode? through;

    private OutputFile(string option, string path, string destination, FileMode? through)
    {
        this.option = option;
        Path = path;
        this.destination = destination;
        this.through = through;
    }

    /// <summary>The path as typed.</summary>
    public string Path { get; }

    /// <summary>The option that names the file, as typed on the command line.</summary>
    public string Option => option;

    /// <summary>Checks that <paramref name="path"/> can be written; <paramref name="example"/> names a file for the error about a directory.</summary>
    /// <exception cref="UsageException">It cannot, with what is wrong.</exception>
    public static OutputFile Check(string option, string path, string example = "outcome.json")
    {
        // One line whatever the path holds: a line break typed in a path is spelled out, not printed.
        UsageException Problem(string problem) => new(TerminalText.Safe($"{option} '{path}': {problem}"));

        if (string.IsNullOrWhiteSpace(path))
        {
            throw Problem("expected a file path");
        }

        var full = System.IO.Path.GetFullPath(path);
        var kind = PathKinds.Of(full);
        if (kind == PathKind.Directory)
        {
            throw Problem($"is a directory; name a file in it, e.g. '{System.IO.Path.Combine(path, example)}'");
        }

        // Written through, by the name given (/dev/stdout's links lead to names only the kernel can
        // open): a pipe, a device, and a file reached through /dev/stdout or /dev/fd/N, which is
        // the shell's redirection (appended to, as the shell's other writers do).
        if (kind == PathKind.Pipe)
        {
            // Opening a pipe waits for its reader, so it is opened only to write.
            return new OutputFile(option, path, full, FileMode.Open);
        }

        if (kind == PathKind.Device || (kind == PathKind.RegularFile && IsRedirection(full)))
        {
            var mode = kind == PathKind.Device ? FileMode.Open : FileMode.Append;
            try
            {
                using var device = new FileStream(full, mode, FileAccess.Write, FileShare.ReadWrite, 1);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw Problem($"cannot be opened for writing ({Reason(e)})");
            }

            return new OutputFile(option, path, full, mode);
        }

        // A link to a file is kept and its target replaced, as an editor saving through it would.
        var destination = ResolveLinks(full);
        if (new FileInfo(destination).LinkTarget is not null)
        {
            throw Problem("is a link that leads round in a loop of links to no file");
        }

        if (IsKernelSetting(destination))
        {
            throw Problem("is a file of the kernel's /proc or /sys, not a place for output");
        }

        var directory = System.IO.Path.GetDirectoryName(destination)!;
        if (!Directory.Exists(directory))
        {
            throw Problem(MissingDirectory(directory));
        }

        // Only trying tells whether a file can be created here (permissions, read-only mounts, procfs).
        try
        {
            using var probe = new FileStream(TemporaryName(destination), FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Problem($"cannot create a file in '{directory}' ({Reason(e)})");
        }

        return new OutputFile(option, path, destination, through: null);
    }

    /// <summary>The usage error for this file, naming the option and the path as typed, on one line.</summary>
    public UsageException Refuse(string problem) => new(TerminalText.Safe($"{option} '{Path}': {problem}"));

    /// <summary>Whether writing would replace the file at <paramref name="path"/> (the input, say), links followed.</summary>
    public bool Replaces(string path) =>
        through is null && string.Equals(ResolveLinks(System.IO.Path.GetFullPath(path)), destination, StringComparison.Ordinal);

    /// <summary>Writes <paramref name="contents"/> whole; on failure or cancellation the old file, if any, is left as it was.</summary>
    /// <exception cref="IOException">The write failed; the message names the path.</exception>
    public Task WriteAsync(string contents, CancellationToken cancellation) => WriteAllAsync([(this, contents)], cancellation);

    /// <summary>
    /// Writes several files as one result: every regular file to its temporary file first, then
    /// every device or pipe, and only when all of that succeeded is each temporary file renamed over
    /// its destination. A write that fails (a full disk, /dev/full, a closed pipe) or a cancellation
    /// therefore leaves every regular file as it was, never a new outcome beside an old trace. What
    /// was written through a device or a pipe cannot be taken back, and a rename that fails after
    /// others succeeded (the file system changed under the command) is reported as such.
    /// </summary>
    /// <exception cref="IOException">A write failed; the message names the option and the path.</exception>
    public static async Task WriteAllAsync(IReadOnlyList<(OutputFile File, string Contents)> outputs, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        var staged = new List<(OutputFile File, string Temporary)>();
        try
        {
            foreach (var (file, contents) in outputs.Where(o => o.File.through is null))
            {
                staged.Add((file, await file.Attempt(() => file.StageAsync(contents, cancellation))));
            }

            foreach (var (file, contents) in outputs.Where(o => o.File.through is not null))
            {
                await file.Attempt(async () =>
                {
                    await file.WriteThroughAsync(contents, cancellation);
                    return file.destination;
                });
            }

            cancellation.ThrowIfCancellationRequested();
            foreach (var (file, temporary) in staged)
            {
                await file.Attempt(() =>
                {
                    File.Move(temporary, file.destination, overwrite: true);
                    return Task.FromResult(file.destination);
                });
            }
        }
        finally
        {
            foreach (var (_, temporary) in staged)
            {
                File.Delete(temporary);
            }
        }
    }

    /// <summary>Runs one step of a write, its failure reported with this file's option and path.</summary>
    private async Task<string> Attempt(Func<Task<string>> step)
    {
        try
        {
            return await step();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new IOException(TerminalText.Safe($"cannot write {option} '{Path}' ({Reason(e)})"), e);
        }
    }

    private async Task WriteThroughAsync(string contents, CancellationToken cancellation)
    {
        await using var device = new FileStream(destination, through!.Value, FileAccess.Write, FileShare.ReadWrite, 1);
        await using var writer = new StreamWriter(device);
        await writer.WriteAsync(contents.AsMemory(), cancellation);
        await writer.FlushAsync(cancellation);
    }

    /// <summary>Writes <paramref name="contents"/> to a new temporary file beside the destination, flushed to disk; returns its path.</summary>
    private async Task<string> StageAsync(string contents, CancellationToken cancellation)
    {
        var temporary = TemporaryName(destination);
        try
        {
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.Asynchronous))
            {
                await using var writer = new StreamWriter(file);
                await writer.WriteAsync(contents.AsMemory(), cancellation);
                await writer.FlushAsync(cancellation);
                file.Flush(flushToDisk: true);
            }

            if (!OperatingSystem.IsWindows() && File.Exists(destination))
            {
                // The replacement keeps the permissions the user gave the file.
                File.SetUnixFileMode(temporary, File.GetUnixFileMode(destination));
            }

            return temporary;
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    /// <summary>Beside the destination (a rename does not cross file systems), hidden, and unique to this command.</summary>
    private static string TemporaryName(string destination) =>
        System.IO.Path.Combine(
            System.IO.Path.GetDirectoryName(destination)!,
            $".{System.IO.Path.GetFileName(destination)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");

    private static bool IsRedirection(string full) =>
        full.StartsWith("/dev/", StringComparison.Ordinal) || full.StartsWith("/proc/self/fd/", StringComparison.Ordinal);

    private static bool IsKernelSetting(string full) =>
        full.StartsWith("/proc/", StringComparison.Ordinal) || full.StartsWith("/sys/", StringComparison.Ordinal);

    /// <summary>
    /// The path with a link at any step resolved, directories as well as the file, as the kernel
    /// does (realpath): `link-to-here/scenario.yaml` is the scenario file, and must be seen to be.
    /// A chain deeper than the kernel's limit of 40 links is left as it stands.
    /// </summary>
    private static string ResolveLinks(string path) => ResolveLinks(path, depth: 0);

    private static string ResolveLinks(string path, int depth)
    {
        var root = System.IO.Path.GetPathRoot(path)!;
        var resolved = root;
        foreach (var step in path[root.Length..].Split(System.IO.Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            resolved = System.IO.Path.Combine(resolved, step);
            if (depth < 40 && Target(new FileInfo(resolved)) is { } target)
            {
                // The target may itself lead through linked directories.
                resolved = ResolveLinks(target, depth + 1);
            }
        }

        return resolved;
    }

    /// <summary>Where a link leads, or null for anything else (and for a loop of links, which the checks that follow report).</summary>
    private static string? Target(FileInfo entry)
    {
        try
        {
            return entry.LinkTarget is null ? null : entry.ResolveLinkTarget(returnFinalTarget: true)?.FullName;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>Names the highest directory on the way that is missing, or the file that stands where a directory should.</summary>
    private static string MissingDirectory(string directory)
    {
        var missing = directory;
        for (var parent = System.IO.Path.GetDirectoryName(missing); parent is not null && !Directory.Exists(parent); parent = System.IO.Path.GetDirectoryName(parent))
        {
            missing = parent;
        }

        return File.Exists(missing) ? $"'{missing}' is a file, not a directory" : $"the directory '{missing}' does not exist; create it first";
    }

    private static string Reason(Exception e) => e switch
    {
        UnauthorizedAccessException => "permission denied",
        FileNotFoundException or DirectoryNotFoundException => "the file system refuses new files there",
        _ => e.Message,
    };
}
