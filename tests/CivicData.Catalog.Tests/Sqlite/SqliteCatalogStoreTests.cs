using CivicData.Catalog.Datasets;
using CivicData.Catalog.Sqlite;
using CivicData.Core.Datasets;
using Microsoft.Data.Sqlite;

namespace CivicData.Catalog.Tests.Sqlite;

/// <summary>The conformance suite on SQLite files, plus what only the SQLite store does (migrations, file, pragmas).</summary>
public sealed class SqliteCatalogStoreTests(SqliteCatalogFixture fixture)
    : CatalogStoreConformanceTests(fixture), IClassFixture<SqliteCatalogFixture>
{
    private static readonly DateTimeOffset s_migratedAt = new(2024, 1, 2, 3, 4, 5, 678, TimeSpan.Zero);

    [Fact]
    public void The_bundled_sqlite_has_full_text_search_5()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = """
            CREATE VIRTUAL TABLE probe USING fts5(body);
            INSERT INTO probe (body) VALUES ('food inspections');
            SELECT count(*) FROM probe WHERE probe MATCH '"inspect"*';
            """;

        Assert.Equal(1L, command.ExecuteScalar());
    }

    [Fact]
    public async Task Migrating_twice_and_after_reopening_applies_each_script_once_and_keeps_data()
    {
        string path = fixture.NewDatabasePath();
        var clock = new ManualTimeProvider(s_migratedAt);
        var first = new SqliteCatalogStore(path, clock);
        await first.MigrateAsync(CancellationToken.None);
        await first.CreateDatasetAsync(DatasetId.Parse("abcd-2345"), new DatasetMetadata { Title = "Kept" }, CancellationToken.None);

        clock.Advance(TimeSpan.FromDays(1));
        await first.MigrateAsync(CancellationToken.None);
        SqliteConnection.ClearAllPools();
        var reopened = new SqliteCatalogStore(path, clock);
        await reopened.MigrateAsync(CancellationToken.None);

        Assert.Equal("Kept", (await reopened.FindDatasetAsync(DatasetId.Parse("abcd-2345"), CancellationToken.None))!.Metadata.Title);
        List<(long Version, string AppliedAt)> applied = Query(path, "SELECT version, applied_at FROM schema_migrations ORDER BY version",
            reader => (reader.GetInt64(0), reader.GetString(1)));
        Assert.Equal(SqliteMigrator.Migrations.Select(migration => (long)migration.Version), applied.Select(row => row.Version));
        Assert.Equal((1L, "2024-01-02T03:04:05.678Z"), applied[0]);
    }

    [Fact]
    public void The_first_migration_is_the_initial_schema()
    {
        SqliteMigrator.Migration first = SqliteMigrator.Migrations[0];

        Assert.Equal(1, first.Version);
        Assert.Equal("0001_initial", first.Name);
        Assert.Contains("CREATE VIRTUAL TABLE dataset_search USING fts5", first.Script, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrating_creates_the_folder_and_a_database_in_wal_mode()
    {
        string path = fixture.NewDatabasePath();
        Assert.False(Directory.Exists(Path.GetDirectoryName(path)));

        await new SqliteCatalogStore(path, TimeProvider.System).MigrateAsync(CancellationToken.None);

        Assert.True(File.Exists(path));
        Assert.Equal(["wal"], Query(path, "PRAGMA journal_mode", reader => reader.GetString(0)));
        Assert.Equal(
            ["api_keys", "audit_log", "dataset_search", "dataset_tags", "dataset_versions", "datasets", "schema_migrations", "users", "version_columns"],
            Query(path, "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'dataset_search_%' AND name NOT LIKE 'sqlite_%' ORDER BY name", reader => reader.GetString(0)));
    }

    [Fact]
    public async Task Timestamps_and_tags_are_stored_as_iso_text_and_a_json_array()
    {
        string path = fixture.NewDatabasePath();
        var store = new SqliteCatalogStore(path, new ManualTimeProvider(new DateTimeOffset(2024, 5, 1, 14, 30, 0, 999, TimeSpan.FromHours(2)).AddTicks(9_999)));
        await store.MigrateAsync(CancellationToken.None);

        await store.CreateDatasetAsync(DatasetId.Parse("abcd-2345"), new DatasetMetadata { Title = "T", Tags = ["a \"quoted\" tag", "b"] }, CancellationToken.None);

        Assert.Equal(
            [("2024-05-01T12:30:00.999Z", "2024-05-01T12:30:00.999Z", """["a \u0022quoted\u0022 tag","b"]""", "public")],
            Query(path, "SELECT created_at, metadata_updated_at, tags, visibility FROM datasets",
                reader => (reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3))));
    }

    [Fact]
    public void The_connection_string_names_the_full_path_with_pooling_and_foreign_keys()
    {
        var builder = new SqliteConnectionStringBuilder(SqliteCatalogStore.ConnectionStringFor("data/catalog.db"));

        Assert.Equal(Path.GetFullPath("data/catalog.db"), builder.DataSource);
        Assert.Equal(SqliteOpenMode.ReadWriteCreate, builder.Mode);
        Assert.True(builder.Pooling);
        Assert.True(builder.ForeignKeys);
    }

    private static List<T> Query<T>(string path, string sql, Func<SqliteDataReader, T> read)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        using SqliteDataReader reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(read(reader));
        }

        return rows;
    }
}
