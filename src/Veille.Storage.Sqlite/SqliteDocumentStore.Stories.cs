using Microsoft.Data.Sqlite;
using Veille.Corpus.Dedup;
using Veille.Model;

namespace Veille.Storage.Sqlite;

/// <summary>Story membership and duplicate links, in the same database as the documents.</summary>
public sealed partial class SqliteDocumentStore : IStoryStore
{
    /// <inheritdoc />
    public IReadOnlyDictionary<DocumentId, StoryId> StoryAssignments()
    {
        using SqliteConnection connection = OpenReader();
        using SqliteCommand command = Command(connection, "SELECT document_id, story_id FROM story_members");
        var assignments = new Dictionary<DocumentId, StoryId>();
        using SqliteDataReader reader = command.ExecuteReader();
        while (reader.Read())
        {
            assignments[new DocumentId(reader.GetString(0))] = new StoryId(reader.GetString(1));
        }

        return assignments;
    }

    /// <inheritdoc />
    public void SaveStories(IReadOnlyDictionary<DocumentId, StoryId> assignments, IReadOnlyList<DuplicateLink> duplicates)
    {
        ArgumentNullException.ThrowIfNull(assignments);
        ArgumentNullException.ThrowIfNull(duplicates);
        lock (writeLock)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            using SqliteTransaction transaction = writer.BeginTransaction();
            using (SqliteCommand upsert = Command(writer, """
                INSERT INTO story_members(document_id, story_id) SELECT $document, $story WHERE EXISTS (SELECT 1 FROM documents WHERE id = $document)
                ON CONFLICT(document_id) DO UPDATE SET story_id = excluded.story_id
                """, transaction))
            {
                SqliteParameter document = upsert.Parameters.Add("$document", SqliteType.Text);
                SqliteParameter story = upsert.Parameters.Add("$story", SqliteType.Text);
                foreach ((DocumentId id, StoryId storyId) in assignments)
                {
                    document.Value = id.Value;
                    story.Value = storyId.Value;
                    upsert.ExecuteNonQuery();
                }
            }

            using (SqliteCommand insert = Command(writer, """
                INSERT OR IGNORE INTO duplicates(document_id, canonical_id, similarity, reason)
                SELECT $document, $canonical, $similarity, $reason WHERE EXISTS (SELECT 1 FROM documents WHERE id = $document)
                """, transaction))
            {
                SqliteParameter document = insert.Parameters.Add("$document", SqliteType.Text);
                SqliteParameter canonical = insert.Parameters.Add("$canonical", SqliteType.Text);
                SqliteParameter similarity = insert.Parameters.Add("$similarity", SqliteType.Real);
                SqliteParameter reason = insert.Parameters.Add("$reason", SqliteType.Integer);
                foreach (DuplicateLink link in duplicates)
                {
                    document.Value = link.Duplicate.Value;
                    canonical.Value = link.Canonical.Value;
                    similarity.Value = link.Similarity;
                    reason.Value = (int)link.Reason;
                    insert.ExecuteNonQuery();
                }
            }

            transaction.Commit();
        }
    }

    /// <inheritdoc />
    public StoryId? StoryOf(DocumentId document)
    {
        using SqliteConnection connection = OpenReader();
        using SqliteCommand command = Command(connection, "SELECT story_id FROM story_members WHERE document_id = $id");
        command.Parameters.AddWithValue("$id", document.Value);
        return command.ExecuteScalar() is string story ? new StoryId(story) : null;
    }

    /// <inheritdoc />
    public IReadOnlyList<StoryListing> Stories(string? language = null, int limit = 20)
    {
        using SqliteConnection connection = OpenReader();
        using SqliteCommand command = Command(connection, """
            SELECT s.story_id, COUNT(*), GROUP_CONCAT(DISTINCT COALESCE(d.language, 'und')), MAX(d.seq)
            FROM story_members s JOIN documents d ON d.id = s.document_id
            GROUP BY s.story_id
            HAVING $language IS NULL OR SUM(d.language = $language) > 0
            ORDER BY COUNT(*) DESC, MAX(d.seq) DESC, s.story_id
            LIMIT $limit
            """);
        command.Parameters.AddWithValue("$language", (object?)language ?? DBNull.Value);
        command.Parameters.AddWithValue("$limit", limit);
        var stories = new List<StoryListing>();
        using SqliteDataReader reader = command.ExecuteReader();
        while (reader.Read())
        {
            string[] languages = reader.GetString(2).Split(',', StringSplitOptions.RemoveEmptyEntries);
            Array.Sort(languages, StringComparer.Ordinal);
            stories.Add(new StoryListing(new StoryId(reader.GetString(0)), reader.GetInt32(1), languages));
        }

        return stories;
    }

    /// <inheritdoc />
    public IReadOnlyList<DocumentId> StoryMembers(StoryId story)
    {
        using SqliteConnection connection = OpenReader();
        using SqliteCommand command = Command(connection, "SELECT s.document_id FROM story_members s JOIN documents d ON d.id = s.document_id WHERE s.story_id = $story ORDER BY d.seq");
        command.Parameters.AddWithValue("$story", story.Value);
        var members = new List<DocumentId>();
        using SqliteDataReader reader = command.ExecuteReader();
        while (reader.Read())
        {
            members.Add(new DocumentId(reader.GetString(0)));
        }

        return members;
    }

    /// <inheritdoc />
    public IReadOnlyList<DuplicateLink> DuplicatesOf(IReadOnlyCollection<DocumentId> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var links = new List<DuplicateLink>();
        using SqliteConnection connection = OpenReader();
        using SqliteCommand command = Command(connection, "SELECT canonical_id, similarity, reason FROM duplicates WHERE document_id = $id");
        SqliteParameter id = command.Parameters.Add("$id", SqliteType.Text);
        foreach (DocumentId document in documents)
        {
            id.Value = document.Value;
            using SqliteDataReader reader = command.ExecuteReader();
            if (reader.Read())
            {
                links.Add(new DuplicateLink(document, new DocumentId(reader.GetString(0)), reader.GetDouble(1), (DuplicateReason)reader.GetInt32(2)));
            }
        }

        return links;
    }
}
