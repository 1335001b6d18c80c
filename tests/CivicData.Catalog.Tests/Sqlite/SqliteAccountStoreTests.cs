using CivicData.Catalog.Accounts;
using CivicData.Catalog.Sqlite;
using CivicData.Core;
using Microsoft.Data.Sqlite;

namespace CivicData.Catalog.Tests.Sqlite;

/// <summary>Users, API keys and the audit log in the SQLite catalog.</summary>
public sealed class SqliteAccountStoreTests(SqliteCatalogFixture fixture) : IClassFixture<SqliteCatalogFixture>
{
    private static readonly DateTimeOffset s_now = new(2025, 3, 4, 5, 6, 7, TimeSpan.Zero);

    private string? _path;

    private static CancellationToken None => CancellationToken.None;

    [Fact]
    public async Task A_user_reads_back_by_email_in_any_case_and_a_second_one_with_that_email_is_a_conflict()
    {
        SqliteCatalogStore store = await NewStoreAsync();
        UserAccount added = await store.AddUserAsync("Ana@City.example", Role.Publisher, "Public Works", null, None);

        UserAccount? found = await store.FindUserAsync("ana@city.example", None);

        Assert.Equal(added, found);
        Assert.Equal(("Ana@City.example", Role.Publisher, "Public Works", s_now), (found!.Email, found.Role, found.Organization, found.CreatedAt));
        ConflictError conflict = await Assert.ThrowsAsync<ConflictError>(() => store.AddUserAsync("ANA@city.example", Role.Viewer, null, null, None));
        Assert.Equal("user.exists", conflict.Code);
    }

    [Fact]
    public async Task An_issued_key_is_found_with_its_owner_its_secret_is_only_stored_hashed_and_revoking_marks_it()
    {
        SqliteCatalogStore store = await NewStoreAsync();
        var issuer = new KeyIssuer(store);
        await issuer.AddUserAsync("bo@city.example", Role.Admin, null, null, AuditEntry.OperatorActor, None);

        IssuedApiKey issued = await issuer.CreateKeyAsync("bo@city.example", AuditEntry.OperatorActor, None);
        ApiKeyCredential? stored = await store.FindApiKeyAsync(issued.KeyId, None);

        Assert.NotNull(stored);
        Assert.Equal("bo@city.example", stored.User.Email);
        Assert.NotEqual(issued.Secret, stored.SecretSha256);
        Assert.True(ApiKeySecrets.SecretMatches(issued.Secret, stored.SecretSha256));
        Assert.False(ApiKeySecrets.SecretMatches(issued.Secret + "x", stored.SecretSha256));
        Assert.Null(stored.RevokedAt);

        Assert.True(await store.RevokeApiKeyAsync(issued.KeyId, None));
        Assert.False(await store.RevokeApiKeyAsync(issued.KeyId, None));
        Assert.Equal(s_now, (await store.FindApiKeyAsync(issued.KeyId, None))!.RevokedAt);
        Assert.Null(await store.FindApiKeyAsync("no-such-key", None));
    }

    [Fact]
    public async Task A_key_for_an_unknown_user_is_refused()
    {
        SqliteCatalogStore store = await NewStoreAsync();

        NotFoundError error = await Assert.ThrowsAsync<NotFoundError>(() => new KeyIssuer(store).CreateKeyAsync("ghost@city.example", AuditEntry.OperatorActor, None));

        Assert.Contains("user add", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("no-at-sign")]
    [InlineData("two@@example.org")]
    [InlineData("spa ce@example.org")]
    [InlineData("trailing@")]
    public async Task A_user_needs_a_plausible_email(string email)
    {
        SqliteCatalogStore store = await NewStoreAsync();

        await Assert.ThrowsAsync<ValidationError>(() => new KeyIssuer(store).AddUserAsync(email, Role.Viewer, null, null, AuditEntry.OperatorActor, None));
    }

    [Fact]
    public async Task Changes_are_audited_newest_first_and_the_log_refuses_updates_and_deletes()
    {
        SqliteCatalogStore store = await NewStoreAsync();
        var issuer = new KeyIssuer(store);
        await issuer.AddUserAsync("cy@city.example", Role.Viewer, "Health", null, AuditEntry.OperatorActor, None);
        IssuedApiKey key = await issuer.CreateKeyAsync("cy@city.example", AuditEntry.OperatorActor, None);

        IReadOnlyList<AuditEntry> entries = await store.ListAuditAsync(10, None);

        Assert.Equal(["key.create", "user.add"], entries.Select(entry => entry.Action));
        Assert.Equal([key.KeyId, "cy@city.example"], entries.Select(entry => entry.Target));
        Assert.Equal("{\"role\":\"viewer\",\"organization\":\"Health\"}", entries[1].Details);
        Assert.All(entries, entry => Assert.Equal(s_now, entry.At));

        await using var connection = new SqliteConnection(SqliteCatalogStore.ConnectionStringFor(_path!));
        await connection.OpenAsync();
        foreach (string sql in new[] { "UPDATE audit_log SET actor = 'someone else'", "DELETE FROM audit_log" })
        {
            using SqliteCommand command = connection.CreateCommand();
            command.CommandText = sql;
            SqliteException refused = await Assert.ThrowsAsync<SqliteException>(() => command.ExecuteNonQueryAsync());
            Assert.Contains("append-only", refused.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Passwords_hash_with_a_salt_and_verify_only_with_the_same_password()
    {
        string first = ApiKeySecrets.HashPassword("correct horse");
        string second = ApiKeySecrets.HashPassword("correct horse");

        Assert.NotEqual(first, second);
        Assert.StartsWith("pbkdf2-sha256$", first, StringComparison.Ordinal);
        Assert.True(ApiKeySecrets.PasswordMatches("correct horse", first));
        Assert.False(ApiKeySecrets.PasswordMatches("correct horsf", first));
        Assert.False(ApiKeySecrets.PasswordMatches("correct horse", "md5$whatever"));
    }

    [Fact]
    public void Key_ids_and_secrets_are_fresh_each_time()
    {
        string[] ids = [.. Enumerable.Range(0, 50).Select(_ => ApiKeySecrets.NewKeyId())];
        string[] secrets = [.. Enumerable.Range(0, 50).Select(_ => ApiKeySecrets.NewSecret())];

        Assert.Equal(50, ids.Distinct().Count());
        Assert.Equal(50, secrets.Distinct().Count());
        Assert.All(ids, id => Assert.Matches("^[b-z2-9]{24}$", id));
        Assert.All(secrets, secret => Assert.Matches("^[A-Za-z0-9_-]{43}$", secret));
    }

    private async Task<SqliteCatalogStore> NewStoreAsync()
    {
        _path = fixture.NewDatabasePath();
        var store = new SqliteCatalogStore(_path, new ManualTimeProvider(s_now));
        await store.MigrateAsync(None);
        return store;
    }
}
