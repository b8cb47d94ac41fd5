using System.Diagnostics;

namespace ReleaseBot.Testing.Store;

/// <summary>
/// A tmpfs of a few megabytes mounted on a fresh temp folder, so a test can fill a disk for real (ENOSPC from the
/// kernel, not a fake). Needs root and a kernel that lets this process mount; <see cref="Unavailable"/> says why not.
/// Dispose unmounts it and deletes the folder.
/// </summary>
public sealed class SmallDisk : IDisposable
{
    private readonly TempDirectory _mountPoint = new();

    private SmallDisk(int megabytes)
    {
        var error = Run("mount", "-t", "tmpfs", "-o", $"size={megabytes}m", "tmpfs", _mountPoint.Path);
        if (error is not null)
        {
            _mountPoint.Dispose();
            throw new InvalidOperationException($"mount failed: {error}");
        }
    }

    public string Path => _mountPoint.Path;

    public long FreeBytes => new DriveInfo(Path).AvailableFreeSpace;

    /// <summary>Null when a tmpfs can be mounted here, otherwise the reason it cannot (for a test's Skip).</summary>
    public static string? Unavailable { get; } = Probe();

    public static SmallDisk Mount(int megabytes) => new(megabytes);

    /// <summary>Writes a file of <paramref name="bytes"/> that takes that much of the disk until it is deleted.</summary>
    public string Fill(long bytes)
    {
        var filler = System.IO.Path.Combine(Path, "filler");
        using var stream = new FileStream(filler, FileMode.Create);
        var block = new byte[64 * 1024];
        Array.Fill(block, (byte)0xAB);
        for (var left = bytes; left > 0; left -= block.Length)
        {
            stream.Write(block, 0, (int)Math.Min(block.Length, left));
        }

        return filler;
    }

    public void Dispose()
    {
        Run("umount", "-l", Path);
        _mountPoint.Dispose();
    }

    private static string? Probe()
    {
        if (!OperatingSystem.IsLinux() || !Environment.IsPrivilegedProcess)
        {
            return "needs root on Linux to mount a tmpfs";
        }

        try
        {
            using var disk = new SmallDisk(1);
            return null;
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return $"cannot mount a tmpfs here ({ex.Message})";
        }
    }

    /// <returns>Null on success, otherwise the command's error output.</returns>
    private static string? Run(string command, params string[] arguments)
    {
        var info = new ProcessStartInfo(command) { RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? null : $"{command} exited {process.ExitCode}: {error.Trim()}";
    }
}
