using System.Globalization;

namespace CivicData.Web.Portal;

/// <summary>How the portal's pages show dates and long text.</summary>
public static class PortalFormat
{
    public static string Date(DateTimeOffset? value) =>
        value is { } date ? date.UtcDateTime.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture) : "—";

    /// <summary>The first <paramref name="maxLength"/> characters, cut at a word boundary, with an ellipsis when cut.</summary>
    public static string Excerpt(string? text, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        text = text.Trim();
        if (text.Length <= maxLength)
        {
            return text;
        }

        int cut = text.LastIndexOf(' ', maxLength);
        return string.Concat(text.AsSpan(0, cut > maxLength / 2 ? cut : maxLength).TrimEnd(), "…");
    }

    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
