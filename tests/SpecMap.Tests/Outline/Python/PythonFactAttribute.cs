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

/// <summary>
/// The flask corpus fact over all of its history (about 4,400 files, minutes on a busy machine): runs only when
/// SPECMAP_FULL_CORPUS=1, besides what <see cref="FlaskCorpusFactAttribute"/> needs.
/// </summary>
internal sealed class FlaskFullHistoryFactAttribute : FactAttribute
{
    public FlaskFullHistoryFactAttribute()
    {
        Skip = new FlaskCorpusFactAttribute().Skip;
        if (Skip is null && Environment.GetEnvironmentVariable("SPECMAP_FULL_CORPUS") != "1")
        {
            Skip = "Compares every .py blob of flask's history with ast (minutes): set SPECMAP_FULL_CORPUS=1 to run it.";
        }
    }
}
