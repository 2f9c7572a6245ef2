using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Veille.Search.Lucene.Internals;

/// <summary>The positive terms of a parsed query, per field, for highlighting (prohibited clauses are skipped).</summary>
internal static class QueryTerms
{
    /// <summary>Terms that must match exactly, and prefixes (from <c>term*</c>), keyed by field.</summary>
    public static (HashSet<(string Field, string Text)> Terms, List<(string Field, string Prefix)> Prefixes) Collect(Query query)
    {
        var terms = new HashSet<(string Field, string Text)>();
        var prefixes = new List<(string Field, string Prefix)>();
        Walk(query, terms, prefixes);
        return (terms, prefixes);
    }

    private static void Walk(Query query, HashSet<(string Field, string Text)> terms, List<(string Field, string Prefix)> prefixes)
    {
        switch (query)
        {
            case TermQuery termQuery:
                Add(termQuery.Term, terms);
                break;
            case PhraseQuery phrase:
                foreach (Term term in phrase.GetTerms())
                {
                    Add(term, terms);
                }

                break;
            case MultiPhraseQuery multiPhrase:
                foreach (Term[] position in multiPhrase.GetTermArrays())
                {
                    foreach (Term term in position)
                    {
                        Add(term, terms);
                    }
                }

                break;
            case PrefixQuery prefix:
                prefixes.Add((prefix.Prefix.Field, prefix.Prefix.Text));
                break;
            case BooleanQuery boolean:
                foreach (BooleanClause clause in boolean.Clauses)
                {
                    if (!clause.IsProhibited)
                    {
                        Walk(clause.Query, terms, prefixes);
                    }
                }

                break;
            default:
                break; // Wildcard, fuzzy and range queries match but are not highlighted.
        }
    }

    private static void Add(Term term, HashSet<(string Field, string Text)> terms) => terms.Add((term.Field, term.Text));
}
