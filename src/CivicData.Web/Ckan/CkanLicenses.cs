using System.Collections.Frozen;
using System.Collections.Immutable;
using CivicData.Web.Ckan.Wire;

namespace CivicData.Web.Ckan;

/// <summary>CKAN's default licence register (ckan.md §3.4) and the CKAN id for each licence name publishers use.</summary>
internal static class CkanLicenses
{
    public const string NotSpecified = "notspecified";

    public const string OtherOpen = "other-open";

    public static ImmutableArray<LicenseDto> Register { get; } =
    [
        new(NotSpecified, "License not specified", "", "", IsGeneric: true, "not reviewed", "not reviewed", false, false, false),
        new("odc-pddl", "Open Data Commons Public Domain Dedication and License (PDDL)", "http://www.opendefinition.org/licenses/odc-pddl", "", false, "approved", "not reviewed", false, true, false),
        new("odc-odbl", "Open Data Commons Open Database License (ODbL)", "http://www.opendefinition.org/licenses/odc-odbl", "", false, "approved", "not reviewed", false, true, false),
        new("odc-by", "Open Data Commons Attribution License", "http://www.opendefinition.org/licenses/odc-by", "", false, "approved", "not reviewed", false, true, false),
        new("cc-zero", "Creative Commons CCZero", "http://www.opendefinition.org/licenses/cc-zero", "", false, "approved", "not reviewed", true, true, false),
        new("cc-by", "Creative Commons Attribution", "http://www.opendefinition.org/licenses/cc-by", "", false, "approved", "not reviewed", true, false, false),
        new("cc-by-sa", "Creative Commons Attribution Share-Alike", "http://www.opendefinition.org/licenses/cc-by-sa", "", false, "approved", "not reviewed", true, false, false),
        new("gfdl", "GNU Free Documentation License", "http://www.opendefinition.org/licenses/gfdl", "", false, "approved", "not reviewed", true, false, false),
        new(OtherOpen, "Other (Open)", "", "", IsGeneric: true, "approved", "not reviewed", true, false, false),
        new("other-pd", "Other (Public Domain)", "", "", IsGeneric: true, "approved", "not reviewed", true, false, false),
        new("other-at", "Other (Attribution)", "", "", IsGeneric: true, "approved", "not reviewed", true, false, false),
        new("uk-ogl", "UK Open Government Licence (OGL)", "http://reference.data.gov.uk/id/open-government-licence", "", false, "approved", "not reviewed", true, false, false),
        new("cc-nc", "Creative Commons Non-Commercial (Any)", "http://creativecommons.org/licenses/by-nc/2.0/", "", false, "not reviewed", "not reviewed", true, false, false),
        new("other-nc", "Other (Non-Commercial)", "", "", IsGeneric: true, "not reviewed", "not reviewed", true, false, false),
        new("other-closed", "Other (Not Open)", "", "", IsGeneric: true, "not reviewed", "not reviewed", true, false, false),
    ];

    private static readonly FrozenDictionary<string, LicenseDto> s_byId = Register.ToFrozenDictionary(license => license.Id, StringComparer.Ordinal);

    /// <summary>The licence names CivicData publishers write (as SocrataLicenses knows them) → CKAN register ids.</summary>
    private static readonly FrozenDictionary<string, string> s_idsByName = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["Public Domain"] = "other-pd",
        ["Creative Commons 1.0 Universal (Public Domain Dedication)"] = "cc-zero",
        ["CC0"] = "cc-zero",
        ["CC0 1.0"] = "cc-zero",
        ["ODC Public Domain Dedication and License (PDDL)"] = "odc-pddl",
        ["Open Data Commons Public Domain Dedication and License"] = "odc-pddl",
        ["Open Database License"] = "odc-odbl",
        ["ODC Open Database License (ODbL)"] = "odc-odbl",
        ["Open Data Commons Attribution License"] = "odc-by",
        ["Creative Commons Attribution 4.0 International"] = "cc-by",
        ["CC BY 4.0"] = "cc-by",
        ["Creative Commons Attribution-ShareAlike 4.0 International"] = "cc-by-sa",
        ["CC BY-SA 4.0"] = "cc-by-sa",
        ["UK Open Government Licence (OGL)"] = "uk-ogl",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>The register entry for a dataset's licence name: none → "notspecified", unknown → "other-open".</summary>
    public static LicenseDto ForName(string? licenseName)
    {
        if (string.IsNullOrWhiteSpace(licenseName))
        {
            return s_byId[NotSpecified];
        }

        string trimmed = licenseName.Trim();
        if (s_idsByName.TryGetValue(trimmed, out string? id) || s_byId.ContainsKey(trimmed))
        {
            return s_byId[id ?? trimmed];
        }

        // A licence set through the CKAN API is stored under its register title.
        if (Register.FirstOrDefault(license => string.Equals(license.Title, trimmed, StringComparison.OrdinalIgnoreCase)) is { } titled)
        {
            return titled;
        }

        return s_byId[OtherOpen];
    }

    /// <summary>Every licence name that maps to <paramref name="licenseId"/>, for search filters on <c>license_id</c>.</summary>
    public static IReadOnlyList<string> NamesFor(string licenseId) =>
        [licenseId, .. s_idsByName.Where(pair => string.Equals(pair.Value, licenseId, StringComparison.OrdinalIgnoreCase)).Select(pair => pair.Key)];
}
