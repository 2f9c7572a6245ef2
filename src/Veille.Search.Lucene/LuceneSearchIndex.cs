using Lucene.Net.Analysis;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Veille.Model;
using Veille.Search.Lucene.Internals;
using Veille.Storage;
using LuceneDirectory = Lucene.Net.Store.Directory;
using LuceneDocument = Lucene.Net.Documents.Document;

namespace Veille.Search.Lucene;

/// <summary>
/// A Lucene full-text index in a folder, with one analysis chain per language (French, English, other) and BM25 ranking.
/// Searches are thread-safe and see the last commit; <see cref="Index"/> and <see cref="Commit"/> are for one writer at a time.
/// The index writer (and its <c>write.lock</c>) is only taken on the first <see cref="Index"/>, so other processes can search meanwhile.
/// </summary>
public sealed class LuceneSearchIndex : ISearchIndex
{
    /// <summary>Most hits a search returns.</summary>
    public const int MaxLimit = 1000;

    private readonly LuceneDirectory directory;
    private readonly Dictionary<string, Analyzer> analyzers;
    private readonly Analyzer fieldAnalyzer;
    private readonly System.Threading.Lock writeLock = new();
    private readonly SearcherManager searchers;
    private const int MaxKeyLength = 512;

    private IndexWriter? writer;
    private bool disposed;

    /// <summary>Opens the index in <paramref name="indexFolder"/> (for example <c>DATA/index</c>), creating an empty one when absent.</summary>
    public LuceneSearchIndex(string indexFolder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(indexFolder);
        System.IO.Directory.CreateDirectory(indexFolder);
        analyzers = IndexLanguages.All.ToDictionary(language => language, Analyzer (language) => new NewsAnalyzer(language), StringComparer.Ordinal);
        fieldAnalyzer = IndexLanguages.PerFieldAnalyzer(analyzers);
        directory = FSDirectory.Open(new DirectoryInfo(indexFolder), new NativeFSLockFactory());
        if (!DirectoryReader.IndexExists(directory))
        {
            Writer().Commit();
        }

        searchers = new SearcherManager(directory, new Bm25SearcherFactory());
    }

