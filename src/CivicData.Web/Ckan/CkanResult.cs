using System.Text.Json;

namespace CivicData.Web.Ckan;

/// <summary>
/// What an action returns: the value of the envelope's <c>result</c>, written into the response. Most results are
/// objects serialised whole; DataStore rows are streamed by a writer, and whatever they hold open is disposed after.
/// </summary>
internal sealed class CkanResult : IAsyncDisposable
{
    private readonly Func<Utf8JsonWriter, CancellationToken, Task> _write;
    private readonly IAsyncDisposable? _owned;

    private CkanResult(Func<Utf8JsonWriter, CancellationToken, Task> write, IAsyncDisposable? owned)
    {
        _write = write;
        _owned = owned;
    }

    /// <summary>A result serialised with CKAN's JSON conventions (snake_case names, nulls kept).</summary>
    public static CkanResult Of<T>(T value) => new(
        (json, _) =>
        {
            JsonSerializer.Serialize(json, value, CkanJson.Options);
            return Task.CompletedTask;
        },
        owned: null);

    /// <summary>A result written by <paramref name="write"/>, which owns <paramref name="owned"/> until the response ends.</summary>
    public static CkanResult Streamed(Func<Utf8JsonWriter, CancellationToken, Task> write, IAsyncDisposable? owned) => new(write, owned);

    public Task WriteAsync(Utf8JsonWriter json, CancellationToken cancellationToken) => _write(json, cancellationToken);

    public ValueTask DisposeAsync() => _owned?.DisposeAsync() ?? ValueTask.CompletedTask;
}
