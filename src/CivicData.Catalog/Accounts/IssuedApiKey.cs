namespace CivicData.Catalog.Accounts;

/// <summary>A key just created: the secret is shown to its owner this once and then only its hash remains.</summary>
public sealed record IssuedApiKey(string KeyId, string Secret, UserAccount User)
{
    /// <summary>The one-string form CKAN clients send in <c>Authorization</c>: key id, a colon, the secret.</summary>
    public string Token => KeyId + ":" + Secret;
}
