using Veille.Stages.Entities.Recognition;

namespace Veille.Tests.Stages.Entities.Recognition;

public sealed class ConllReaderTests
{
    [Fact]
    public void Read_IndexTokenTagWithDocstartAndComments()
    {
        const string text = "0\t-DOCSTART-\tO\n\n# sent_id = 1\n# text = Kurt Campbell à Niamey\n0\tKurt\tB-PER\n1\tCampbell\tI-PER\n2\tà\tO\n3\tNiamey\tB-LOC\n\n0\tOui\tO\n";

        List<NerSentence> sentences = ConllReader.Read(new StringReader(text));

        Assert.Equal(2, sentences.Count);
        Assert.Equal(["Kurt", "Campbell", "à", "Niamey"], sentences[0].Tokens);
        Assert.Equal(["B-PER", "I-PER", "O", "B-LOC"], sentences[0].Tags);
        Assert.Equal(["Oui"], sentences[1].Tokens);
    }

    [Fact]
    public void Read_DocumentStarts_FollowDocstartLines()
    {
        string path = Path.GetTempFileName();
        File.WriteAllText(path, "-DOCSTART- O\n\nA O\n\nB O\n\n-DOCSTART- O\n\nC O\n");
        try
        {
            List<NerSentence> sentences = ConllReader.Read(path, out List<int> documentStarts);

            Assert.Equal(3, sentences.Count);
            Assert.Equal([0, 2], documentStarts);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Read_WithoutDocstart_EachSentenceIsADocument()
    {
        string path = Path.GetTempFileName();
        File.WriteAllText(path, "A O\n\nB O\n\nC O\n");
        try
        {
            ConllReader.Read(path, out List<int> documentStarts);

            Assert.Equal([0, 1, 2], documentStarts);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Read_TokenSpaceTagKeepsAHashToken()
    {
        const string text = "# O\nParis I-LOC\n\nUnion I-ORG\n";

        List<NerSentence> sentences = ConllReader.Read(new StringReader(text));

        Assert.Equal(["#", "Paris"], sentences[0].Tokens);
        Assert.Equal(["O", "I-LOC"], sentences[0].Tags);
        Assert.Equal(["Union"], sentences[1].Tokens);
    }

    [Fact]
    public void Read_UnerColumnsUseTheThirdField()
    {
        const string text = "# sent_id = x\n1\tUmir\tB-PER\t-\tstephen\n2\tHussain\tI-PER\t-\tstephen\n";

        NerSentence sentence = Assert.Single(ConllReader.Read(new StringReader(text)));

        Assert.Equal(["B-PER", "I-PER"], sentence.Tags);
    }

    [Fact]
    public void ReadHipe_SplitsAtEndOfSentence()
    {
        string path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "TOKEN\tNE-COARSE-LIT\tNE-COARSE-METO\tMISC\n# newseye:document_id = a\nCaen\tB-LOC\t_\tEndOfSentence\nM\tB-PER\t_\tNoSpaceAfter\n.\tI-PER\t_\t_\n");

            List<NerSentence> sentences = ConllReader.ReadHipe(path);

            Assert.Equal(2, sentences.Count);
            Assert.Equal(["B-LOC"], sentences[0].Tags);
            Assert.Equal(["M", "."], sentences[1].Tokens);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void ReadGum_KeepsTheProperNounCoreOfMentions()
    {
        string path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, string.Join('\n',
                "# text = the Durham University in England .",
                "1\tthe\tthe\tDET\tDT\t_\t3\tdet\t_\tEntity=(1-organization-new-nnnnn-cf1-1,3-coref-Durham_University",
                "2\tDurham\tDurham\tPROPN\tNNP\t_\t3\tcompound\t_\tEntity=(2-place-new-nnnnn-cf2-1-coref-Durham)",
                "3\tUniversity\tUniversity\tPROPN\tNNP\t_\t0\troot\t_\tEntity=1)",
                "4\tin\tin\tADP\tIN\t_\t5\tcase\t_\t_",
                "5\tEngland\tEngland\tPROPN\tNNP\t_\t3\tnmod\t_\tEntity=(3-place-new-nnnnn-cf3-1-coref-England)",
                "6\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_",
                "",
                ""));

            NerSentence sentence = Assert.Single(ConllReader.ReadGum(path));

            Assert.Equal(["O", "B-ORG", "I-ORG", "O", "B-LOC", "O"], sentence.Tags);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
