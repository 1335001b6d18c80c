namespace CivicData.Soql.Text;

/// <summary>UTF-16 checks: .NET strings may hold half a surrogate pair, which no database can store as text.</summary>
internal static class Utf16
{
    public static bool IsWellFormed(ReadOnlySpan<char> text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return false;
            }
        }

        return true;
    }
}
