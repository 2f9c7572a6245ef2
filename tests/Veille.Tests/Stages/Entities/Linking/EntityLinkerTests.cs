using Veille.Model;
using Veille.Stages.Entities;
using Veille.Stages.Entities.Linking;

namespace Veille.Tests.Stages.Entities.Linking;

public sealed class EntityLinkerTests
{
    // Document-level consistency

    [Fact]
    public void Linker_AddsBareSurnameOfKnownPerson_French()
    {
        var linked = Linked.From("Le porte-parole [Pat Ryder](PER) a parlé. Plus tard, a déclaré Ryder.");
        Mention ryder = linked.Mention("Ryder");
        Assert.Equal(EntityKind.Person, ryder.Kind);
        Assert.Equal("per:pat-ryder", linked.IdOf("Ryder"));
        Assert.True(ryder.Confidence < 0.9f);
    }

    [Fact]
    public void Linker_AddsBareSurnameOfKnownPerson_English()
    {
        var linked = Linked.From("Pentagon press secretary [Pat Ryder](PER) spoke on Tuesday. \"We will leave,\" Ryder said.", "en");
        Assert.Equal("per:pat-ryder", linked.IdOf("Ryder"));
    }

    [Fact]
    public void Linker_AddsMissedFullNameWithMiddleInitial()
    {
        var linked = Linked.From("[Kurt Campbell](PER) est arrivé. Kurt M. Campbell repartira demain.");
        Assert.Equal("per:kurt-campbell", linked.IdOf("Kurt M. Campbell"));
    }

    [Fact]
    public void Linker_DoesNotAddSurnameInsideLongerCapitalisedName()
    {
        var linked = Linked.From("[Kurt Campbell](PER) aime la soupe Campbell Soup.");
        Assert.DoesNotContain(linked.Mentions, m => linked.Document.TextOf(m.Span).SequenceEqual("Campbell"));
    }

    [Fact]
    public void Linker_TakesSurnameAfterSentenceInitialWord()
    {
        var linked = Linked.From("[Pat Ryder](PER) est là. Selon Ryder, tout va bien.");
        Assert.Equal("per:pat-ryder", linked.IdOf("Ryder"));
    }

    [Fact]
    public void Linker_LinksAcronymToLongForm_AddingMissedMentions()
    {
        var linked = Linked.From("Les responsables du [Conseil national pour la sauvegarde de la patrie](ORG) (CNSP) ont parlé. Le CNSP a répondu.");
        Assert.Equal(2, linked.Mentions.Count(m => linked.Document.TextOf(m.Span).SequenceEqual("CNSP")));
        Assert.Equal("org:conseil-national-pour-la-sauvegarde-de-la-patrie", linked.IdOf("CNSP", 0));
        Assert.Equal("org:conseil-national-pour-la-sauvegarde-de-la-patrie", linked.IdOf("CNSP", 1));
        Assert.Equal("Conseil national pour la sauvegarde de la patrie", linked.EntityOf("CNSP", 1).Canonical);
    }

    [Fact]
    public void Linker_LinksTaggedAcronymToLongForm_English()
    {
        var linked = Linked.From("The [North Atlantic Treaty Organization](ORG) ([NATO](ORG)) met. [NATO](ORG) said no.", "en");
        Assert.Equal("org:north-atlantic-treaty-organization", linked.IdOf("NATO", 1));
        Assert.Single(linked.Entities);
    }

    [Fact]
    public void Linker_DoesNotLinkPersonTaggedAcronymToOrganisation()
    {
        var linked = Linked.From("Le [Conseil national pour la sauvegarde de la patrie](ORG) ([CNSP](ORG)) et [CNSP](PER).");
        Assert.Equal(EntityKind.Person, linked.EntityOf("CNSP", 1).Kind);
    }

    [Fact]
    public void Linker_IgnoresParenthesisedWordThatIsNotTheAcronym()
    {
        var linked = Linked.From("Le [Conseil national pour la sauvegarde de la patrie](ORG) (AFP) a parlé.");
        Assert.DoesNotContain(linked.Mentions, m => linked.Document.TextOf(m.Span).SequenceEqual("AFP"));
    }

    // Variants and canonical keys

