namespace CivicData.Web.Ckan.Wire;

/// <summary>One licence of the register (ckan.md §3.4).</summary>
internal sealed record LicenseDto(
    string Id,
    string Title,
    string Url,
    string Family,
    bool IsGeneric,
    string OdConformance,
    string OsdConformance,
    bool DomainContent,
    bool DomainData,
    bool DomainSoftware)
{
    public string Status { get; init; } = "active";

    public string Maintainer { get; init; } = "";

    /// <summary>Open Definition conformant, which is what a dataset's <c>isopen</c> reports.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsOpen => OdConformance == "approved";
}
