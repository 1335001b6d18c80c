namespace CivicData.Catalog.Tests;

/// <summary>A clock that stands still until a test moves it (the test project does not reference FakeTimeProvider).</summary>
public sealed class ManualTimeProvider(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
