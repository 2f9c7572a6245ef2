using Veille.Model;
using Veille.Stages.Entities.Recognition;

namespace Veille.Tests.Stages.Entities.Recognition;

public sealed class NerTagSetTests
{
    [Fact]
    public void Decode_BeginAndInsideMakeOneEntity()
    {
        var spans = NerTagSet.Decode(["O", "B-PER", "I-PER", "O", "B-LOC"]);
        Assert.Equal([new TaggedSpan(1, 3, "PER"), new TaggedSpan(4, 5, "LOC")], spans);
    }

    [Fact]
    public void Decode_InsideWithoutBeginStartsAnEntity()
    {
        var spans = NerTagSet.Decode(["O", "I-ORG", "I-ORG", "O"]);
        Assert.Equal([new TaggedSpan(1, 3, "ORG")], spans);
    }

    [Fact]
    public void Decode_TypeChangeSplits()
    {
        var spans = NerTagSet.Decode(["B-PER", "I-LOC", "I-LOC"]);
        Assert.Equal([new TaggedSpan(0, 1, "PER"), new TaggedSpan(1, 3, "LOC")], spans);
    }

    [Fact]
    public void Decode_ConsecutiveBeginsAreSeparateEntities()
    {
        var spans = NerTagSet.Decode(["B-LOC", "B-LOC", "I-LOC"]);
        Assert.Equal([new TaggedSpan(0, 1, "LOC"), new TaggedSpan(1, 3, "LOC")], spans);
    }

    [Fact]
    public void Decode_EntityAtEndIsClosed()
    {
        Assert.Equal([new TaggedSpan(2, 4, "MISC")], NerTagSet.Decode(["O", "O", "B-MISC", "I-MISC"]));
    }

    [Theory]
    [InlineData("O", 0)]
    [InlineData("B-PER", 1)]
    [InlineData("I-PER", 2)]
    [InlineData("B-ORG", 3)]
    [InlineData("I-LOC", 6)]
    [InlineData("B-MISC", 7)]
    [InlineData("B-GPE", 5)]
    [InlineData("I-HumanProd", 8)]
    [InlineData("B-DATE", 0)]
    [InlineData("PROPN", 0)]
    public void IndexOf_MapsForeignTypesOntoTheFourKinds(string tag, int expected) => Assert.Equal(expected, NerTagSet.IndexOf(tag));

    [Fact]
    public void KindOf_MapsTypesToEntityKinds()
    {
        Assert.Equal(EntityKind.Person, NerTagSet.KindOf("PER"));
        Assert.Equal(EntityKind.Miscellaneous, NerTagSet.KindOf("MISC"));
        Assert.Null(NerTagSet.KindOf("DATE"));
    }

    [Fact]
    public void IsAllowed_ForbidsInsideAfterOutsideOrOtherType()
    {
        Assert.False(NerTagSet.IsAllowed(-1, NerTagSet.IndexOf("I-PER")));
        Assert.False(NerTagSet.IsAllowed(0, NerTagSet.IndexOf("I-PER")));
        Assert.False(NerTagSet.IsAllowed(NerTagSet.IndexOf("B-LOC"), NerTagSet.IndexOf("I-PER")));
        Assert.True(NerTagSet.IsAllowed(NerTagSet.IndexOf("B-PER"), NerTagSet.IndexOf("I-PER")));
        Assert.True(NerTagSet.IsAllowed(NerTagSet.IndexOf("I-PER"), NerTagSet.IndexOf("I-PER")));
        Assert.True(NerTagSet.IsAllowed(0, NerTagSet.IndexOf("B-PER")));
    }
}
