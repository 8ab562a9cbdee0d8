namespace SpecMap.Tests.Outline.Python;

/// <summary>A fact that needs python3 on PATH (to run CPython's `ast`); skipped, saying why, where there is none.</summary>
internal sealed class PythonFactAttribute : FactAttribute
{
    public PythonFactAttribute()
    {
        if (PythonAst.Executable is null)
        {
            Skip = "python3 is not on PATH: the comparison with CPython's ast cannot run here.";
        }
    }
}

/// <summary>A fact over the flask benchmark bundle: needs python3, git and the bundle; skipped, saying which is missing.</summary>
internal sealed class FlaskCorpusFactAttribute : FactAttribute
{
    public FlaskCorpusFactAttribute()
    {
        if (PythonAst.Executable is null)
        {
            Skip = "python3 is not on PATH: the comparison with CPython's ast cannot run here.";
        }
        else if (PythonAst.FindOnPath("git") is null)
        {
            Skip = "git is not on PATH: the flask bundle cannot be cloned.";
        }
        else if (FlaskBundle.BenchDirectory is null)
        {
            Skip = "The benchmark (shared/bench/reloc/flask.bundle) is not here; set SPECMAP_BENCH_DIR to its folder.";
        }
    }
}
