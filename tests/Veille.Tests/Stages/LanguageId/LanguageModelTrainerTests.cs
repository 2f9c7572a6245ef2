using Veille.Stages.LanguageId;

namespace Veille.Tests.Stages.LanguageId;

public sealed class LanguageModelTrainerTests
{
    private static readonly LanguageSample[] Samples =
    [
        new("fr", "le chat dort sur le canapé de la maison"),
        new("fr", "les enfants jouent dans le jardin avec le chien"),
        new("fr", "la maison est grande et le jardin est beau"),
        new("en", "the cat sleeps on the sofa of the house"),
        new("en", "the children play in the garden with the dog"),
        new("en", "the house is big and the garden is beautiful"),
    ];

    [Fact]
    public void Train_WritesAModelThatLoadsAndIdentifies()
    {
        using var file = new MemoryStream();
        LanguageModelTrainer.Train(Samples, file, new LanguageModelTrainerOptions(MinimumCount: 1));
        file.Position = 0;

        LanguageIdentifier identifier = LanguageIdentifier.Load(file);

        Assert.Equal(["fr", "en"], identifier.Languages);
        Assert.Equal("fr", identifier.Identify("le chien dort dans la maison").Tag);
        Assert.Equal("en", identifier.Identify("the dog sleeps in the house").Tag);
    }

    [Fact]
    public void Train_IsDeterministic()
    {
        using var first = new MemoryStream();
        using var second = new MemoryStream();
        LanguageModelTrainer.Train(Samples, first);
        LanguageModelTrainer.Train(Samples, second);

        Assert.Equal(first.ToArray(), second.ToArray());
    }

    [Fact]
    public void Load_RejectsOtherFormats()
    {
        using var file = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(file, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write("not a model"u8);
        }

        file.Position = 0;
        Assert.Throws<InvalidDataException>(() => LanguageIdentifier.Load(file));
    }

    [Fact]
    public void Evaluator_CrossValidatesPerLanguage()
    {
        LanguageIdEvaluation evaluation = LanguageIdEvaluator.CrossValidate(Samples, folds: 3, new LanguageModelTrainerOptions(MinimumCount: 1));

        Assert.Equal(["fr", "en"], evaluation.Languages.Select(language => language.Language));
        Assert.All(evaluation.Languages, language => Assert.Equal(3, language.Total));
        Assert.Equal(1.0, evaluation.MeanAccuracy);
    }
}
