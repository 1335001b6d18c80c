using System.Globalization;

namespace CivicData.Web.Ckan.DataStore;

/// <summary>
/// CKAN's integer <c>_id</c> for SODA's <c>:id</c>. The store makes <c>:id</c> <c>row-</c> and the row's load sequence
/// in base 36, zero-padded to six digits, so the two map both ways and sort in the same order.
/// </summary>
internal static class RowIds
{
    private const string Prefix = "row-";
    private const string Digits = "0123456789abcdefghijklmnopqrstuvwxyz";

    public static bool TryToInteger(string systemId, out long value)
    {
        value = 0;
        if (!systemId.StartsWith(Prefix, StringComparison.Ordinal) || systemId.Length == Prefix.Length || systemId.Length > Prefix.Length + 12)
        {
            return false;
        }

        foreach (char c in systemId.AsSpan(Prefix.Length))
        {
            int digit = Digits.IndexOf(c, StringComparison.Ordinal);
            if (digit < 0)
            {
                return false;
            }

            value = (value * 36) + digit;
        }

        return true;
    }

    public static string ToSystemId(long value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        var digits = new Stack<char>();
        do
        {
            digits.Push(Digits[(int)(value % 36)]);
            value /= 36;
        }
        while (value > 0);

        string text = new(digits.ToArray());
        return Prefix + text.PadLeft(6, '0');
    }

    /// <summary>A CKAN <c>_id</c> given as a number or numeric text.</summary>
    public static bool TryParse(string text, out long value) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
}
