using Lucene.Net.Analysis;
using Lucene.Net.Analysis.CharFilters;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Fr;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace Veille.Search.Lucene.Internals;

/// <summary>
/// The analysis chain of one index language (see <see cref="IndexLanguages"/>): typographic apostrophes normalised,
/// UAX#29 tokens, lowercase, stop words, accents folded, light stemming. Thread-safe (Lucene reuses components per thread).
/// </summary>
internal sealed class NewsAnalyzer : Analyzer
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    // French elided articles and conjunctions ("l'accord", "qu'il", "jusqu'à").
    private static readonly CharArraySet FrenchElisions = new(
        Version, ["l", "m", "t", "qu", "n", "s", "j", "d", "c", "jusqu", "quoiqu", "lorsqu", "puisqu"], ignoreCase: true);

    private static readonly NormalizeCharMap Apostrophes = BuildApostrophes();

    private readonly string language;

    public NewsAnalyzer(string language)
    {
        this.language = language;
    }

    protected override TextReader InitReader(string fieldName, TextReader reader) => new MappingCharFilter(Apostrophes, reader);

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new StandardTokenizer(Version, reader);
        TokenStream stream = language switch
        {
            IndexLanguages.French => French(tokenizer),
            IndexLanguages.English => English(tokenizer),
            _ => new ASCIIFoldingFilter(new LowerCaseFilter(Version, tokenizer)),
        };
        return new TokenStreamComponents(tokenizer, stream);
    }

    private static TokenStream French(Tokenizer tokenizer)
    {
        TokenStream stream = new ElisionFilter(tokenizer, FrenchElisions);
        stream = new LowerCaseFilter(Version, stream);
        stream = new StopFilter(Version, stream, FrenchAnalyzer.DefaultStopSet);
        stream = new ASCIIFoldingFilter(stream);
        return new FrenchLightStemFilter(stream);
    }

    private static TokenStream English(Tokenizer tokenizer)
    {
        TokenStream stream = new EnglishPossessiveFilter(Version, tokenizer);
        stream = new LowerCaseFilter(Version, stream);
        stream = new StopFilter(Version, stream, EnglishAnalyzer.DefaultStopSet);
        stream = new ASCIIFoldingFilter(stream);
        return new PorterStemFilter(stream);
    }

    private static NormalizeCharMap BuildApostrophes()
    {
        var builder = new NormalizeCharMap.Builder();
        builder.Add("\u2019", "'"); // right single quotation mark, the usual typographic apostrophe
        builder.Add("\u02BC", "'"); // modifier letter apostrophe
        builder.Add("\u2018", "'"); // left single quotation mark, sometimes typed for an apostrophe
        return builder.Build();
    }
}
