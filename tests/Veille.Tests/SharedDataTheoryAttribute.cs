namespace Veille.Tests;

/// <summary>A theory that needs the shared development data; skipped with a visible reason when it is absent.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class SharedDataTheoryAttribute : TheoryAttribute
{
    public SharedDataTheoryAttribute()
    {
        if (SharedData.Directory is null)
        {
            Skip = "needs ../shared/data (developer machines and CI only)";
        }
    }
}
