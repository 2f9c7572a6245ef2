namespace Veille.Tests;

/// <summary>
/// A measurement probe or benchmark harness, not a regular test: runs only when the environment variable is set (and the
/// shared data is present when needed); otherwise it is skipped with a visible reason, never reported as passed.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class ProbeFactAttribute : FactAttribute
{
    public ProbeFactAttribute(string variable, bool needsSharedData = true)
    {
        if (Environment.GetEnvironmentVariable(variable) is not { Length: > 0 })
        {
            Skip = $"a probe: set {variable}=1 to run it";
        }
        else if (needsSharedData && SharedData.Directory is null)
        {
            Skip = "needs ../shared/data (developer machines and CI only)";
        }
    }
}
