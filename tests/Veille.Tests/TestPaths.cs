namespace Veille.Tests;

/// <summary>Locates files of the repository from the test binaries.</summary>
internal static class TestPaths
{
    private static readonly Lazy<string> Root = new(FindRepositoryRoot);

    /// <summary>The directory holding Veille.slnx.</summary>
    public static string RepositoryRoot => Root.Value;

    public static string Combine(params string[] parts) => Path.Combine([RepositoryRoot, .. parts]);

    private static string FindRepositoryRoot()
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Veille.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Veille.slnx above {AppContext.BaseDirectory}.");
    }
}
