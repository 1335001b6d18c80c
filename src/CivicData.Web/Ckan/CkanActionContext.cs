using CivicData.Web.Datasets;
using Microsoft.AspNetCore.Http;

namespace CivicData.Web.Ckan;

/// <summary>One call of an action: its parameters, who is calling, and the request (for absolute links).</summary>
internal sealed record CkanActionContext(string ActionName, CkanParameters Parameters, DatasetCaller Caller, HttpContext HttpContext)
{
    /// <summary>Scheme, host and path base, e.g. <c>https://data.example.gov</c>.</summary>
    public string BaseUrl => CkanEnvelope.BaseUrl(HttpContext.Request);
}
