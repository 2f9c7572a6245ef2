using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;

namespace Veille.Search.Lucene.Internals;

/// <summary>
/// Parses the classic query syntax against one language's text and title fields (title boosted), AND by default.
/// The user-facing field names <c>text:</c> and <c>title:</c> map to the language's fields; <c>source:</c>, <c>language:</c>
/// and <c>id:</c> match exact values. Not thread-safe: make one per query.
/// </summary>
internal sealed class LanguageQueryParser : MultiFieldQueryParser
{
    public const float TitleBoost = 2f;

    private readonly string language;

    public LanguageQueryParser(string language, Analyzer analyzer)
        : base(
            NewsAnalyzer.Version,
            [IndexLanguages.TextField(language), IndexLanguages.TitleField(language)],
            analyzer,
            new Dictionary<string, float> { [IndexLanguages.TextField(language)] = 1f, [IndexLanguages.TitleField(language)] = TitleBoost })
    {
        this.language = language;
        DefaultOperator = Operator.AND;
        AutoGeneratePhraseQueries = true;
    }

    protected override Query GetFieldQuery(string field, string queryText, bool quoted) => field switch
    {
        "text" => base.GetFieldQuery(IndexLanguages.TextField(language), queryText, quoted),
        "title" => base.GetFieldQuery(IndexLanguages.TitleField(language), queryText, quoted),
        IndexLanguages.LanguageField => new TermQuery(new Term(field, IndexLanguages.Tag(queryText))),
        IndexLanguages.SourceField or IndexLanguages.IdField => new TermQuery(new Term(field, queryText)),
        _ => base.GetFieldQuery(field, queryText, quoted),
    };

    protected override Query GetFieldQuery(string field, string queryText, int slop) => field switch
    {
        "text" => base.GetFieldQuery(IndexLanguages.TextField(language), queryText, slop),
        "title" => base.GetFieldQuery(IndexLanguages.TitleField(language), queryText, slop),
        _ => base.GetFieldQuery(field, queryText, slop),
    };
}
