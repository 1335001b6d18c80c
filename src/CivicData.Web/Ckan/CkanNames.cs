using System.Text;

namespace CivicData.Web.Ckan;

/// <summary>CKAN names (URL slugs) for CivicData's departments and categories, which are free text.</summary>
internal static class CkanNames
{
    /// <summary>
    /// "Public Health" → "public-health": lower-case ASCII letters and digits, every other run of characters one '-',
    /// at most 100 characters (CKAN's name rule).
    /// </summary>
    public static string Slug(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var slug = new StringBuilder(text.Length);
        bool dash = false;
        foreach (char c in text.Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                if (dash && slug.Length > 0)
                {
                    slug.Append('-');
                }

                slug.Append(char.ToLowerInvariant(c));
                dash = false;
            }
            else if (System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark)
            {
                dash = true;
            }
        }

        string result = slug.Length > 100 ? slug.ToString(0, 100).TrimEnd('-') : slug.ToString();
        return result.Length >= 2 ? result : "x-" + result;
    }
}
