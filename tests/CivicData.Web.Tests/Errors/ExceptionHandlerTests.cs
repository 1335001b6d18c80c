using System.Net;
using System.Text.Json;
using CivicData.Core;
using CivicData.Web.Errors;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CivicData.Web.Tests.Errors;

/// <summary>
/// The real exception handler in a small Kestrel app whose endpoints throw on purpose, for the failures the portal's
/// data cannot provoke on demand (timeouts, bugs, throttling).
/// </summary>
public sealed class ExceptionHandlerTests : IAsyncLifetime
{
    private WebApplication _app = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        WebApplicationBuilder builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddExceptionHandler<CivicDataExceptionHandler>();
        builder.Services.AddProblemDetails();
        _app = builder.Build();
        _app.UseExceptionHandler();
        _app.MapGet("/soda/bug", IResult () => throw new InvalidOperationException("connection string Password=hunter2")).WithErrorFamily(ErrorFamily.Soda);
        _app.MapGet("/soda/timeout", IResult () => throw new QueryError(ErrorMapper.QueryTimeoutCode, "The query took too long.")).WithErrorFamily(ErrorFamily.Soda);
        _app.MapGet("/soda/throttled", IResult () => throw new RateLimitedError("too_many_requests", "Slow down.", TimeSpan.FromSeconds(30))).WithErrorFamily(ErrorFamily.Soda);
        _app.MapGet("/soda/conflict", IResult () => throw new ConflictError("data.locked", "Busy.")).WithErrorFamily(ErrorFamily.Soda);
        _app.MapGet("/native/missing", IResult () => throw new NotFoundError("not_found", "Dataset not found"));
        await _app.StartAsync();
        _client = new HttpClient { BaseAddress = new Uri(_app.Urls.First()) };
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task Unexpected_errors_are_a_generic_500_with_a_trace_id_and_no_details()
    {
        (HttpResponseMessage response, JsonElement body, string text) = await GetAsync("/soda/bug");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("internal_error", body.GetProperty("code").GetString());
        Assert.True(body.GetProperty("error").GetBoolean());
        string traceId = body.GetProperty("data").GetProperty("traceId").GetString()!;
        Assert.Contains(traceId, body.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", text, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", text, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Query_timeouts_are_408_with_the_soda_timeout_code()
    {
        (HttpResponseMessage response, JsonElement body, _) = await GetAsync("/soda/timeout");

        Assert.Equal(HttpStatusCode.RequestTimeout, response.StatusCode);
        Assert.Equal("query.execution.query-timeout", body.GetProperty("code").GetString());
        Assert.Equal("query.execution.query-timeout", body.GetProperty("errorCode").GetString());
    }

    [Fact]
    public async Task Throttled_requests_are_429_with_retry_after()
    {
        (HttpResponseMessage response, JsonElement body, _) = await GetAsync("/soda/throttled");

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal("too_many_requests", body.GetProperty("code").GetString());
        Assert.Equal(TimeSpan.FromSeconds(30), response.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task Conflicts_are_409()
    {
        (HttpResponseMessage response, _, _) = await GetAsync("/soda/conflict");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Fact]
    public async Task Endpoints_without_a_family_get_problem_details()
    {
        (HttpResponseMessage response, JsonElement body, _) = await GetAsync("/native/missing");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(404, body.GetProperty("status").GetInt32());
        Assert.Equal("not_found", body.GetProperty("code").GetString());
        Assert.Equal("Dataset not found", body.GetProperty("detail").GetString());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("traceId").GetString()));
    }

    private async Task<(HttpResponseMessage Response, JsonElement Body, string Text)> GetAsync(string url)
    {
        HttpResponseMessage response = await _client.GetAsync(url);
        string text = await response.Content.ReadAsStringAsync();
        using JsonDocument document = JsonDocument.Parse(text);
        return (response, document.RootElement.Clone(), text);
    }
}