    /// <inheritdoc />
    /// <remarks>A document's language picks its analysis chain; documents without a language layer are analysed as "other".</remarks>
    public void Index(IReadOnlyList<Veille.Model.Document> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        lock (writeLock)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            IndexWriter indexWriter = Writer();
            foreach (Veille.Model.Document document in documents)
            {
                indexWriter.UpdateDocument(new Term(IndexLanguages.IdField, document.Id.Value), ToLucene(document));
            }
        }
    }

    /// <inheritdoc />
    public void Commit()
    {
        lock (writeLock)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            writer?.Commit();
        }

        searchers.MaybeRefreshBlocking();
    }

    /// <inheritdoc />
    /// <exception cref="InvalidSearchQueryException">The query text is not valid syntax.</exception>
    public SearchResult Search(SearchQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.Limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(query.Limit, MaxLimit);
        Dictionary<string, Query> perLanguage = Parse(query.Text);
        var combined = new BooleanQuery();
        foreach (Query languageQuery in perLanguage.Values)
        {
            combined.Add(languageQuery, Occur.SHOULD);
        }

        IndexSearcher searcher = searchers.Acquire();
        try
        {
            TopDocs top = searcher.Search(combined, Filter(query), query.Limit);
            var hits = new List<SearchHit>(top.ScoreDocs.Length);
            foreach (ScoreDoc scoreDoc in top.ScoreDocs)
            {
                hits.Add(Hit(searcher.Doc(scoreDoc.Doc), scoreDoc.Score, perLanguage));
            }

            return new SearchResult(top.TotalHits, hits);
        }
        catch (BooleanQuery.TooManyClausesException exception)
        {
            throw new InvalidSearchQueryException(query.Text, "it expands to too many terms; use a longer prefix", exception);
        }
        finally
        {
            searchers.Release(searcher);
        }
    }

    /// <inheritdoc />
    public long Count()
    {
        IndexSearcher searcher = searchers.Acquire();
        try
        {
            return searcher.IndexReader.NumDocs;
        }
        finally
        {
            searchers.Release(searcher);
        }
    }

    /// <inheritdoc />
    public IReadOnlyCollection<DocumentId> AllIds()
    {
        IndexSearcher searcher = searchers.Acquire();
        try
        {
            IndexReader reader = searcher.IndexReader;
            IBits? live = MultiFields.GetLiveDocs(reader);
            var fields = new HashSet<string> { IndexLanguages.IdField };
            var ids = new List<DocumentId>(reader.NumDocs);
            for (int i = 0; i < reader.MaxDoc; i++)
            {
                if (live is null || live.Get(i))
                {
                    ids.Add(new DocumentId(reader.Document(i, fields).Get(IndexLanguages.IdField)));
                }
            }

            return ids;
        }
        finally
        {
            searchers.Release(searcher);
        }
    }

    /// <summary>Closes the index; documents indexed since the last <see cref="Commit"/> are discarded (the store re-indexes them).</summary>
    public void Dispose()
    {
        lock (writeLock)
        {
            if (disposed)
            {
                return;
            }

            disposed = true;
            searchers.Dispose();
            writer?.Rollback();
            writer = null;
            fieldAnalyzer.Dispose();
            foreach (Analyzer analyzer in analyzers.Values)
            {
                analyzer.Dispose();
            }

            directory.Dispose();
        }
    }

    private IndexWriter Writer() => writer ??= new IndexWriter(directory, new IndexWriterConfig(NewsAnalyzer.Version, fieldAnalyzer)
    {
        OpenMode = OpenMode.CREATE_OR_APPEND,
        Similarity = new BM25Similarity(),
    });

    private static LuceneDocument ToLucene(Veille.Model.Document document)
    {
        string tag = document.Has(Layers.Language) ? IndexLanguages.Tag(document.Language.Tag) : Language.UndeterminedTag;
        string language = IndexLanguages.Of(tag);
        var fields = new LuceneDocument
        {
            new StringField(IndexLanguages.IdField, document.Id.Value, Field.Store.YES),
            new StringField(IndexLanguages.LanguageField, tag, Field.Store.YES),
            new StringField(IndexLanguages.AnalysisField, language, Field.Store.NO),
            new TextField(IndexLanguages.TextField(language), document.Text, Field.Store.YES),
        };
        // Exact-match fields stay far below Lucene's term limit (32 KB): an oversized value is left out rather than failing the batch.
        if (document.Source.Source is { Length: > 0 and <= MaxKeyLength } source)
        {
            fields.Add(new StringField(IndexLanguages.SourceField, source, Field.Store.NO));
        }

        foreach (DocumentEntity entity in document.Entities.Where(entity => entity.Id.Value.Length <= MaxKeyLength))
        {
            fields.Add(new StringField(IndexLanguages.EntityField, entity.Id.Value, Field.Store.NO));
        }

        foreach (Veille.Corpus.Entities.QuoteRecord quote in Veille.Corpus.Entities.EntityRollup.QuotesOf(document))
        {
            if (quote.SpeakerEntity is { } speaker && speaker.Id.Value.Length <= MaxKeyLength)
            {
                fields.Add(new StringField(IndexLanguages.SpeakerField, speaker.Id.Value, Field.Store.NO));
            }
        }

        if (document.Publication.Value is { } published)
        {
            fields.Add(new Int64Field(IndexLanguages.PublishedField, published.ToUnixTimeSeconds(), Field.Store.NO));
        }

        if (document.Title is { } title)
        {
            fields.Add(new StoredField(IndexLanguages.StoredTitleField, title));
            fields.Add(new TextField(IndexLanguages.TitleField(language), title, Field.Store.NO));
        }

        return fields;
    }

    // One query per analysis language: a document must match every term as its own language analyses it, so a French
    // stop word that English keeps ("des") does not make French documents fail the query.
    private Dictionary<string, Query> Parse(string text)
    {
        var queries = new Dictionary<string, Query>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(text))
        {
            queries[IndexLanguages.Other] = new MatchAllDocsQuery();
            return queries;
        }

        foreach (string language in IndexLanguages.All)
        {
            try
            {
                Query parsed = new LanguageQueryParser(language, analyzers[language]).Parse(text);
                queries[language] = InLanguage(language, parsed);
            }
            catch (ParseException exception)
            {
                throw new InvalidSearchQueryException(text, FirstLine(exception.Message), exception);
            }
            catch (BooleanQuery.TooManyClausesException exception)
            {
                throw new InvalidSearchQueryException(text, "it has too many terms", exception);
            }
        }

        return queries;
    }

    // "-niger" alone matches nothing in Lucene, while users mean "everything but".
    private static bool OnlyProhibited(Query query)
    {
        if (query is not BooleanQuery boolean || boolean.Clauses.Count == 0)
        {
            return false;
        }

        foreach (BooleanClause clause in boolean.Clauses)
        {
            if (!clause.IsProhibited)
            {
                return false;
            }
        }

        return true;
    }

    // Restricts a language's query to the documents analysed in that language (without changing scores), so that
    // "-niger" means "every document but those with niger" in each language rather than "every document" in the others.
    private static BooleanQuery InLanguage(string language, Query parsed)
    {
        var query = new BooleanQuery
        {
            { new ConstantScoreQuery(new TermQuery(new Term(IndexLanguages.AnalysisField, language))) { Boost = 0 }, Occur.MUST },
        };
        if (OnlyProhibited(parsed))
        {
            foreach (BooleanClause clause in ((BooleanQuery)parsed).Clauses)
            {
                query.Add(clause);
            }
        }
        else
        {
            query.Add(parsed, Occur.MUST);
        }

        return query;
    }

    private static Filter? Filter(SearchQuery query)
    {
        var filter = new BooleanQuery();
        if (query.Language is { } language)
        {
            filter.Add(new TermQuery(new Term(IndexLanguages.LanguageField, IndexLanguages.Tag(language))), Occur.MUST);
        }

        if (query.Source is { } source)
        {
            filter.Add(new TermQuery(new Term(IndexLanguages.SourceField, source)), Occur.MUST);
        }

        foreach (EntityId entity in query.Entities ?? [])
        {
            filter.Add(new TermQuery(new Term(IndexLanguages.EntityField, entity.Value)), Occur.MUST);
        }

        if (query.Speaker is { } speaker)
        {
            filter.Add(new TermQuery(new Term(IndexLanguages.SpeakerField, speaker.Value)), Occur.MUST);
        }

        if (query.From is not null || query.To is not null)
        {
            filter.Add(
                NumericRangeQuery.NewInt64Range(IndexLanguages.PublishedField, query.From?.ToUnixTimeSeconds(), query.To?.ToUnixTimeSeconds(), minInclusive: true, maxInclusive: false),
                Occur.MUST);
        }

        return filter.Clauses.Count == 0 ? null : new QueryWrapperFilter(filter);
    }

    private SearchHit Hit(LuceneDocument stored, float score, Dictionary<string, Query> perLanguage)
    {
        string tag = stored.Get(IndexLanguages.LanguageField);
        string language = IndexLanguages.Of(tag);
        string textField = IndexLanguages.TextField(language);
        string text = stored.Get(textField) ?? string.Empty;
        var terms = new HashSet<string>(StringComparer.Ordinal);
        var prefixes = new List<string>();
        if (perLanguage.TryGetValue(language, out Query? query))
        {
            string titleField = IndexLanguages.TitleField(language);
            var collected = QueryTerms.Collect(query);
            foreach ((string field, string term) in collected.Terms)
            {
                if (field == textField || field == titleField)
                {
                    terms.Add(term);
                }
            }

            foreach ((string field, string prefix) in collected.Prefixes)
            {
                if (field == textField || field == titleField)
                {
                    prefixes.Add(prefix);
                }
            }
        }

        (string snippet, IReadOnlyList<TextSpan> highlights) = SnippetBuilder.Build(text, analyzers[language], textField, terms, prefixes);
        return new SearchHit(new DocumentId(stored.Get(IndexLanguages.IdField)), score, stored.Get(IndexLanguages.StoredTitleField), snippet, highlights);
    }

    private static string FirstLine(string message)
    {
        int newline = message.IndexOf('\n', StringComparison.Ordinal);
        return (newline < 0 ? message : message[..newline]).Trim();
    }

    private sealed class Bm25SearcherFactory : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader) => new(reader) { Similarity = new BM25Similarity() };
    }
}
