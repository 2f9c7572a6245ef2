using System.Globalization;
using Veille.Model;
using Veille.Stages.LanguageId;

namespace Veille.Tests.Stages.LanguageId;

public sealed class LanguageIdentifierTests
{
    private static readonly LanguageIdentifier Identifier = LanguageIdentifier.Default;

    [Theory]
    [InlineData("fr", "Le gouvernement a annoncé mardi une nouvelle réforme des retraites, vivement critiquée par les syndicats.")]
    [InlineData("fr", "Les États-Unis ont accepté de retirer leurs troupes du Niger, a rapporté le journal.")]
    [InlineData("en", "The government announced a new pension reform on Tuesday, which unions strongly criticised.")]
    [InlineData("en", "Shares fell sharply after the company warned that profits would be lower than expected this year.")]
    [InlineData("de", "Die Regierung hat am Dienstag eine neue Rentenreform angekündigt, die von den Gewerkschaften scharf kritisiert wurde.")]
    [InlineData("es", "El gobierno anunció el martes una nueva reforma de las pensiones, muy criticada por los sindicatos.")]
    [InlineData("it", "Il governo ha annunciato martedì una nuova riforma delle pensioni, duramente criticata dai sindacati.")]
    [InlineData("pt", "O governo anunciou na terça-feira uma nova reforma das pensões, fortemente criticada pelos sindicatos.")]
    [InlineData("nl", "De regering heeft dinsdag een nieuwe pensioenhervorming aangekondigd, die sterk werd bekritiseerd door de vakbonden.")]
    [InlineData("ru", "Правительство во вторник объявило о новой пенсионной реформе, которую резко раскритиковали профсоюзы.")]
    [InlineData("el", "Η κυβέρνηση ανακοίνωσε την Τρίτη μια νέα μεταρρύθμιση του συνταξιοδοτικού συστήματος.")]
    [InlineData("ar", "أعلنت الحكومة يوم الثلاثاء عن إصلاح جديد لنظام التقاعد انتقدته النقابات بشدة.")]
    [InlineData("zh", "政府周二宣布了一项新的养老金改革，遭到工会的强烈批评。")]
    [InlineData("ja", "政府は火曜日、新しい年金改革を発表したが、労働組合から強く批判された。")]
    public void Identify_RecognisesNewsSentences(string expected, string text)
    {
        Language language = Identifier.Identify(text);

        Assert.Equal(expected, language.Tag);
        Assert.InRange(language.Confidence, 0.5, 1.0);
    }

    [Theory]
    [InlineData("000_c2b475aff80ba1f6.txt")]
    [InlineData("002_077823ae67d334e0.txt")]
    public void Identify_SampleArticlesAreFrenchWithHighConfidence(string file)
    {
        string text = File.ReadAllText(Path.Combine(RepositoryRoot(), "samples", file));

        Language language = Identifier.Identify(text);

        Assert.Equal("fr", language.Tag);
        Assert.True(language.Confidence > 0.99, $"confidence {language.Confidence}");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t ")]
    [InlineData("ok")]
    [InlineData("12345 678,90 %")]
    [InlineData("2024-04-20 18:30")]
    [InlineData("!!! ??? ... --- ***")]
    [InlineData("\U0001F600\U0001F680")]
    public void Identify_TooLittleTextIsUndetermined(string text)
    {
        Language language = Identifier.Identify(text);

        Assert.Equal(Language.UndeterminedTag, language.Tag);
        Assert.False(language.IsDetermined);
    }

    [Fact]
    public void Identify_BelowMinimumConfidenceIsUndetermined()
    {
        Assert.Equal(Language.UndeterminedTag, Identifier.Identify("Le chat dort.", minimumConfidence: 1.01).Tag);
    }

    [Fact]
    public void Identify_ArbitraryUnicodeNeverThrows()
    {
        var random = new Random(20261123);
        for (int i = 0; i < 2000; i++)
        {
            char[] chars = new char[random.Next(0, 300)];
            for (int j = 0; j < chars.Length; j++)
            {
                // Includes lone surrogates, controls and unassigned code points.
                chars[j] = (char)random.Next(0, 0x10000);
            }

            Language language = Identifier.Identify(chars);
            Assert.InRange(language.Confidence, 0.0, 1.0);
            Assert.NotNull(language.Tag);
        }
    }

    [Fact]
    public void Identify_LongDocumentUsesBoundedPrefix()
    {
        string french = "Le gouvernement a annoncé une réforme des retraites critiquée par les syndicats. ";
        string english = string.Concat(Enumerable.Repeat("The government announced a pension reform criticised by the unions. ", 200));
        string text = string.Concat(Enumerable.Repeat(french, 40)) + english;

        Assert.True(text.Length > 3 * LanguageIdentifier.MaximumSampleLength);
        Assert.Equal("fr", Identifier.Identify(text).Tag);
    }

    [Fact]
    public void Rank_ReturnsBestFirstWithConfidencesSummingToAtMostOne()
    {
        IReadOnlyList<Language> ranked = Identifier.Rank("Dit is een korte Nederlandse zin over het weer.", 3);

        Assert.Equal(3, ranked.Count);
        Assert.Equal("nl", ranked[0].Tag);
        Assert.True(ranked[0].Confidence >= ranked[1].Confidence && ranked[1].Confidence >= ranked[2].Confidence);
        Assert.InRange(ranked[0].Confidence + ranked[1].Confidence + ranked[2].Confidence, 0.0, 1.0 + 1e-9);
        Assert.Empty(Identifier.Rank("42"));
    }

    [Fact]
    public void Default_Knows79LanguagesWithIso6391Tags()
    {
        Assert.Equal(79, Identifier.Languages.Count);
        Assert.Contains("fr", Identifier.Languages);
        Assert.Contains("en", Identifier.Languages);
        Assert.All(Identifier.Languages, tag => Assert.InRange(tag.Length, 2, 3));
    }

    [Fact]
    public void Identify_IsIndependentOfCurrentCulture()
    {
        CultureInfo original = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("tr-TR");
            Language turkish = Identifier.Identify("ISTANBUL BELEDIYESI YENI BIR PROJE ICIN IHALE ACTI VE KATILIM BEKLIYOR");
            CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
            Language invariant = Identifier.Identify("ISTANBUL BELEDIYESI YENI BIR PROJE ICIN IHALE ACTI VE KATILIM BEKLIYOR");
            Assert.Equal(invariant, turkish);
        }
        finally
        {
            CultureInfo.CurrentCulture = original;
        }
    }

    [Fact]
    public void Stage_SetsDocumentLanguage()
    {
        var document = new Document("Le gouvernement a annoncé mardi une nouvelle réforme des retraites.");

        new LanguageIdStage().Process(document, Veille.Pipeline.StageContext.Default);

        Assert.Equal("fr", document.Language.Tag);
    }

    internal static string RepositoryRoot()
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (Directory.Exists(Path.Combine(directory.FullName, "samples")) && Directory.Exists(Path.Combine(directory.FullName, "src", "Veille")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException("Repository root (with samples/) not found above " + AppContext.BaseDirectory);
    }
}
