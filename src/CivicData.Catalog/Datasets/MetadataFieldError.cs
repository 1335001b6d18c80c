namespace CivicData.Catalog.Datasets;

/// <summary>One bad metadata value.</summary>
/// <param name="Field">The field's API name, with an index for array items: <c>contactEmail</c>, <c>languages[1]</c>.</param>
/// <param name="Message">What is wrong and what is expected, safe to show to the publisher.</param>
public sealed record MetadataFieldError(string Field, string Message);
