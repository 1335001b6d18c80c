using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace CivicData.Core.Datasets;

/// <summary>A Socrata-style "4x4" dataset id such as <c>ydr8-5enu</c>: lower-case letters and digits.</summary>
public readonly record struct DatasetId
{
    private const string Alphabet = "abcdefghijkmnpqrstuvwxyz23456789";

    private DatasetId(string value) => Value = value;

    public string Value { get; }

    public static DatasetId Parse(string text) =>
        TryParse(text, out DatasetId id) ? id : throw new ValidationError("dataset.invalid-id", $"'{text}' is not a dataset id (expected four letters or digits, a dash, four more).");

    public static bool TryParse([NotNullWhen(true)] string? text, out DatasetId id)
    {
        id = default;
        if (text is null || text.Length != 9 || text[4] != '-')
        {
            return false;
        }

        for (int i = 0; i < 9; i++)
        {
            if (i != 4 && !(char.IsAsciiDigit(text[i]) || char.IsAsciiLetterLower(text[i])))
            {
                return false;
            }
        }

        id = new DatasetId(text);
        return true;
    }

    /// <summary>A fresh random id; the alphabet leaves out look-alikes (l, o, 0, 1).</summary>
    public static DatasetId NewRandom()
    {
        Span<char> chars = stackalloc char[9];
        for (int i = 0; i < 9; i++)
        {
            chars[i] = i == 4 ? '-' : Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        return new DatasetId(new string(chars));
    }

    public override string ToString() => Value ?? string.Empty;
}
