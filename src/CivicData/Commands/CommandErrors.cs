using CivicData.Core;

namespace CivicData.Commands;

/// <summary>Every failure ends as one clear line on standard error and a non-zero exit code.</summary>
internal static class CommandErrors
{
    public const int Failure = 1;
    public const int BadInput = 2;

    public static async Task<int> RunAsync(Func<Task<int>> action)
    {
        try
        {
            return await action();
        }
        catch (CivicDataError error)
        {
            await Console.Error.WriteLineAsync($"error: {error.Message}");
            return error is ValidationError or QueryError or NotFoundError ? BadInput : Failure;
        }
        catch (OperationCanceledException)
        {
            await Console.Error.WriteLineAsync("error: cancelled.");
            return Failure;
        }
        catch (IOException ex)
        {
            await Console.Error.WriteLineAsync($"error: {ex.Message}");
            return Failure;
        }
        catch (UnauthorizedAccessException ex)
        {
            await Console.Error.WriteLineAsync($"error: {ex.Message}");
            return Failure;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A bug, not bad input; still one line, naming the exception so it can be reported.
            await Console.Error.WriteLineAsync($"error: unexpected {ex.GetType().Name}: {ex.Message.ReplaceLineEndings(" ")}");
            return Failure;
        }
    }
}
