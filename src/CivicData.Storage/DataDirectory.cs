using CivicData.Core;

namespace CivicData.Storage;

/// <summary>
/// The embedded stores' home (catalog.db and data.duckdb), held exclusively by one process at a time through a
/// lock file, so a second writer gets a clear message instead of touching the stores.
/// </summary>
public sealed class DataDirectory : IDisposable
{
    private const string LockFileName = "civicdata.lock";
    private readonly FileStream _lock;

    private DataDirectory(string root, FileStream lockStream)
    {
        Root = root;
        _lock = lockStream;
    }

    public string Root { get; }

    public string CatalogPath => Path.Combine(Root, "catalog.db");

    public string DataPath => Path.Combine(Root, "data.duckdb");

    /// <summary>Takes the directory for this process; throws <see cref="ConflictError"/> when another process holds it.</summary>
    public static DataDirectory Acquire(string path)
    {
        string root = Path.GetFullPath(path);
        Directory.CreateDirectory(root);
        string lockPath = Path.Combine(root, LockFileName);
        try
        {
            var stream = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
            stream.SetLength(0);
            using (var writer = new StreamWriter(stream, leaveOpen: true))
            {
                writer.Write(Environment.ProcessId);
            }

            stream.Flush(flushToDisk: true);
            return new DataDirectory(root, stream);
        }
        catch (IOException ex)
        {
            string holder = ReadHolder(lockPath);
            throw new ConflictError(
                "data.locked",
                $"The data directory {root} is in use by another CivicData process{holder}. Stop it first, or publish through the running portal's HTTP API.",
                new Dictionary<string, object?> { ["inner"] = ex.Message });
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new ValidationError("data.unwritable", $"Cannot write to the data directory {root}: {ex.Message}");
        }
    }

    public void Dispose() => _lock.Dispose();

    private static string ReadHolder(string lockPath)
    {
        try
        {
            using var stream = new FileStream(lockPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            string text = reader.ReadToEnd().Trim();
            return text.Length > 0 ? $" (pid {text})" : "";
        }
        catch (IOException)
        {
            return "";
        }
    }
}
