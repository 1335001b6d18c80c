using System.Collections.Frozen;

namespace CivicData.Web.Ckan;

/// <summary>Every CKAN action by name, built from the <see cref="ICkanAction"/> services registered in DI.</summary>
internal sealed class CkanActionRegistry
{
    private readonly FrozenDictionary<string, ICkanAction> _actions;

    public CkanActionRegistry(IEnumerable<ICkanAction> actions)
    {
        ArgumentNullException.ThrowIfNull(actions);
        var byName = new Dictionary<string, ICkanAction>(StringComparer.Ordinal);
        foreach (ICkanAction action in actions)
        {
            if (!byName.TryAdd(action.Name, action))
            {
                throw new InvalidOperationException($"Two CKAN actions are registered as '{action.Name}'.");
            }
        }

        _actions = byName.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public IEnumerable<string> Names => _actions.Keys.Order(StringComparer.Ordinal);

    public ICkanAction? Find(string name) => _actions.GetValueOrDefault(name);
}
