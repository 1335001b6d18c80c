namespace CivicData.Web.Errors;

/// <summary>The wire shapes errors take; each endpoint group declares its family with <c>WithErrorFamily</c>.</summary>
public enum ErrorFamily
{
    /// <summary>RFC 9457 problem details, for our own APIs and anything that declares nothing.</summary>
    Native,

    /// <summary>SODA's <c>{"code", "errorCode", "error": true, "message", "data"}</c>.</summary>
    Soda,

    /// <summary>An HTML error page, for the portal.</summary>
    Pages,

    /// <summary>CKAN's <c>{"help", "success": false, "error": {"__type", "message", ...}}</c> with CKAN's statuses.</summary>
    Ckan,
}

/// <summary>Endpoint metadata naming the error family.</summary>
public sealed record ErrorFamilyMetadata(ErrorFamily Family);