    [Theory]
    [InlineData("[Kurt M. Campbell](PER) parle.", "per:kurt-campbell", "Kurt Campbell")]
    [InlineData("[Kurt Campbell](PER) parle.", "per:kurt-campbell", "Kurt Campbell")]
    [InlineData("[Kathleen Fitz Gibbon](PER) parle.", "per:kathleen-fitzgibbon", "Kathleen FitzGibbon")]
    [InlineData("[Kathleen FitzGibbon](PER) parle.", "per:kathleen-fitzgibbon", "Kathleen FitzGibbon")]
    [InlineData("[Jean-Pierre Raffarin](PER) parle.", "per:jean-pierre-raffarin", "Jean-Pierre Raffarin")]
    [InlineData("[Jean Pierre Raffarin](PER) parle.", "per:jean-pierre-raffarin", "Jean Pierre Raffarin")]
    [InlineData("[Ali Lamine Zéine](PER) parle.", "per:ali-lamine-zeine", "Ali Lamine Zéine")]
    [InlineData("[M. Emmanuel Macron](PER) parle.", "per:emmanuel-macron", "Emmanuel Macron")]
    [InlineData("[AM President Barack Obama](PER) parle.", "per:barack-obama", "Barack Obama")]
    [InlineData("[John Major](PER) parle.", "per:john-major", "John Major")]
    [InlineData("[Lt. Gen. Dagvin Anderson](PER) parle.", "per:dagvin-anderson", "Dagvin Anderson")]
    [InlineData("[M. Kurt M. Campbell](PER) parle.", "per:kurt-campbell", "Kurt Campbell")]
    [InlineData("[Marine Le Pen](PER) parle.", "per:marine-le-pen", "Marine Le Pen")]
    public void PersonKey_IsTheSameAcrossVariants(string annotated, string id, string canonical)
    {
        var linked = Linked.From(annotated);
        Assert.Equal(id, linked.Entities.Single().Id.Value);
        Assert.Equal(canonical, linked.Entities.Single().Canonical);
    }

    [Fact]
    public void Linker_LinksSurnameOnlyMentionToFullName()
    {
        var linked = Linked.From("[Kathleen Fitz Gibbon](PER) est arrivée. Mme [FitzGibbon](PER) a parlé, puis [Fitz Gibbon](PER).");
        Assert.Equal("per:kathleen-fitzgibbon", linked.IdOf("FitzGibbon"));
        Assert.Equal("per:kathleen-fitzgibbon", linked.IdOf("Fitz Gibbon"));
        Assert.Single(linked.Entities);
    }

    [Fact]
    public void Linker_MergesShorterNameIntoLongerWithSameFirstAndLastName()
    {
        var linked = Linked.From("[Ali Lamine Zeine](PER) a reçu. [Ali Zeine](PER) a parlé.");
        Assert.Equal("per:ali-lamine-zeine", linked.IdOf("Ali Zeine"));
    }

    [Fact]
    public void Linker_KeepsDifferentFirstNamesApart()
    {
        var linked = Linked.From("[Hillary Clinton](PER) et [Bill Clinton](PER) sont venus.");
        Assert.NotEqual(linked.IdOf("Hillary Clinton"), linked.IdOf("Bill Clinton"));
        Assert.Equal(2, linked.Entities.Length);
    }

    [Fact]
    public void Linker_LinksSharedSurnameToMostRecentPerson()
    {
        var linked = Linked.From("[Hillary Clinton](PER) parle. [Bill Clinton](PER) répond. [Clinton](PER) ajoute.");
        Assert.Equal("per:bill-clinton", linked.IdOf("Clinton"));
    }

    [Fact]
    public void Linker_LeavesSharedSurnameUnlinkedBeforeAnyFullName()
    {
        var linked = Linked.From("[Clinton](PER) ouvre. [Hillary Clinton](PER) parle. [Bill Clinton](PER) répond.");
        Assert.Equal(-1, linked.Mention("Clinton").Entity);
    }

    [Fact]
    public void Linker_GivesUnknownSurnameItsOwnEntity()
    {
        var linked = Linked.From("[Ryder](PER) parle.");
        Assert.Equal("per:ryder", linked.IdOf("Ryder"));
    }

    [Theory]
    [InlineData("[États-Unis](LOC)")]
    [InlineData("[Etats-Unis](LOC)")]
    [InlineData("[Etats Unis](LOC)")]
    [InlineData("[USA](LOC)")]
    [InlineData("[US](LOC)")]
    [InlineData("[U.S.](LOC)")]
    [InlineData("[United States](LOC)")]
    [InlineData("les [États-Unis d'Amérique](LOC)")]
    public void PlaceVariants_AreOneCountry(string annotated)
    {
        var linked = Linked.From($"Il y a {annotated} ici.");
        DocumentEntity entity = linked.Entities.Single();
        Assert.Equal("loc:united-states", entity.Id.Value);
        Assert.Equal("United States", entity.Canonical);
        Assert.Equal("US", entity.Place!.CountryCode);
        Assert.Equal("country", entity.Place.PlaceKind);
    }

