using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CivicData.Web.Portal.Pages;

/// <summary>The portal's error page, re-executed by the status code pages middleware for empty 4xx/5xx answers.</summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public int Status { get; private set; }

    public string? OriginalPath { get; private set; }

    public void OnGet(int code)
    {
        Status = code is >= 400 and <= 599 ? code : 404;
        Response.StatusCode = Status;
        OriginalPath = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath;
    }
}
