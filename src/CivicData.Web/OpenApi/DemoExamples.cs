namespace CivicData.Web.OpenApi;

/// <summary>
/// Example values for the OpenAPI document: the datasets <c>serve --demo</c> publishes (samples/demo.json), so
/// "Try it" in /api/docs answers on a demo portal, and a test calls every documented path with them.
/// </summary>
internal static class DemoExamples
{
    /// <summary>MyLA311 service requests: text, numbers, timestamps and a point per row.</summary>
    public const string DatasetId = "la31-1sr8";

    /// <summary>The row identifier (srnumber) of the first row of <see cref="DatasetId"/>.</summary>
    public const string RowIdentifier = "1-870704814";

    /// <summary>A SoQL query over <see cref="DatasetId"/> that the demo answers with rows.</summary>
    public const string Where = "requesttype = 'Bulky Items'";
}
