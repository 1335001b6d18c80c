namespace CivicData.Core;

/// <summary>
/// The one error hierarchy: services throw only these; each front door maps them to its own wire shape.
/// <see cref="Exception.Message"/> is safe to show to callers.
/// </summary>
public abstract class CivicDataError : Exception
{
    protected CivicDataError(string code, string message, IReadOnlyDictionary<string, object?>? details = null, Exception? inner = null)
        : base(message, inner)
    {
        Code = code;
        Details = details ?? new Dictionary<string, object?>();
    }

    /// <summary>Stable machine code, such as <c>query.soql.no-such-column</c>.</summary>
    public string Code { get; }

    /// <summary>Extra data for the caller (positions, column names, validation rows).</summary>
    public IReadOnlyDictionary<string, object?> Details { get; }
}

public sealed class NotFoundError(string code, string message, IReadOnlyDictionary<string, object?>? details = null)
    : CivicDataError(code, message, details);

public sealed class QueryError(string code, string message, IReadOnlyDictionary<string, object?>? details = null, Exception? inner = null)
    : CivicDataError(code, message, details, inner);

public sealed class ValidationError(string code, string message, IReadOnlyDictionary<string, object?>? details = null, Exception? inner = null)
    : CivicDataError(code, message, details, inner);

public sealed class ConflictError(string code, string message, IReadOnlyDictionary<string, object?>? details = null)
    : CivicDataError(code, message, details);

public sealed class AuthenticationRequiredError(string code, string message)
    : CivicDataError(code, message);

public sealed class PermissionDeniedError(string code, string message)
    : CivicDataError(code, message);

public sealed class RateLimitedError(string code, string message, TimeSpan retryAfter)
    : CivicDataError(code, message)
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}

public sealed class UnavailableError(string code, string message, Exception? inner = null)
    : CivicDataError(code, message, null, inner);
