using System.ComponentModel.DataAnnotations;

namespace CivicData.Web.Soda;

/// <summary>Limits of SODA's producer API, bound from the <c>SodaProducer</c> configuration section.</summary>
public sealed class SodaProducerOptions
{
    public const string Section = "SodaProducer";

    /// <summary>Largest request body a write accepts, in bytes; larger ones get 413. The rows are parsed in memory.</summary>
    [Range(1024, long.MaxValue)]
    public long MaxBodyBytes { get; set; } = 64L * 1024 * 1024;
}
