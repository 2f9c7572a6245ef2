using Microsoft.Data.Sqlite;
using Veille.Storage.Sqlite;

namespace Veille.Storage.Tests.Sqlite;

public sealed class SqliteDocumentStoreTests : DocumentStoreContract
{
    private readonly TempFolder folder = new();

    protected override IDocumentStore OpenStore() => new SqliteDocumentStore(Path.Combine(folder.Path, "data"));

    protected override void SimulateNewerSchema()
    {
        string path = Path.Combine(folder.Path, "data", SqliteDocumentStore.FileName);
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using SqliteCommand command = connection.CreateCommand();
            command.CommandText = "INSERT INTO schema_migrations(version, name, applied_at) VALUES (999, 'from-the-future', '2099-01-01')";
            command.ExecuteNonQuery();
        }
    }

    protected override void DeleteStore() => folder.Dispose();

    [Fact]
    public void SqliteStore_CreatesFolderAndUsesWal()
    {
        using var store = new SqliteDocumentStore(Path.Combine(folder.Path, "data"));

        using var connection = new SqliteConnection($"Data Source={store.DatabasePath};Pooling=False");
        connection.Open();
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", command.ExecuteScalar());
        command.CommandText = "SELECT MAX(version) FROM schema_migrations";
        Assert.Equal((long)SqliteDocumentStore.SchemaVersion, command.ExecuteScalar());
    }

    [Fact]
    public void SqliteStore_StoresPublishedAsSortableUtcText()
    {
        using var store = new SqliteDocumentStore(Path.Combine(folder.Path, "data"));
        store.Save([TestDocuments.Stored(TestDocuments.Annotated())]);

        using var connection = new SqliteConnection($"Data Source={store.DatabasePath};Pooling=False");
        connection.Open();
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = "SELECT published FROM documents";
        Assert.Equal("2024-04-19T08:00:00.0000000Z", command.ExecuteScalar());
    }
}
