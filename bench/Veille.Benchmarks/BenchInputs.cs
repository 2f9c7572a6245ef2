namespace Veille.Benchmarks;

/// <summary>Inputs shared by the benchmarks: the articles of samples/, found above the binaries.</summary>
internal static class BenchInputs
{
    /// <summary>The samples/ folder of the repository.</summary>
    public static string SamplesFolder { get; } = FindSamples();

    /// <summary>The sample articles' raw texts, in file-name order.</summary>
    public static string[] SampleTexts() =>
        [.. Directory.GetFiles(SamplesFolder, "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllText)];

    private static string FindSamples()
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            string candidate = Path.Combine(directory.FullName, "samples");
            if (File.Exists(Path.Combine(directory.FullName, "Veille.slnx")) && Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("samples/ not found above " + AppContext.BaseDirectory);
    }
}
