namespace CivicData.Soql.Tests.Injection;

/// <summary>Hostile inputs sent through every clause (style.md §3, test 4).</summary>
public static class InjectionCorpus
{
    public static IReadOnlyList<string> Payloads { get; } =
    [
        "'; DROP TABLE canary; --",
        "' OR '1'='1",
        "\" OR \"1\"=\"1\" --",
        "1); DELETE FROM canary; --",
        "x' UNION SELECT x FROM canary --",
        "/* evil */ DROP TABLE canary",
        "$$; DROP TABLE canary; $$",
        "$1; DROP TABLE canary",
        "\\'; DROP TABLE canary; --\\",
        "nul\0byte'; DROP TABLE canary",
        "\u02bc OR \u02bc1\u02bc=\u02bc1",
        "\u2019; DROP TABLE canary; --",
        "make\" , \"name",
        "`make\"; DROP TABLE canary; --`",
        "make; DROP TABLE canary",
        "count(*)) FROM canary; --",
        ":seq; DROP TABLE canary",
        "x" + new string('a', 10_000),
        "\"" + new string('q', 10_000) + "\"",
    ];
}