    [Theory]
    [InlineData("Russie", "Russia", "loc:russia")]
    [InlineData("Russia", "Russia", "loc:russia")]
    [InlineData("Londres", "London", "loc:london-gb")]
    [InlineData("London", "London", "loc:london-gb")]
    [InlineData("Allemagne", "Germany", "loc:germany")]
    [InlineData("Pékin", "Beijing", "loc:beijing-cn")]
    public void Exonyms_HaveTheEnglishCanonicalName(string surface, string canonical, string id)
    {
        var linked = Linked.From($"Il va à [{surface}](LOC) demain.");
        Assert.Equal(canonical, linked.Entities.Single().Canonical);
        Assert.Equal(id, linked.Entities.Single().Id.Value);
    }

    [Fact]
    public void Linker_GeocodesWhenTheTaggerIncludedTheDeterminer()
    {
        var linked = Linked.From("[les États-Unis](LOC) partent.");
        Assert.Equal("loc:united-states", linked.Entities.Single().Id.Value);
    }

    [Fact]
    public void Linker_KeepsOrganisationTypedCountryAsOrganisation()
    {
        var linked = Linked.From("Le [Niger](ORG) a dénoncé l'accord.");
        DocumentEntity entity = linked.Entities.Single();
        Assert.Equal(EntityKind.Organization, entity.Kind);
        Assert.Null(entity.Place);
        Assert.Equal("org:niger", entity.Id.Value);
    }

    [Fact]
    public void Linker_GeocodesNiameyInNiger_AndRegions()
    {
        var linked = Linked.From("À [Niamey](LOC), au [Sahel](LOC) et en [Afrique de l'Ouest](LOC), puis au [Moyen-Orient](LOC).");
        Assert.Equal("NE", linked.EntityOf("Niamey").Place!.CountryCode);
        Assert.Equal("capital", linked.EntityOf("Niamey").Place!.PlaceKind);
        Assert.Equal("region", linked.EntityOf("Sahel").Place!.PlaceKind);
        Assert.Equal("West Africa", linked.EntityOf("Afrique de l'Ouest").Canonical);
        Assert.Equal("Middle East", linked.EntityOf("Moyen-Orient").Canonical);
        Assert.Null(linked.EntityOf("Sahel").Place!.CountryCode);
    }

    [Fact]
    public void Geocoding_PrefersTheMostPopulousCandidate()
    {
        var linked = Linked.From("[London](LOC) is large.", "en");
        Assert.Equal("GB", linked.Entities.Single().Place!.CountryCode);
    }

    [Fact]
    public void Geocoding_PrefersCandidatesInCountriesOfTheDocument()
    {
        var linked = Linked.From("In [Canada](LOC), the city of [London](LOC) voted.", "en");
        Assert.Equal("CA", linked.EntityOf("London").Place!.CountryCode);
        Assert.Equal("loc:london-ca", linked.IdOf("London"));
    }

    [Theory]
    [InlineData("[Georgia](LOC) and [Russia](LOC) signed.", "loc:georgia", "GE")]
    [InlineData("[Georgia](LOC) voted as the [United States](LOC) watched.", "loc:georgia-us", "US")]
    public void Geocoding_PrefersTheAreaInAContextCountry(string annotated, string id, string country)
    {
        var linked = Linked.From(annotated, "en");
        Assert.Equal(id, linked.IdOf("Georgia"));
        Assert.Equal(country, linked.EntityOf("Georgia").Place!.CountryCode);
    }

    [Theory]
    [InlineData("Angleterre", "loc:england-gb")]
    [InlineData("Britain", "loc:united-kingdom")]
    [InlineData("Californie", "loc:california-us")]
    [InlineData("Tchétchénie", "loc:chechnya-ru")]
    public void Geocoding_KnowsHandWrittenRegionsAndAliases(string surface, string id) =>
        Assert.Equal(id, Linked.From($"En [{surface}](LOC), rien.").Entities.Single().Id.Value);

    [Fact]
    public void Geocoding_DoesNotLetAnAlternateNameWinThroughContext()
    {
        var linked = Linked.From("The [United States](LOC) envoy flew to [Rome](LOC), then to [Washington](LOC).", "en");
        Assert.Equal("loc:rome-it", linked.IdOf("Rome"));
        Assert.Equal("loc:washington-d-c-us", linked.IdOf("Washington"));
    }

