using Veille.Model;

namespace Veille.Tests.Stages.Entities.Linking;

/// <summary>The checks of issue 3 on the two samples, linked from the tagger-like inputs of the golden files (with their misses).</summary>
public sealed class SampleChecksTests
{
    private static readonly Lazy<Linked> First = new(() => Load("sample-000.md"));
    private static readonly Lazy<Linked> Second = new(() => Load("sample-002.md"));

    [Theory]
    [InlineData("sample-000.md", "Kurt Campbell", "secrétaire d’État adjoint")]
    [InlineData("sample-000.md", "Ali Lamine Zeine", "Premier ministre nigérien")]
    [InlineData("sample-002.md", "Kathleen FitzGibbon", "ambassadrice américaine au Niger")]
    [InlineData("sample-002.md", "Kenneth Ekman", "major-général, directeur de la stratégie, de l'engagement et des programmes du Commandement américain pour l'Afrique")]
    [InlineData("sample-002.md", "Christopher Maier", "secrétaire adjoint à la Défense pour les opérations spéciales et les conflits de faible intensité")]
    [InlineData("sample-002.md", "Dagvin Anderson", "lieutenant-général, directeur d'état-major interarmées pour le développement des forces interarmées")]
    [InlineData("sample-002.md", "Pat Ryder", "secrétaire de presse du Pentagone, général de division de l'armée de l'air")]
    [InlineData("sample-002.md", "Kurt Campbell", "secrétaire d’État adjoint")]
    public void Samples_EveryPersonHasTheRoleTheTextGives(string sample, string canonical, string role)
    {
        Linked linked = sample == "sample-000.md" ? First.Value : Second.Value;
        DocumentEntity person = linked.Entities.Single(e => e.Canonical == canonical);
        Assert.Equal(EntityKind.Person, person.Kind);
        Assert.Equal(role, person.Role);
    }

    [Fact]
    public void Samples_BareRyderIsAddedAndLinkedToPatRyder() =>
        Assert.Equal("per:pat-ryder", Second.Value.IdOf("Ryder"));

    [Fact]
    public void Samples_KurtCampbellHasOneIdAcrossArticles() =>
        Assert.Equal(First.Value.IdOf("Kurt Campbell"), Second.Value.IdOf("Kurt M. Campbell"));

    [Fact]
    public void Samples_UnitedStatesVariantsAreOnePlace()
    {
        Linked linked = Second.Value;
        string[] variants = ["États-Unis", "Etats-Unis", "USA", "Etats Unis"];
        Assert.All(variants, variant => Assert.Equal("loc:united-states", linked.IdOf(variant)));
        DocumentEntity place = linked.EntityOf("Etats Unis");
        Assert.Equal(("United States", "US"), (place.Canonical, place.Place!.CountryCode));
        Assert.Equal("loc:united-states", First.Value.IdOf("États-Unis"));
    }

    [Fact]
    public void Samples_NiameyIsInNiger()
    {
        Assert.Equal("NE", First.Value.EntityOf("Niamey").Place!.CountryCode);
        Assert.Equal("NE", Second.Value.EntityOf("Niamey").Place!.CountryCode);
    }

    [Fact]
    public void Samples_CnspIsLinkedToItsLongForm()
    {
        Linked linked = Second.Value;
        Assert.Equal(linked.IdOf("Conseil national pour la sauvegarde de la patrie"), linked.IdOf("CNSP", 0));
        Assert.Equal(linked.IdOf("Conseil national pour la sauvegarde de la patrie"), linked.IdOf("CNSP", 1));
    }

    [Fact]
    public void Samples_SahelAndWestAfricaAreRegions()
    {
        Linked linked = Second.Value;
        Assert.Equal("region", linked.EntityOf("Sahel").Place!.PlaceKind);
        Assert.Equal("region", linked.EntityOf("Afrique de l'Ouest").Place!.PlaceKind);
        Assert.Equal(linked.IdOf("Afrique de l'Ouest"), linked.IdOf("Afrique de l’Ouest"));
    }

    [Fact]
    public void Samples_LinkTheSameUnderAForeignCulture()
    {
        string input = GoldenFile.Load("entities-linking", "sample-002.md").Input;
        string expected = Linked.From(input).ToString();
        System.Globalization.CultureInfo previous = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("tr-TR");
            Assert.Equal(expected, Linked.From(input).ToString());
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = previous;
        }
    }

    private static Linked Load(string name) => Linked.From(GoldenFile.Load("entities-linking", name).Input);
}
