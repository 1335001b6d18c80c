using CivicData.Core;
using Microsoft.AspNetCore.Http;

namespace CivicData.Web.Errors;

/// <summary>An error ready for any wire shape: status, stable code, safe message and details.</summary>
public sealed record MappedError(int Status, string Code, string Message, IReadOnlyDictionary<string, object?> Details)
{
    public bool IsServerFault => Status >= 500 && Status != StatusCodes.Status503ServiceUnavailable;
}

/// <summary>The single table from error type to HTTP status (style.md §4); every front door's writer starts here.</summary>
public static class ErrorMapper
{
    public const string QueryTimeoutCode = "query.execution.query-timeout";

    public const string InternalErrorCode = "internal_error";

    private static readonly Dictionary<string, object?> s_noDetails = [];

    public static MappedError Map(Exception exception, string traceId)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception switch
        {
            CivicDataError { Code: QueryTimeoutCode } error => new(StatusCodes.Status408RequestTimeout, error.Code, error.Message, error.Details),
            NotFoundError error => new(StatusCodes.Status404NotFound, error.Code, error.Message, error.Details),
            QueryError or ValidationError => FromError(StatusCodes.Status400BadRequest, (CivicDataError)exception),
            ConflictError error => FromError(StatusCodes.Status409Conflict, error),
            AuthenticationRequiredError error => FromError(StatusCodes.Status401Unauthorized, error),
            PermissionDeniedError error => FromError(StatusCodes.Status403Forbidden, error),
            RateLimitedError error => FromError(StatusCodes.Status429TooManyRequests, error),
            UnavailableError error => FromError(StatusCodes.Status503ServiceUnavailable, error),
            TimeoutException => new(StatusCodes.Status408RequestTimeout, QueryTimeoutCode, "The query took too long and was cancelled.", s_noDetails),
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => new(
                StatusCodes.Status413PayloadTooLarge, "request.too-large", "The request body is larger than this server accepts.", s_noDetails),
            BadHttpRequestException bad => new(bad.StatusCode, "bad_request", "The request could not be read.", s_noDetails),
            // Anything else is our bug: say nothing about it but the trace id, which finds it in the log.
            _ => new(
                StatusCodes.Status500InternalServerError,
                InternalErrorCode,
                $"An internal error occurred. Quote trace id {traceId} when reporting it.",
                new Dictionary<string, object?> { ["traceId"] = traceId }),
        };
    }

    private static MappedError FromError(int status, CivicDataError error) => new(status, error.Code, error.Message, error.Details);
}
