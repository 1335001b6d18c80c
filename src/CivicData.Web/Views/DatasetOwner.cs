using System.Security.Cryptography;
using System.Text;
using CivicData.Catalog.Datasets;

namespace CivicData.Web.Views;

/// <summary>
/// Who a dataset belongs to, in Socrata's user shape (a 4x4 id and a display name). CivicData records no owning user
/// yet, so the publishing department stands in (the site itself when there is none), under an id derived from its
/// name: stable across restarts and the same for every dataset of the department.
/// </summary>
internal sealed record DatasetOwner(string Id, string DisplayName)
{
    public const string SiteName = "CivicData";

    /// <summary>Socrata's 4x4 alphabet: lowercase letters and digits without the look-alikes 0, 1, l and o.</summary>
    private const string Alphabet = "abcdefghijkmnpqrstuvwxyz23456789";

    public static DatasetOwner For(DatasetMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        string name = string.IsNullOrWhiteSpace(metadata.Department) ? SiteName : metadata.Department.Trim();
        byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes(name.ToUpperInvariant()));
        var id = new StringBuilder(9);
        for (int i = 0; i < 8; i++)
        {
            if (i == 4)
            {
                id.Append('-');
            }

            id.Append(Alphabet[hash[i] % Alphabet.Length]);
        }

        return new DatasetOwner(id.ToString(), name);
    }
}
