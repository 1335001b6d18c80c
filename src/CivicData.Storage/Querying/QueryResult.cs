using System.Data.Common;

namespace CivicData.Storage.Querying;

/// <summary>
/// An open, streaming query result. Read rows with <c>Reader.ReadAsync(CancellationToken)</c> passing
/// <see cref="CancellationToken"/>, which fires when the caller goes away or the query's time limit passes.
/// Disposing closes the reader and its connection.
/// </summary>
public sealed class QueryResult : IAsyncDisposable
{
    private readonly DbCommand _command;
    private readonly DbConnection _connection;
    private readonly CancellationTokenSource _timeout;
    private readonly CancellationTokenSource _linked;

    internal QueryResult(DbConnection connection, DbCommand command, DbDataReader reader, CancellationTokenSource timeout, CancellationTokenSource linked)
    {
        _connection = connection;
        _command = command;
        Reader = reader;
        _timeout = timeout;
        _linked = linked;
    }

    public DbDataReader Reader { get; }

    /// <summary>Cancelled when the request is aborted or the query's time limit passes.</summary>
    public CancellationToken CancellationToken => _linked.Token;

    /// <summary>True when the time limit, not the caller, cancelled the query.</summary>
    public bool TimedOut => _timeout.IsCancellationRequested;

    public async ValueTask DisposeAsync()
    {
        await Reader.DisposeAsync();
        await _command.DisposeAsync();
        await _connection.DisposeAsync();
        _linked.Dispose();
        _timeout.Dispose();
    }
}
