using Microsoft.Extensions.DependencyInjection;

namespace CivicData.Web.Ckan.Actions;

/// <summary><c>help_show</c> (ckan.md §4.13): the help text of an action; unknown name → 404.</summary>
internal sealed class HelpShowAction(IServiceProvider services) : ICkanAction
{
    public string Name => "help_show";

    public bool IsReadOnly => true;

    public string Help => "Return the help text of the action given as name.";

    public Task<CkanResult> InvokeAsync(CkanActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        string name = context.Parameters.GetRequiredString("name");

        // Resolved per call: the registry holds every action, this one included.
        ICkanAction action = services.GetRequiredService<CkanActionRegistry>().Find(name)
            ?? throw CkanErrors.NotFound($"Action \"{name}\" was not found.");
        return Task.FromResult(CkanResult.Of(action.Help));
    }
}
