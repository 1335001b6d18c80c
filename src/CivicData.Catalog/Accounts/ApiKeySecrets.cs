using System.Security.Cryptography;
using System.Text;

namespace CivicData.Catalog.Accounts;

/// <summary>Making and checking API key ids and secrets, and password hashes.</summary>
public static class ApiKeySecrets
{
    // No vowels or look-alikes, so a key id never spells a word and survives being read aloud.
    private const string KeyIdAlphabet = "bcdfghjkmnpqrstvwxz23456789";
    private const int KeyIdLength = 24;
    private const int PasswordIterations = 210_000;
    private const string PasswordScheme = "pbkdf2-sha256";

    public static string NewKeyId() => RandomNumberGenerator.GetString(KeyIdAlphabet, KeyIdLength);

    /// <summary>256 random bits as URL-safe base64 (43 characters, no padding).</summary>
    public static string NewSecret() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string HashSecret(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
    }

    /// <summary>Compares in constant time, so response timing says nothing about how much of a guess was right.</summary>
    public static bool SecretMatches(string secret, string secretSha256)
    {
        ArgumentNullException.ThrowIfNull(secret);
        ArgumentNullException.ThrowIfNull(secretSha256);
        byte[] expected = Encoding.ASCII.GetBytes(secretSha256);
        byte[] actual = Encoding.ASCII.GetBytes(HashSecret(secret));
        return CryptographicOperations.FixedTimeEquals(expected, actual);
    }

    public static string HashPassword(string password)
    {
        ArgumentException.ThrowIfNullOrEmpty(password);
        byte[] salt = RandomNumberGenerator.GetBytes(16);
        byte[] hash = Rfc2898DeriveBytes.Pbkdf2(password, salt, PasswordIterations, HashAlgorithmName.SHA256, 32);
        return string.Join('$', PasswordScheme, PasswordIterations.ToString(System.Globalization.CultureInfo.InvariantCulture), Convert.ToBase64String(salt), Convert.ToBase64String(hash));
    }

    public static bool PasswordMatches(string password, string stored)
    {
        ArgumentNullException.ThrowIfNull(password);
        ArgumentNullException.ThrowIfNull(stored);
        string[] parts = stored.Split('$');
        if (parts.Length != 4 || parts[0] != PasswordScheme
            || !int.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int iterations))
        {
            return false;
        }

        byte[] salt = Convert.FromBase64String(parts[2]);
        byte[] expected = Convert.FromBase64String(parts[3]);
        byte[] actual = Rfc2898DeriveBytes.Pbkdf2(password, salt, iterations, HashAlgorithmName.SHA256, expected.Length);
        return CryptographicOperations.FixedTimeEquals(expected, actual);
    }
}
