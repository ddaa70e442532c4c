using System.Runtime.InteropServices;

namespace Simulation.Client.Output;

/// <summary>What a path names, following links.</summary>
public enum PathKind
{
    Missing,
    Directory,
    RegularFile,

    /// <summary>A named pipe (FIFO): opening it waits for the other end.</summary>
    Pipe,

    /// <summary>A device, a socket, anything else that is not a regular file.</summary>
    Device,
}

/// <summary>
/// Tells a regular file from a device or a pipe, which .NET's file APIs do not: both are "files"
/// to <see cref="File.Exists"/>. On Linux the kernel's <c>statx(2)</c> says; its buffer has the
/// same layout on every architecture. Elsewhere, only paths under /dev count as devices.
/// </summary>
public static class PathKinds
{
    private const int CurrentDirectory = -100; // AT_FDCWD
    private const uint TypeWanted = 0x1; // STATX_TYPE
    private const int FileTypeMask = 0xF000; // S_IFMT
    private const int RegularFileType = 0x8000; // S_IFREG
    private const int PipeType = 0x1000; // S_IFIFO

    public static PathKind Of(string path)
    {
        if (Directory.Exists(path))
        {
            return PathKind.Directory;
        }

        if (!File.Exists(path))
        {
            return PathKind.Missing;
        }

        if (OperatingSystem.IsLinux())
        {
            try
            {
                if (Statx(CurrentDirectory, path, 0, TypeWanted, out var status) == 0)
                {
                    return (status.Mode & FileTypeMask) switch
                    {
                        RegularFileType => PathKind.RegularFile,
                        PipeType => PathKind.Pipe,
                        _ => PathKind.Device,
                    };
                }
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
                // A C library without statx (glibc before 2.28): fall through to the rule for other systems.
            }
        }

        var full = Path.GetFullPath(path);
        return full.StartsWith("/dev/", StringComparison.Ordinal) ? PathKind.Device : PathKind.RegularFile;
    }

    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    private static extern int Statx(int directory, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, out StatxBuffer buffer);

    /// <summary>struct statx (linux/stat.h): 256 bytes; the file type is in stx_mode at offset 28.</summary>
    [StructLayout(LayoutKind.Explicit, Size = 256)]
    private struct StatxBuffer
    {
        [FieldOffset(28)]
        public ushort Mode;
    }
}
