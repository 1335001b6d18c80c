using System.ComponentModel.DataAnnotations;

namespace CivicData.Web.Dcat;

/// <summary>What the metadata catalogs (<c>/data.json</c>, <c>/catalog.jsonld</c>, …) say about the portal itself.</summary>
/// <remarks>Bound from the <c>Dcat</c> configuration section.</remarks>
public sealed class DcatOptions
{
    /// <summary>
    /// The portal's public address, e.g. <c>https://data.examplecity.gov</c>. Every identifier and link in the exports
    /// starts with it; when unset they start with the request's scheme and host. Set it in production, so that
    /// identifiers stay the same whichever name a harvester uses.
    /// </summary>
    [Url]
    public string? BaseUrl { get; set; }

    [Required]
    public string CatalogTitle { get; set; } = "CivicData open data catalog";

    [Required]
    public string CatalogDescription { get; set; } = "Every public dataset of this open data portal.";

    /// <summary>The city, county or agency running the portal: the parent of each department and the catalog's publisher.</summary>
    public string? OrganizationName { get; set; }

    /// <summary>Contact e-mail for datasets that name none of their own.</summary>
    [EmailAddress]
    public string? ContactEmail { get; set; }
}
