using System.Collections.Immutable;
using System.Globalization;
using System.Reflection;
using Microsoft.Data.Sqlite;

namespace CivicData.Catalog.Sqlite;

/// <summary>
/// Applies the embedded scripts <c>Sqlite/Migrations/NNNN_name.sql</c> in number order, each in its own transaction,
/// and records each one in <c>schema_migrations</c>. Running it again (or from two processes at once) applies nothing
/// twice: the check for "already applied" happens after the transaction holds SQLite's write lock.
/// </summary>
internal static class SqliteMigrator
{
    private const string ResourcePrefix = "CivicData.Catalog.Sqlite.Migrations.";

    private static readonly Lazy<ImmutableArray<Migration>> s_migrations = new(LoadMigrations);

    /// <summary>Every migration shipped in this assembly, lowest version first.</summary>
    public static ImmutableArray<Migration> Migrations => s_migrations.Value;

    public static async Task MigrateAsync(SqliteConnection connection, TimeProvider clock, CancellationToken cancellationToken)
    {
        await using (SqliteCommand create = connection.CreateCommand())
        {
            create.CommandText = """
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    version    INTEGER NOT NULL PRIMARY KEY,
                    applied_at TEXT    NOT NULL
                );
                """;
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        foreach (Migration migration in Migrations)
        {
            // BeginTransaction() is BEGIN IMMEDIATE: it takes the write lock before we look.
            await using SqliteTransaction transaction = connection.BeginTransaction();
            if (!await IsAppliedAsync(connection, transaction, migration.Version, cancellationToken))
            {
                await using (SqliteCommand script = connection.CreateCommand())
                {
                    script.Transaction = transaction;
                    script.CommandText = migration.Script;
                    await script.ExecuteNonQueryAsync(cancellationToken);
                }

                await using SqliteCommand record = connection.CreateCommand();
                record.Transaction = transaction;
                record.CommandText = "INSERT INTO schema_migrations (version, applied_at) VALUES ($version, $appliedAt)";
                record.Parameters.AddWithValue("$version", migration.Version);
                record.Parameters.AddWithValue("$appliedAt", CatalogTimestamp.ToText(clock.GetUtcNow()));
                await record.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }
    }

    private static async Task<bool> IsAppliedAsync(SqliteConnection connection, SqliteTransaction transaction, int version, CancellationToken cancellationToken)
    {
        await using SqliteCommand command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT EXISTS (SELECT 1 FROM schema_migrations WHERE version = $version)";
        command.Parameters.AddWithValue("$version", version);
        object? result = await command.ExecuteScalarAsync(cancellationToken);
        return Convert.ToInt64(result, CultureInfo.InvariantCulture) != 0;
    }

    private static ImmutableArray<Migration> LoadMigrations()
    {
        Assembly assembly = typeof(SqliteMigrator).Assembly;
        ImmutableArray<Migration>.Builder migrations = ImmutableArray.CreateBuilder<Migration>();
        foreach (string resource in assembly.GetManifestResourceNames())
        {
            if (!resource.StartsWith(ResourcePrefix, StringComparison.Ordinal) || !resource.EndsWith(".sql", StringComparison.Ordinal))
            {
                continue;
            }

            string name = resource[ResourcePrefix.Length..^".sql".Length];
            int underscore = name.IndexOf('_', StringComparison.Ordinal);
            if (underscore <= 0 || !int.TryParse(name.AsSpan(0, underscore), NumberStyles.None, CultureInfo.InvariantCulture, out int version))
            {
                throw new InvalidOperationException($"Migration resource '{resource}' is not named NNNN_name.sql.");
            }

            using Stream stream = assembly.GetManifestResourceStream(resource)
                ?? throw new InvalidOperationException($"Migration resource '{resource}' cannot be read.");
            using var reader = new StreamReader(stream);
            migrations.Add(new Migration(version, name, reader.ReadToEnd()));
        }

        migrations.Sort((left, right) => left.Version.CompareTo(right.Version));
        for (int i = 1; i < migrations.Count; i++)
        {
            if (migrations[i].Version == migrations[i - 1].Version)
            {
                throw new InvalidOperationException($"Two migrations share version {migrations[i].Version}.");
            }
        }

        return migrations.ToImmutable();
    }

    /// <summary>One schema script.</summary>
    /// <param name="Name">File name without extension, e.g. <c>0001_initial</c>.</param>
    internal sealed record Migration(int Version, string Name, string Script);
}
