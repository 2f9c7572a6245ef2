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

    private FileStream? writerLock;

    public string DataFolder { get; }

    public IDocumentStore Store { get; }

    /// <summary>Story membership and duplicate links.</summary>
    public IStoryStore Stories { get; }

    /// <summary>The corpus index of entities and quotes.</summary>
    public IEntityStore Entities { get; }

    public ISearchIndex Index { get; }

    public NewsPipeline Pipeline { get; }

    /// <summary>Opens (creating if needed) the data folder: <paramref name="dataFolder"/>, else $VEILLE_DATA, else ./veille-data.</summary>
    /// <param name="dataFolder">The data folder, or null for the default.</param>
    /// <param name="pipeline">The document pipeline, or null for the default one.</param>
    /// <param name="forWriting">Takes the writer lock before opening the store and index (see <see cref="CreateIngestService"/>).</param>
    public static VeilleHost Open(string? dataFolder = null, NewsPipeline? pipeline = null, bool forWriting = false)
    {
        string? configured = string.IsNullOrWhiteSpace(dataFolder) ? Environment.GetEnvironmentVariable(DataFolderVariable) : dataFolder;
        string folder = Path.GetFullPath(string.IsNullOrWhiteSpace(configured) ? DefaultDataFolder : configured);
        if (!forWriting && !Directory.Exists(folder))
        {
            throw new StoreException(Veille.Pipeline.ErrorCodes.InputNotFound, $"no data folder at {folder}; ingest something first (veille ingest PATH --data {folder}) or check --data");
        }

        Directory.CreateDirectory(folder);
        FileStream? writerLock = forWriting ? AcquireWriterLock(folder) : null;
        SqliteDocumentStore store;
        try
        {
            store = new SqliteDocumentStore(folder);
        }
        catch
        {
            writerLock?.Dispose();
            throw;
        }

        try
        {
            var index = new LuceneSearchIndex(Path.Combine(folder, "index"));
            return new VeilleHost(folder, store, index, pipeline ?? StageCatalog.CreateDefault()) { writerLock = writerLock };
        }
        catch
        {
            store.Dispose();
            writerLock?.Dispose();
            throw;
        }
    }

    /// <summary>
    /// An ingest service; takes the data folder's writer lock first, so two processes never write one folder at once
    /// (SQLite would serialise them, but two Lucene writers would corrupt the index).
    /// </summary>
    /// <exception cref="StoreException">Another process is writing to this data folder.</exception>
    public IngestService CreateIngestService()
    {
        writerLock ??= AcquireWriterLock(DataFolder);
        return new IngestService(Store, Index, Pipeline, Stories);
    }

    private static FileStream AcquireWriterLock(string folder)
    {
        try
        {
            return new FileStream(Path.Combine(folder, ".writer.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException exception)
        {
            throw new StoreException($"another veille process is writing to {folder}; wait for it to finish, or use another --data folder ({exception.Message})", exception);
        }
    }

    /// <summary>Resolves a name, alias or id to an entity of the expected kind, or null when none matches.</summary>
    public EntityDetail? FindEntity(string nameOrId, EntityKind? kind = null) =>
        Entities.FindEntity(nameOrId) is { } detail && (kind is null || detail.Summary.Entity.Kind == kind) ? detail : null;

    public void Dispose()
    {
        Index.Dispose();
        Store.Dispose();
        writerLock?.Dispose();
    }
}
