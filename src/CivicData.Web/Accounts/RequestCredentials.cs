using System.Text;
using Microsoft.AspNetCore.Http;

namespace CivicData.Web.Accounts;

/// <summary>What a request offers to prove who sent it, read from the headers every front door's clients use.</summary>
/// <param name="User">An API key id, or an email when <see cref="IsPassword"/>.</param>
/// <param name="Secret">The key's secret, or the user's password.</param>
internal sealed record RequestCredentials(string User, string Secret, bool IsPassword)
{
    /// <summary>
    /// First match wins: HTTP Basic (SODA clients; the user name may be a key id or an email), then a one-string token
    /// "KEY_ID:SECRET" as <c>Authorization: Bearer|OAuth TOKEN</c>, a raw <c>Authorization: TOKEN</c> (CKAN clients)
    /// or <c>X-CKAN-API-Key: TOKEN</c>. Null when the request carries none of these (an anonymous request).
    /// </summary>
    /// <param name="malformed">Set when a header is present but cannot be read as credentials at all.</param>
    public static RequestCredentials? Read(HttpRequest request, out bool malformed)
    {
        ArgumentNullException.ThrowIfNull(request);
        malformed = false;
        string? authorization = request.Headers.Authorization.ToString();
        if (!string.IsNullOrWhiteSpace(authorization))
        {
            authorization = authorization.Trim();
            if (StartsWithScheme(authorization, "Basic", out string basic))
            {
                return FromBasic(basic, out malformed);
            }

            string token = StartsWithScheme(authorization, "Bearer", out string bearer) ? bearer
                : StartsWithScheme(authorization, "OAuth", out string oauth) ? oauth
                : authorization;
            return FromToken(token, out malformed);
        }

        string legacy = request.Headers["X-CKAN-API-Key"].ToString();
        return string.IsNullOrWhiteSpace(legacy) ? null : FromToken(legacy.Trim(), out malformed);
    }

    private static bool StartsWithScheme(string header, string scheme, out string rest)
    {
        if (header.Length > scheme.Length && header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) && header[scheme.Length] == ' ')
        {
            rest = header[(scheme.Length + 1)..].Trim();
            return true;
        }

        rest = "";
        return false;
    }

    private static RequestCredentials? FromBasic(string encoded, out bool malformed)
    {
        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(encoded));
        }
        catch (FormatException)
        {
            malformed = true;
            return null;
        }

        int colon = decoded.IndexOf(':', StringComparison.Ordinal);
        malformed = colon <= 0;
        return malformed ? null : new RequestCredentials(decoded[..colon], decoded[(colon + 1)..], decoded[..colon].Contains('@', StringComparison.Ordinal));
    }

    private static RequestCredentials? FromToken(string token, out bool malformed)
    {
        int colon = token.IndexOf(':', StringComparison.Ordinal);
        malformed = colon <= 0 || colon == token.Length - 1;
        return malformed ? null : new RequestCredentials(token[..colon], token[(colon + 1)..], IsPassword: false);
    }

}
