using Veille.Hosting.Ingest;
using Veille.Model;
using Veille.Pipeline;
using Veille.Search.Lucene;
using Veille.Storage;
using Veille.Storage.Sqlite;

namespace Veille.Hosting;

/// <summary>
/// Composition root of embedded mode: one data folder holding the SQLite store (veille.db) and the Lucene index (index/).
/// Owns both; dispose it to flush and release them.
/// </summary>
public sealed class VeilleHost : IDisposable
{
    /// <summary>The data folder used when none is given.</summary>
    public const string DefaultDataFolder = "veille-data";

    /// <summary>Environment variable naming the data folder.</summary>
    public const string DataFolderVariable = "VEILLE_DATA";

    private VeilleHost(string dataFolder, SqliteDocumentStore store, ISearchIndex index, NewsPipeline pipeline)
    {
        DataFolder = dataFolder;
        Store = store;
        Entities = store;
        Stories = store;
        Index = index;
        Pipeline = pipeline;
    }

    public string DataFolder { get; }

    public IDocumentStore Store { get; }

    /// <summary>Story membership and duplicate links.</summary>
    public IStoryStore Stories { get; }

    /// <summary>The corpus index of entities and quotes.</summary>
    public IEntityStore Entities { get; }

    public ISearchIndex Index { get; }

    public NewsPipeline Pipeline { get; }

    /// <summary>Opens (creating if needed) the data folder: <paramref name="dataFolder"/>, else $VEILLE_DATA, else ./veille-data.</summary>
    public static VeilleHost Open(string? dataFolder = null, NewsPipeline? pipeline = null)
    {
        string folder = Path.GetFullPath(dataFolder ?? Environment.GetEnvironmentVariable(DataFolderVariable) ?? DefaultDataFolder);
        Directory.CreateDirectory(folder);
        var store = new SqliteDocumentStore(folder);
        try
        {
            var index = new LuceneSearchIndex(Path.Combine(folder, "index"));
            return new VeilleHost(folder, store, index, pipeline ?? StageCatalog.CreateDefault());
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    public IngestService CreateIngestService() => new(Store, Index, Pipeline, Stories);

    /// <summary>Resolves a name, alias or id to an entity of the expected kind, or null when none matches.</summary>
    public EntityDetail? FindEntity(string nameOrId, EntityKind? kind = null) =>
        Entities.FindEntity(nameOrId) is { } detail && (kind is null || detail.Summary.Entity.Kind == kind) ? detail : null;

    public void Dispose()
    {
        Index.Dispose();
        Store.Dispose();
    }
}
