using CivicData.Core;
using CivicData.Ingest.Readers;
using CivicData.Ingest.Tests.Fixtures;

namespace CivicData.Ingest.Tests.Readers;

public sealed class Utf8ValidatorTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Valid_utf8_with_multibyte_characters_and_a_bom_passes()
    {
        string path = _temp.WriteBytes("ok.csv", [0xEF, 0xBB, 0xBF, .. "name\nTropisueño\n東京\n🙂\n"u8]);

        await Utf8Validator.ValidateAsync(path, CancellationToken.None);
    }

    [Fact]
    public async Task A_windows_1252_byte_is_reported_with_its_line_and_offset()
    {
        string path = _temp.WriteBytes("bad.csv", [.. "a\nb\nTROPISUE"u8, 0xD1, .. "O\n"u8]);

        var error = await Assert.ThrowsAsync<ValidationError>(() => Utf8Validator.ValidateAsync(path, CancellationToken.None));

        Assert.Equal("ingest.encoding", error.Code);
        Assert.Contains("line 3", error.Message);
        Assert.Contains("byte offset 12", error.Message);
        Assert.Contains("--encoding windows-1252", error.Message);
    }

    [Fact]
    public async Task A_multibyte_character_split_across_the_1_mb_buffer_edge_is_still_valid()
    {
        // "ñ" is C3 B1; put its first byte at the last position of the first 1 MB read.
        byte[] bytes = [.. Enumerable.Repeat((byte)'x', (1 << 20) - 1), 0xC3, 0xB1, (byte)'\n'];
        string path = _temp.WriteBytes("edge.txt", bytes);

        await Utf8Validator.ValidateAsync(path, CancellationToken.None);
    }

    [Fact]
    public async Task A_sequence_cut_off_at_the_end_of_the_file_is_invalid()
    {
        string path = _temp.WriteBytes("cut.txt", [.. "abc\n"u8, 0xE2, 0x82]);

        var error = await Assert.ThrowsAsync<ValidationError>(() => Utf8Validator.ValidateAsync(path, CancellationToken.None));

        Assert.Contains("line 2", error.Message);
        Assert.Contains("byte offset 4", error.Message);
    }

    [Fact]
    public async Task The_real_businesses_file_fails_at_its_first_windows_1252_byte()
    {
        // Counted with Python: the first byte >= 0x80 in businesses.csv is 0xD1 at offset 272200, on line 2355.
        var error = await Assert.ThrowsAsync<ValidationError>(() => Utf8Validator.ValidateAsync(SharedData.Businesses, CancellationToken.None));

        Assert.Equal("ingest.encoding", error.Code);
        Assert.Equal(2355L, error.Details["line"]);
        Assert.Equal(272200L, error.Details["byteOffset"]);
    }

    [Fact]
    public async Task The_real_la_311_file_is_valid_utf8()
    {
        await Utf8Validator.ValidateAsync(SharedData.La311, CancellationToken.None);
    }
}
