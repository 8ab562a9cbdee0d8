namespace SpecMap.Core.Contracts;

/// <summary>Reads one language's model classes from one snapshot (see <see cref="Languages.Language.ModelReader"/>).</summary>
internal interface IModelReader
{
    /// <summary>The class <paramref name="className"/> in <paramref name="path"/> with its own and inherited fields, or null.</summary>
    ModelClass? Read(string path, string className);

    /// <summary>The name of the class whose declaration lies in [start, end] (a reference by lines), or null.</summary>
    string? ClassAt(string path, int start, int end);
}
