using SpecMap.Core.Fixes;

namespace SpecMap.Tests.Fixes;

/// <summary>The write is atomic: a failure before the rename leaves the original as it was, and permissions are kept.</summary>
public sealed class AtomicFileTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "specmap-tests", "atomic-" + Guid.NewGuid().ToString("N")[..8]);

    public AtomicFileTests() => Directory.CreateDirectory(_folder);

    public void Dispose()
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(_folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void Failure_before_the_rename_leaves_the_original_and_no_temp_file()
    {
        var path = Path.Combine(_folder, "map.json");
        File.WriteAllText(path, "{ \"a\": 1 }");
        var seen = (string?)null;
        Assert.Throws<IOException>(() => AtomicFile.Write(path, "{ \"a\": 2 }", temp =>
        {
            seen = temp;
            Assert.Equal("{ \"a\": 2 }", File.ReadAllText(temp));
            throw new IOException("simulated crash before rename");
        }));
        Assert.Equal("{ \"a\": 1 }", File.ReadAllText(path));
        Assert.NotNull(seen);
        Assert.Equal(Path.GetDirectoryName(path), Path.GetDirectoryName(seen));
        Assert.Equal(["map.json"], Directory.GetFiles(_folder).Select(Path.GetFileName));
    }

    [Fact]
    public void Write_keeps_permissions_bytes_and_symbolic_links()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }
        var path = Path.Combine(_folder, "map.json");
        File.WriteAllText(path, "old");
        var mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherExecute;
        File.SetUnixFileMode(path, mode);
        var link = Path.Combine(_folder, "link.json");
        File.CreateSymbolicLink(link, path);
        AtomicFile.Write(link, "\uFEFF{\r\n}");
        Assert.Equal(mode, File.GetUnixFileMode(path));
        Assert.Equal([0xEF, 0xBB, 0xBF, (byte)'{', (byte)'\r', (byte)'\n', (byte)'}'], File.ReadAllBytes(path));
        Assert.NotNull(new FileInfo(link).LinkTarget);
    }

    [Fact]
    public void Unwritable_folder_fails_without_touching_the_original()
    {
        if (OperatingSystem.IsWindows() || Environment.UserName == "root")
        {
            // Root ignores permission bits; the simulated crash above covers this case there.
            return;
        }
        var path = Path.Combine(_folder, "map.json");
        File.WriteAllText(path, "old");
        File.SetUnixFileMode(_folder, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        Assert.ThrowsAny<Exception>(() => AtomicFile.Write(path, "new"));
        Assert.Equal("old", File.ReadAllText(path));
    }
}
