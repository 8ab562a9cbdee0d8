using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using LibGit2Sharp;

namespace SpecMap.Core.Sources;

/// <summary>
/// A blob's bytes from one object read. LibGit2Sharp's <see cref="Blob.GetContentStream()"/> looks the blob up twice
/// (its size, then its content) and libgit2 keeps no blob in its object cache, so every read inflated the blob twice
/// (issue 15: 7% of a cold relocation run). This reads it once through the repository's object database, with libgit2
/// itself (the library LibGit2Sharp ships and has already loaded); when that cannot be done it reads as LibGit2Sharp does.
/// </summary>
internal static partial class BlobReader
{
    // LibGit2Sharp's build of libgit2 (LibGit2Sharp.NativeBinaries), found where LibGit2Sharp finds it.
    private const string Library = "git2-5853918";

    private static readonly ConditionalWeakTable<Repository, ObjectDatabase> Databases = [];

    /// <summary>The blob's bytes, or null when the object database cannot be read here (the caller reads it as before).
    /// A blob over <paramref name="maxBytes"/> reads as empty, its size taken from the object header.</summary>
    public static byte[]? ReadAll(Repository repository, ObjectId id, long maxBytes)
    {
        if (Databases.GetValue(repository, Open) is not { IsInvalid: false } database)
        {
            return null;
        }
        var oid = id.RawId;
        if (oid.Length != 20)
        {
            return null;
        }
        var added = false;
        try
        {
            database.DangerousAddRef(ref added);
            var odb = database.DangerousGetHandle();
            if (git_odb_read_header(out var size, out _, odb, oid) != 0)
            {
                return null;
            }
            if ((long)size > maxBytes)
            {
                return [];
            }
            if (git_odb_read(out var obj, odb, oid) != 0)
            {
                return null;
            }
            try
            {
                var length = checked((int)git_odb_object_size(obj));
                var bytes = GC.AllocateUninitializedArray<byte>(length);
                Marshal.Copy(git_odb_object_data(obj), bytes, 0, length);
                return bytes;
            }
            finally
            {
                git_odb_object_free(obj);
            }
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException or OverflowException)
        {
            return null;
        }
        finally
        {
            if (added)
            {
                database.DangerousRelease();
            }
        }
    }

    private static ObjectDatabase Open(Repository repository)
    {
        try
        {
            return git_repository_open(out var repo, repository.Info.Path) != 0
                ? new ObjectDatabase()
                : OpenDatabase(repo);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return new ObjectDatabase();
        }
    }

    private static ObjectDatabase OpenDatabase(IntPtr repo)
    {
        try
        {
            // The object database holds its own reference to its backends; the repository is not needed after.
            return git_repository_odb(out var odb, repo) == 0 ? new ObjectDatabase(odb) : new ObjectDatabase();
        }
        finally
        {
            git_repository_free(repo);
        }
    }

    /// <summary>A libgit2 object database, freed when the repository it was opened for is collected.</summary>
    private sealed class ObjectDatabase : SafeHandle
    {
        public ObjectDatabase()
            : base(IntPtr.Zero, ownsHandle: true)
        {
        }

        public ObjectDatabase(IntPtr odb)
            : base(IntPtr.Zero, ownsHandle: true) => SetHandle(odb);

        public override bool IsInvalid => handle == IntPtr.Zero;

        protected override bool ReleaseHandle()
        {
            git_odb_free(handle);
            return true;
        }
    }

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int git_repository_open(out IntPtr repository, string path);

    [LibraryImport(Library)]
    private static partial void git_repository_free(IntPtr repository);

    [LibraryImport(Library)]
    private static partial int git_repository_odb(out IntPtr odb, IntPtr repository);

    [LibraryImport(Library)]
    private static partial void git_odb_free(IntPtr odb);

    [LibraryImport(Library)]
    private static partial int git_odb_read_header(out nuint size, out int type, IntPtr odb, byte[] id);

    [LibraryImport(Library)]
    private static partial int git_odb_read(out IntPtr obj, IntPtr odb, byte[] id);

    [LibraryImport(Library)]
    private static partial IntPtr git_odb_object_data(IntPtr obj);

    [LibraryImport(Library)]
    private static partial nuint git_odb_object_size(IntPtr obj);

    [LibraryImport(Library)]
    private static partial void git_odb_object_free(IntPtr obj);
}
