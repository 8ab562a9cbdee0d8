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

    [Fact]
    public void An_edit_saved_after_the_read_is_kept_and_nothing_is_written()
    {
        var path = Path.Combine(_folder, "map.json");
        File.WriteAllText(path, "{ \"a\": 1 }");
        var error = Assert.Throws<ChangedMeanwhileException>(() => AtomicFile.Write(path, "{ \"a\": 2 }",
            _ => File.WriteAllText(path, "{ \"a\": 1, \"edited\": true }"), expectedContent: "{ \"a\": 1 }"));
        Assert.Contains("changed on disk", error.Message, StringComparison.Ordinal);
        Assert.Equal("{ \"a\": 1, \"edited\": true }", File.ReadAllText(path));
        Assert.Equal(["map.json"], Directory.GetFiles(_folder).Select(Path.GetFileName));
    }

    [Fact]
    public void The_expected_content_written_unchanged_lets_the_write_through()
    {
        var path = Path.Combine(_folder, "map.json");
        File.WriteAllText(path, "\uFEFF{ \"a\": 1 }");
        AtomicFile.Write(path, "\uFEFF{ \"a\": 2 }", expectedContent: "\uFEFF{ \"a\": 1 }");
        Assert.Equal("\uFEFF{ \"a\": 2 }", new System.Text.UTF8Encoding(false).GetString(File.ReadAllBytes(path)));
    }

    [Fact]
    public void Temp_files_of_a_killed_run_are_removed_by_the_next_write()
    {
        var path = Path.Combine(_folder, "map.json");
        File.WriteAllText(path, "{}");
        // A process that has exited: its id is no longer running.
        using var gone = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("true") { UseShellExecute = false })!;
        gone.WaitForExit();
        var stale = Path.Combine(_folder, $".map.json.specmap-{gone.Id}-0123abcd.tmp");
        var live = Path.Combine(_folder, $".map.json.specmap-{Environment.ProcessId}-89abcdef.tmp");
        var other = Path.Combine(_folder, $".other.json.specmap-{gone.Id}-0123abcd.tmp");
        foreach (var file in new[] { stale, live, other })
        {
            File.WriteAllText(file, "{");
        }
        AtomicFile.Write(path, "{ }");
        Assert.False(File.Exists(stale));
        Assert.True(File.Exists(live));
        Assert.True(File.Exists(other));
        Assert.Equal("{ }", File.ReadAllText(path));
    }
}
