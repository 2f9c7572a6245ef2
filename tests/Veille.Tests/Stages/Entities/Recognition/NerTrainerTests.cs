using Veille.Stages.Entities.Recognition;

namespace Veille.Tests.Stages.Entities.Recognition;

public sealed class NerTrainerTests
{
    private static readonly NerSentence[] Sentences =
    [
        new(["Alice", "Martin", "lives", "in", "Lyon", "."], ["B-PER", "I-PER", "O", "O", "B-LOC", "O"]),
        new(["Bob", "Stone", "works", "for", "Acme", "Corp", "."], ["B-PER", "I-PER", "O", "O", "B-ORG", "I-ORG", "O"]),
        new(["She", "moved", "to", "Nantes", "."], ["O", "O", "O", "B-LOC", "O"]),
    ];

    [Fact]
    public void Train_LearnsItsTrainingSentencesAndRoundTrips()
    {
        var lexicon = new NerLexicon();
        NerModel model = NerTrainer.Train("test", Sentences, lexicon, epochs: 10, seed: 1, TextWriter.Null, bits: 16);
        string path = Path.GetTempFileName();
        try
        {
            model.Save(path);
            NamedEntityTagger tagger = NamedEntityTagger.FromFile(path);
            foreach (NerSentence sentence in Sentences)
            {
                Assert.Equal(sentence.Tags, tagger.TagTokens(sentence.Tokens, "en"));
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Train_IsReproducible()
    {
        var lexicon = new NerLexicon();
        NerModel first = NerTrainer.Train("test", Sentences, lexicon, 3, 7, TextWriter.Null, bits: 12);
        NerModel second = NerTrainer.Train("test", Sentences, lexicon, 3, 7, TextWriter.Null, bits: 12);

        Assert.Equal(first.Weights, second.Weights);
        Assert.Equal(first.Transitions, second.Transitions);
    }
}
