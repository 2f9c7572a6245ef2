using System.Diagnostics;
using Veille.Stages.Entities.Geo;

namespace Veille.Tests.Stages.Entities.Linking;

public sealed class GazetteerTests
{
    [Theory]
    [InlineData("nigérienne", "NE")]
    [InlineData("nigérien", "NE")]
    [InlineData("Nigériens", "NE")]
    [InlineData("Nigerien", "NE")]
    [InlineData("nigérian", "NG")]
    [InlineData("américaine", "US")]
    [InlineData("Américains", "US")]
    [InlineData("American", "US")]
    [InlineData("Americans", "US")]
    [InlineData("français", "FR")]
    [InlineData("Française", "FR")]
    [InlineData("British", "GB")]
    [InlineData("russes", "RU")]
    [InlineData("malien", "ML")]
    public void Demonyms_MapNationalityWordsToCountries(string word, string country) =>
        Assert.Equal(country, Demonyms.CountryOf(word));

    [Theory]
    [InlineData("ministre")]
    [InlineData("Niger")]
    [InlineData("")]
    public void Demonyms_ReturnNullForOtherWords(string word) => Assert.Null(Demonyms.CountryOf(word));

    [Fact]
    public void Gazetteer_FindsCountriesByEnglishFrenchAndAlternateNames()
    {
        foreach (string name in new[] { "United States", "États-Unis", "Etats Unis", "USA", "U.S.", "United States of America" })
        {
            Assert.Equal("country:US", Gazetteer.Default.Find(name)[0].Id);
        }

        GazetteerEntry niger = Gazetteer.Default.Find("Niger")[0];
        Assert.Equal(("Niger", "Niger", "NE"), (niger.EnglishName, niger.FrenchName, niger.CountryCode));
        Assert.Equal("Allemagne", Gazetteer.Default.Find("Germany")[0].FrenchName);
    }

    [Fact]
    public void Gazetteer_GivesFrenchNamesByPlaceId()
    {
        Assert.Equal("États-Unis", Gazetteer.Default.Get("country:US")!.FrenchName);
        Assert.Equal("Afrique de l'Ouest", Gazetteer.Default.Get("region:west-africa")!.FrenchName);
        Assert.Equal("Niamey", Gazetteer.Default.Get("2440485")!.EnglishName);
        Assert.Null(Gazetteer.Default.Get("nowhere"));
    }

    [Fact]
    public void Gazetteer_OrdersCandidatesAreasFirstThenPopulation()
    {
        var london = Gazetteer.Default.Find("Londres");
        Assert.Equal("GB", london[0].CountryCode);
        Assert.Equal("capital", london[0].PlaceKind);
        Assert.Equal(51.5, london[0].Latitude, 1);
        Assert.Equal("continent", Gazetteer.Default.Find("Afrique")[0].PlaceKind);
        Assert.Equal("region", Gazetteer.Default.Find("Afrique de l’Ouest")[0].PlaceKind);
    }

    [Fact]
    public void Gazetteer_IsSmallAndLoadsQuickly()
    {
        using Stream stream = Gazetteer.Open(typeof(Gazetteer).Assembly, Gazetteer.PlacesResource);
        Assert.InRange(stream.Length, 100_000, 8_000_000);
        var watch = Stopwatch.StartNew();
        Assert.True(Gazetteer.Default.Count > 20_000);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"Loading took {watch.Elapsed}.");
    }

    [SharedDataFact]
    public void GazetteerBuilder_ReproducesTheEmbeddedFile()
    {
        string output = Path.Combine(Path.GetTempPath(), $"veille-gazetteer-{Guid.NewGuid():N}.tsv.gz");
        try
        {
            GazetteerBuildResult result = GazetteerBuilder.Build(SharedData.Directory!, output);
            Assert.Equal(250, result.Countries);
            Assert.True(result.Cities > 20_000);
            byte[] committed = File.ReadAllBytes(Repository.PathOf("src", "Veille", "Resources", "gazetteer", "places.tsv.gz"));
            Assert.True(committed.AsSpan().SequenceEqual(File.ReadAllBytes(output)), "The committed gazetteer differs from a fresh build: run `veille train gazetteer`.");
        }
        finally
        {
            File.Delete(output);
        }
    }
}
