namespace CivicData.Catalog.Accounts;

/// <summary>What a user may do (design.md §6), widest first.</summary>
public enum Role
{
    /// <summary>Everything, in every organisation.</summary>
    Admin,

    /// <summary>Publish, replace and edit datasets of their organisation (all organisations when they have none).</summary>
    Publisher,

    /// <summary>Create and edit drafts of their organisation; cannot make anything public.</summary>
    Editor,

    /// <summary>Read private datasets of their organisation.</summary>
    Viewer,
}
