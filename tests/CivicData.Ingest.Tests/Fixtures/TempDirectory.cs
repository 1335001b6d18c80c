using System.Text;

namespace CivicData.Ingest.Tests.Fixtures;

/// <summary>A fresh directory under the system temp folder, deleted on dispose.</summary>
public sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = Directory.CreateTempSubdirectory("civicdata-ingest-").FullName;
    }

    public string Path { get; }

    /// <summary>Writes <paramref name="text"/> as UTF-8 without a BOM and returns the file's path.</summary>
    public string WriteText(string fileName, string text) => WriteBytes(fileName, Encoding.UTF8.GetBytes(text));

    public string WriteBytes(string fileName, byte[] bytes)
    {
        string path = System.IO.Path.Combine(Path, fileName);
        System.IO.File.WriteAllBytes(path, bytes);
        return path;
    }

    public string File(string fileName) => System.IO.Path.Combine(Path, fileName);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a reader left open by a failing test must not hide the real failure.
        }
    }
}
