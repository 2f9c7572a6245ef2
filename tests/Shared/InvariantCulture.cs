using System.Globalization;
using System.Runtime.CompilerServices;

namespace Veille.Tests.Shared;

/// <summary>Runs every test under the invariant culture (one test switches to a foreign culture on purpose).</summary>
internal static class InvariantCulture
{
    [ModuleInitializer]
    internal static void Apply()
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
    }
}
