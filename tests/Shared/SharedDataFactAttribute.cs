namespace Veille.Tests;

/// <summary>A fact that needs the shared development data (../shared/data beside the repository, or VEILLE_SHARED_DATA); skipped with a visible reason when it is absent.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute()
    {
        if (SharedData.Directory is null)
        {
            Skip = "needs ../shared/data (developer machines and CI only)";
        }
    }
}

/// <summary>Locates the shared development data folder.</summary>
public static class SharedData
{
    private static readonly Lazy<string?> Location = new(Find);

    /// <summary>The shared data folder, or null when neither VEILLE_SHARED_DATA nor a "shared/data" folder above the test binaries exists.</summary>
    public static string? Directory => Location.Value;

    private static string? Find()
    {
        string? configured = Environment.GetEnvironmentVariable("VEILLE_SHARED_DATA");
        if (!string.IsNullOrEmpty(configured))
        {
            return System.IO.Directory.Exists(configured) ? configured : null;
        }

        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            string candidate = Path.Combine(directory.FullName, "shared", "data");
            if (System.IO.Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
