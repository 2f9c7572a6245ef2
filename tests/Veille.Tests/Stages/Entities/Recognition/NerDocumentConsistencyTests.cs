using Veille.Stages.Entities.Recognition;

namespace Veille.Tests.Stages.Entities.Recognition;

public sealed class NerDocumentConsistencyTests
{
    [Fact]
    public void MiddleInitial_JoinsBothNamesIntoOnePerson()
    {
        string[] tags = Apply([["Le", "secrétaire", "Kurt", "M.", "Campbell", "viendra"]], [["O", "O", "B-PER", "O", "B-PER", "O"]])[0];

        Assert.Equal(["O", "O", "B-PER", "I-PER", "I-PER", "O"], tags);
    }

    [Fact]
    public void MiddleInitial_SplitFromItsDot_JoinsTheName()
    {
        string[] tags = Apply([["George", "W", ".", "Bush", "said"]], [["B-PER", "O", "O", "O", "O"]])[0];

        Assert.Equal(["B-PER", "I-PER", "I-PER", "I-PER", "O"], tags);
    }

    [Fact]
    public void FrenchTitle_AfterALowercaseWord_StaysOutside()
    {
        string[] tags = Apply([["a", "dit", "M.", "Macron"]], [["O", "O", "O", "B-PER"]])[0];

        Assert.Equal(["O", "O", "O", "B-PER"], tags);
    }

    [Fact]
    public void RepeatedSpan_TakesTheDocumentMajorityType()
    {
        string[][] tags = Apply(
            [["du", "Pentagone", "a"], ["du", "Pentagone", "et"], ["le", "Pentagone", "dit"]],
            [["O", "B-ORG", "O"], ["O", "B-ORG", "O"], ["O", "B-PER", "O"]]);

        Assert.Equal(["O", "B-ORG", "O"], tags[2]);
    }

    [Fact]
    public void TiedTypes_KeepTheirOwn()
    {
        string[][] tags = Apply([["in", "Georgia"], ["in", "Georgia"]], [["O", "B-LOC"], ["O", "B-PER"]]);

        Assert.Equal(["O", "B-PER"], tags[1]);
    }

    [Fact]
    public void Surname_AfterTheFullName_IsAPerson()
    {
        string[][] tags = Apply(
            [["Pat", "Ryder", "a", "indiqué"], ["a", "déclaré", "Ryder", "."]],
            [["B-PER", "I-PER", "O", "O"], ["O", "O", "O", "O"]]);

        Assert.Equal(["O", "O", "B-PER", "O"], tags[1]);
    }

    [Fact]
    public void UntaggedRepeat_OfAMultiWordSpan_IsTagged()
    {
        string[][] tags = Apply(
            [["the", "Washington", "Post", "said"], ["the", "Washington", "Post", "reported"]],
            [["O", "B-ORG", "I-ORG", "O"], ["O", "O", "O", "O"]]);

        Assert.Equal(["O", "B-ORG", "I-ORG", "O"], tags[1]);
    }

    [Fact]
    public void TaggedPrefix_OfALongerSpan_BecomesThatSpan()
    {
        string[][] tags = Apply(
            [["selon", "le", "Washington", "Post"], ["a", "déclaré", "au", "Washington", "Post"]],
            [["O", "O", "B-ORG", "I-ORG"], ["O", "O", "O", "B-LOC", "O"]]);

        Assert.Equal(["O", "O", "O", "B-ORG", "I-ORG"], tags[1]);
    }

    [Fact]
    public void LowercaseRepeats_StayOutside()
    {
        string[][] tags = Apply([["Apple", "sells", "apple"], ["apple", "pie"]], [["B-ORG", "O", "O"], ["O", "O"]]);

        Assert.Equal(["O", "O"], tags[1]);
        Assert.Equal(["B-ORG", "O", "O"], tags[0]);
    }

    [Fact]
    public void Corrections_KeepRandomDocumentsWellFormed()
    {
        string[] vocabulary = ["Kurt", "M.", "Campbell", "du", "de", "l'", "Ouest", "Afrique", "mer", "Noire", "The", "La", "Post", "Washington", "au", "a", "W", ".", ","];
        var random = new Random(7);
        for (int run = 0; run < 2000; run++)
        {
            int count = random.Next(1, 4);
            var sentences = new string[count][];
            var tags = new string[count][];
            for (int s = 0; s < count; s++)
            {
                int n = random.Next(1, 9);
                sentences[s] = Enumerable.Range(0, n).Select(_ => vocabulary[random.Next(vocabulary.Length)]).ToArray();
                tags[s] = new string[n];
                for (int i = 0; i < n; i++)
                {
                    int tag = random.Next(NerTagSet.Count);
                    int previous = i == 0 ? -1 : NerTagSet.IndexOf(tags[s][i - 1]);
                    tags[s][i] = NerTagSet.NameOf(NerTagSet.IsAllowed(previous, tag) ? tag : NerTagSet.Outside);
                }
            }

            foreach (string[] sentence in Apply(sentences, tags))
            {
                for (int i = 0; i < sentence.Length; i++)
                {
                    Assert.True(NerTagSet.IsAllowed(i == 0 ? -1 : NerTagSet.IndexOf(sentence[i - 1]), NerTagSet.IndexOf(sentence[i])), string.Join(" ", sentence));
                }
            }
        }
    }

    private static string[][] Apply(string[][] sentences, string[][] tags)
    {
        var words = sentences.SelectMany(sentence => sentence).ToList();
        var (text, starts, ends) = NerTrainer.Join(words);
        int[] indices = tags.SelectMany(sentence => sentence).Select(NerTagSet.IndexOf).ToArray();
        var sentenceEnds = new List<int>();
        int end = 0;
        foreach (string[] sentence in sentences)
        {
            end += sentence.Length;
            sentenceEnds.AddRange(Enumerable.Repeat(end, sentence.Length));
        }

        NerDocumentConsistency.Apply(text, starts, ends, indices, sentenceEnds.ToArray());
        var result = new string[sentences.Length][];
        int offset = 0;
        for (int s = 0; s < sentences.Length; s++)
        {
            result[s] = indices[offset..(offset + sentences[s].Length)].Select(NerTagSet.NameOf).ToArray();
            offset += sentences[s].Length;
        }

        return result;
    }
}
