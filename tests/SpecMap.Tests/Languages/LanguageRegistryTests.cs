using SpecMap.Core.Contracts;
using SpecMap.Core.Languages;
using SpecMap.Core.Outline;
using SpecMap.Core.Sources;
using SpecMap.Tests.Support;

namespace SpecMap.Tests.Languages;

public sealed class LanguageRegistryTests
{
    [Theory]
    [InlineData("server/api.py", "python")]
    [InlineData("stubs/api.pyi", "python")]
    [InlineData("SERVER/API.PY", "python")]
    [InlineData("src/Events.cs", "csharp")]
    [InlineData("docs/spec.md", "markdown")]
    [InlineData("docs/spec.markdown", "markdown")]
    public void A_path_gets_its_language_by_extension_whatever_the_case(string path, string language)
    {
        Assert.Equal(language, LanguageRegistry.For(path)?.Name);
        Assert.Same(LanguageRegistry.For(path)?.Outliner, Outliners.Shared.For(path));
    }

    [Theory]
    [InlineData("notes.txt")]
    [InlineData("Makefile")]
    [InlineData("schema.json")]
    public void A_path_of_no_registered_language_gets_none(string path)
    {
        Assert.Null(LanguageRegistry.For(path));
        Assert.Null(Outliners.Shared.For(path));
    }

    [Fact]
    public void Each_extension_belongs_to_one_language()
    {
        var extensions = LanguageRegistry.All.SelectMany(l => l.Extensions).ToList();
        Assert.Equal(extensions.Count, extensions.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(["python", "csharp", "markdown"], LanguageRegistry.All.Select(l => l.Name));
    }

    [Fact]
    public void Python_and_CSharp_read_models_and_Markdown_does_not()
    {
        using var repository = TestRepository.Create();
        var readers = new ModelReaders(new WorkTreeSource(repository.Root));
        Assert.NotNull(readers.For("a.py"));
        Assert.NotNull(readers.For("A.cs"));
        Assert.Null(readers.For("spec.md"));
        Assert.Null(readers.For("notes.txt"));
        // One reader per language for the snapshot: it caches what it parsed.
        Assert.Same(readers.For("a.py"), readers.For("b/c.pyi"));
        Assert.NotSame(readers.For("a.py"), readers.For("A.cs"));
    }
}
