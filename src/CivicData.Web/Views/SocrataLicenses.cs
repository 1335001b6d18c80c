using System.Collections.Frozen;

namespace CivicData.Web.Views;

/// <summary>Socrata's licence ids for the licence names publishers use, so clients that switch on licenseId work.</summary>
internal static class SocrataLicenses
{
    private static readonly FrozenDictionary<string, string> s_idsByName = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["Public Domain"] = "PUBLIC_DOMAIN",
        ["Creative Commons 1.0 Universal (Public Domain Dedication)"] = "CC0_10",
        ["CC0"] = "CC0_10",
        ["CC0 1.0"] = "CC0_10",
        ["ODC Public Domain Dedication and License (PDDL)"] = "ODC_PDDL",
        ["Open Data Commons Public Domain Dedication and License"] = "ODC_PDDL",
        ["Open Database License"] = "ODBL",
        ["ODC Open Database License (ODbL)"] = "ODBL",
        ["Creative Commons Attribution 4.0 International"] = "CC_BY_40",
        ["CC BY 4.0"] = "CC_BY_40",
        ["Creative Commons Attribution-ShareAlike 4.0 International"] = "CC_BY_SA_40",
        ["CC BY-SA 4.0"] = "CC_BY_SA_40",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    public static string? IdFor(string? licenseName) =>
        licenseName is not null && s_idsByName.TryGetValue(licenseName.Trim(), out string? id) ? id : null;
}
