namespace SpecMap.Tests.Support;

/// <summary>Cleans up the temp folders tests make.</summary>
internal static class TempFolder
{
    /// <summary>Deletes a folder (git makes its objects read-only); a folder left behind is harmless, so errors are ignored.</summary>
    public static void Delete(string root)
    {
        try
        {
            if (!Directory.Exists(root))
            {
                return;
            }
            foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
            {
                File.SetAttributes(file, FileAttributes.Normal);
            }
            Directory.Delete(root, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left for the OS to clean: a failing cleanup would hide the test's real result.
        }
    }
}
