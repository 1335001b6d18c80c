using CivicData.Core;
using CivicData.Web.Errors;

namespace CivicData.Web.Tests.Errors;

public sealed class ErrorMapperTests
{
    public static TheoryData<Exception, int> Cases => new()
    {
        { new NotFoundError("not_found", "Dataset not found"), 404 },
        { new QueryError("query.soql.no-such-column", "No column."), 400 },
        { new ValidationError("dataset.invalid-id", "Bad id."), 400 },
        { new ConflictError("data.locked", "Busy."), 409 },
        { new AuthenticationRequiredError("authentication_required", "Log in."), 401 },
        { new PermissionDeniedError("permission_denied", "No."), 403 },
        { new RateLimitedError("too_many_requests", "Slow down.", TimeSpan.FromSeconds(1)), 429 },
        { new UnavailableError("service_unavailable", "Down."), 503 },
        { new QueryError(ErrorMapper.QueryTimeoutCode, "Too slow."), 408 },
        { new TimeoutException("engine detail"), 408 },
        { new InvalidOperationException("engine detail"), 500 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_error_type_maps_to_its_status(Exception exception, int status) =>
        Assert.Equal(status, ErrorMapper.Map(exception, "trace-1").Status);

    [Fact]
    public void Unknown_exceptions_keep_their_message_to_themselves()
    {
        MappedError error = ErrorMapper.Map(new InvalidOperationException("engine detail"), "trace-1");

        Assert.Equal("internal_error", error.Code);
        Assert.DoesNotContain("engine detail", error.Message, StringComparison.Ordinal);
        Assert.Contains("trace-1", error.Message, StringComparison.Ordinal);
        Assert.Equal("trace-1", error.Details["traceId"]);
    }
}