    [Fact]
    public void Geocoding_LeavesUnknownPlacesUnresolved()
    {
        var linked = Linked.From("Au [Bois de Boulogne-sur-Rien](LOC) rien.");
        Assert.Null(linked.Entities.Single().Place);
        Assert.Equal("loc:bois-de-boulogne-sur-rien", linked.Entities.Single().Id.Value);
    }

    [Fact]
    public void EntityIds_AreEqualAcrossDocuments()
    {
        var first = Linked.From(TestDocuments.Sample1.Replace("Kurt Campbell", "[Kurt Campbell](PER)", StringComparison.Ordinal));
        var second = Linked.From(TestDocuments.Sample2.Replace("Kurt M. Campbell", "[Kurt M. Campbell](PER)", StringComparison.Ordinal));
        Assert.Equal(first.IdOf("Kurt Campbell"), second.IdOf("Kurt M. Campbell"));
    }

    // Roles

    [Theory]
    [InlineData("Lors d’une réunion entre le secrétaire d’État adjoint [Kurt Campbell](PER) et le Premier ministre nigérien [Ali Lamine Zeine](PER), rien.", "Kurt Campbell", "secrétaire d’État adjoint")]
    [InlineData("Lors d’une réunion entre le secrétaire d’État adjoint [Kurt Campbell](PER) et le Premier ministre nigérien [Ali Lamine Zeine](PER), rien.", "Ali Lamine Zeine", "Premier ministre nigérien")]
    [InlineData("L'ambassadrice américaine au [Niger](LOC) [Kathleen Fitz Gibbon](PER) viendra.", "Kathleen Fitz Gibbon", "ambassadrice américaine au Niger")]
    [InlineData("Le major-général [Kenneth Ekman](PER), directeur de la stratégie, de l'engagement et des programmes du [Commandement américain pour l'Afrique](ORG), viendra.", "Kenneth Ekman", "major-général, directeur de la stratégie, de l'engagement et des programmes du Commandement américain pour l'Afrique")]
    [InlineData("Par la suite, le secrétaire adjoint à la Défense pour les opérations spéciales, [Christopher Maier](PER), et le lieutenant-général [Dagvin Anderson](PER) viendront.", "Christopher Maier", "secrétaire adjoint à la Défense pour les opérations spéciales")]
    [InlineData("Par la suite, le secrétaire adjoint à la Défense pour les opérations spéciales, [Christopher Maier](PER), et le lieutenant-général [Dagvin Anderson](PER) viendront.", "Dagvin Anderson", "lieutenant-général")]
    [InlineData("Le 23 avril, le secrétaire de presse du [Pentagone](ORG), le général de division de l'armée de l'air [Pat Ryder](PER), a indiqué.", "Pat Ryder", "secrétaire de presse du Pentagone, général de division de l'armée de l'air")]
    public void Roles_FromTitlesAndAppositions_French(string annotated, string person, string role)
    {
        var linked = Linked.From(annotated);
        Assert.Equal(role, linked.Mention(person).Role);
        Assert.Equal(role, linked.EntityOf(person).Role);
    }

    [Theory]
    [InlineData("Secretary of State [Antony Blinken](PER) met them.", "Antony Blinken", "Secretary of State")]
    [InlineData("On Monday, [Antony Blinken](PER), the US secretary of state, met them.", "Antony Blinken", "US secretary of state")]
    [InlineData("The Pentagon press secretary [Pat Ryder](PER) said so.", "Pat Ryder", "Pentagon press secretary")]
    [InlineData("Lt. Gen. [Dagvin Anderson](PER) will travel.", "Dagvin Anderson", "Lt. Gen.")]
    [InlineData("U.S. Ambassador to Niger [Kathleen FitzGibbon](PER) met the junta.", "Kathleen FitzGibbon", "U.S. Ambassador to Niger")]
    public void Roles_FromTitlesAndAppositions_English(string annotated, string person, string role)
    {
        var linked = Linked.From(annotated, "en");
        Assert.Equal(role, linked.Mention(person).Role);
    }

