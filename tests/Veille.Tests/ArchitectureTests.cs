using System.Globalization;
using System.Reflection;
using Veille.Model;

namespace Veille.Tests;

public sealed class ArchitectureTests
{
    [Fact]
    public void Core_ReferencesOnlyTheBaseClassLibrary()
    {
        AssemblyName[] references = typeof(Document).Assembly.GetReferencedAssemblies();
        Assert.All(references, reference => Assert.True(
            reference.Name is "netstandard" or "mscorlib" || reference.Name!.StartsWith("System", StringComparison.Ordinal),
            $"Veille (core) references {reference.Name}; only BCL assemblies are allowed."));
    }

    [Fact]
    public void Core_RunsUnderAForeignCulture()
    {
        CultureInfo previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("tr-TR");
            var document = new Document(TestDocuments.Sample1);
            Veille.Pipeline.StageCatalog.CreateDefault().Process(document);
            Assert.Equal("Les États-Unis acceptent de retirer leurs forces du Niger", document.Title);
            Assert.Equal("fr", document.Language.Tag);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }
}
