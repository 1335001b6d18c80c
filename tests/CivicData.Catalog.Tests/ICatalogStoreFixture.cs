namespace CivicData.Catalog.Tests;

/// <summary>Gives the conformance tests a catalog on one backend.</summary>
public interface ICatalogStoreFixture
{
    /// <summary>A fresh, migrated, empty catalog that no other test sees.</summary>
    public Task<ICatalogStore> CreateStoreAsync(TimeProvider clock);
}