    [Theory]
    [InlineData("Au [Sahel](LOC), a déclaré [Ryder](PER).")]
    [InlineData("Le ministre annonce que [Jean Dupont](PER) viendra.")]
    [InlineData("Dans un avenir proche a dit [Pat Ryder](PER), rien.")]
    [InlineData("\"We will leave,\" [Ryder](PER) said, adding nothing.")]
    public void Roles_AreNotInventedFromOtherWords(string annotated)
    {
        var linked = Linked.From(annotated, annotated.Contains("said", StringComparison.Ordinal) ? "en" : "fr");
        Assert.All(linked.Mentions, m => Assert.Null(m.Role));
    }

    [Theory]
    [InlineData("Lorenzo, le premier fils de [Fabrice Delloye](PER), est venu.", "Fabrice Delloye", null)]
    [InlineData("Le ministre de l'[Economie](PER) parle.", "Economie", null)]
    [InlineData("Il a parlé par la voix de son porte-parole [Gérard Gachet](PER).", "Gérard Gachet", "porte-parole")]
    [InlineData("Il reçoit [Hu Jintao](PER), le nouveau vice-président [Xi Jinping](PER) et d'autres.", "Hu Jintao", null)]
    [InlineData("Il reçoit [Hu Jintao](PER), le nouveau vice-président [Xi Jinping](PER) et d'autres.", "Xi Jinping", "nouveau vice-président")]
    public void Roles_BelongOnlyToTheirHolder(string annotated, string person, string? role) =>
        Assert.Equal(role, Linked.From(annotated).Mention(person).Role);

    [Fact]
    public void Linker_DoesNotAddBareInitials()
    {
        var linked = Linked.From("[Jérôme K.](PER) parle. Le plan K est prêt.");
        Assert.Single(linked.Mentions);
    }

    [Theory]
    [InlineData("L'[ASO](LOC) organise le Tour.", null)]
    [InlineData("La [RDC](LOC) proteste.", "loc:dr-congo")]
    public void Geocoding_ShortCapitalsNameOnlyAreas(string annotated, string? id)
    {
        DocumentEntity entity = Linked.From(annotated).Entities.Single();
        Assert.Equal(id, entity.Place is null ? null : entity.Id.Value);
    }

    [Fact]
    public void EntityRole_IsTheMostInformativeOfItsMentions()
    {
        var linked = Linked.From("Le général [Pat Ryder](PER) parle. Le secrétaire de presse du Pentagone, le général de division [Pat Ryder](PER), répond.");
        Assert.Equal("secrétaire de presse du Pentagone, général de division", linked.Entities.Single().Role);
        Assert.Equal("général", linked.Mention("Pat Ryder", 0).Role);
    }

    // Contract

    [Fact]
    public void Linker_ReturnsMentionsInTextOrderWithValidEntityIndexes()
    {
        var linked = Linked.From(TestDocuments.Sample2
            .Replace("Pat Ryder", "[Pat Ryder](PER)", StringComparison.Ordinal)
            .Replace("(CNSP)", "([CNSP](ORG))", StringComparison.Ordinal)
            .Replace("Conseil national pour la sauvegarde de la patrie", "[Conseil national pour la sauvegarde de la patrie](ORG)", StringComparison.Ordinal));
        for (int i = 1; i < linked.Mentions.Length; i++)
        {
            Assert.True(linked.Mentions[i - 1].Tokens.End <= linked.Mentions[i].Tokens.Start);
        }

        Assert.All(linked.Mentions, m => Assert.InRange(m.Entity, -1, linked.Entities.Length - 1));
        Assert.All(linked.Mentions, m => Assert.Equal(linked.Document.Tokens[m.Tokens.Start].Span.Start, m.Span.Start));
        Assert.Equal(linked.Entities.Length, linked.Entities.Select(e => e.Id).Distinct().Count());
    }

    [Fact]
    public void Linker_DropsOverlappingAndOutOfRangeMentions()
    {
        var document = LinkingTestDocuments.Make("Pat Ryder parle.");
        var recognized = new List<RecognizedMention>
        {
            new(new TokenRange(0, 2), EntityKind.Person, 0.9f),
            new(new TokenRange(1, 2), EntityKind.Person, 0.9f),
            new(new TokenRange(3, 99), EntityKind.Location, 0.9f),
        };
        var (mentions, entities) = new EntityLinker().Link(document, recognized);
        Assert.Single(mentions);
        Assert.Single(entities);
    }

    [Fact]
    public void Linker_ReturnsEmptyForNoMentions()
    {
        var (mentions, entities) = new EntityLinker().Link(LinkingTestDocuments.Make("Rien."), []);
        Assert.Empty(mentions);
        Assert.Empty(entities);
    }
}
