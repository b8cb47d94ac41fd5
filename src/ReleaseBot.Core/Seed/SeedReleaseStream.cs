using System.Text.Json;

namespace ReleaseBot.Core.Seed;

/// <summary>
/// Reads <c>releases.seed.json</c> from a stream a release at a time: a <see cref="Utf8JsonReader"/> over a refilled
/// 64 KB buffer, each array element deserialised once it is complete. A 100,000-release history (30 MB of JSON) is
/// never in memory whole. The small root properties are read whole; <see cref="Snapshots"/> and
/// <see cref="HasReleases"/> are known once <see cref="Releases"/> has been enumerated to the end.
/// </summary>
internal sealed class SeedReleaseStream(Stream stream, string file)
{
    private byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;
    private bool _final;
    private bool _started;
    private JsonReaderState _state = new(SeedJson.ReaderOptions);
    private Part _part = Part.BeforeRoot;
    private int _count;

    private enum Part { BeforeRoot, Root, Releases, Done }

    public bool HasReleases { get; private set; }

    public IReadOnlyList<SeedSnapshotDto>? Snapshots { get; private set; }

    /// <summary>Each element of <c>releases</c> with its index; throws <see cref="SeedFormatException"/> on bad JSON.</summary>
    public IEnumerable<(int Index, SeedReleaseDto? Release)> Releases()
    {
        var ready = new List<SeedReleaseDto?>();
        while (_part != Part.Done)
        {
            var wasFinal = _final;
            Fill();
            var before = _start;
            Step(ready);
            foreach (var release in ready)
            {
                yield return (_count++, release);
            }

            ready.Clear();
            if (_part != Part.Done && wasFinal && _start == before)
            {
                throw new SeedFormatException(file, ["$: the file ends before its JSON does"]);
            }
        }
    }

    private void Fill()
    {
        if (_final)
        {
            return;
        }

        _end -= _start;
        Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end);
        _start = 0;
        if (_end == _buffer.Length)
        {
            // One value larger than the buffer (a long snapshots list): hold it whole.
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }

        var read = stream.Read(_buffer, _end, _buffer.Length - _end);
        _end += read;
        _final = read == 0;
        if (!_started && _end >= 3)
        {
            _started = true;
            // Editors on Windows like to add a byte order mark; Utf8JsonReader rejects it.
            _start = _buffer.AsSpan(0, 3).SequenceEqual("\uFEFF"u8) ? 3 : 0;
        }
    }

    /// <summary>Reads every complete unit in the buffer; an incomplete one is left for the next fill.</summary>
    private void Step(List<SeedReleaseDto?> ready)
    {
        var reader = new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), _final, _state);
        while (_part != Part.Done)
        {
            var checkpoint = reader;
            if (!Advance(ref reader, ready))
            {
                reader = checkpoint;
                break;
            }
        }

        _start += (int)reader.BytesConsumed;
        _state = reader.CurrentState;
    }

    /// <summary>One token or one whole value; false (and the reader to be rewound) when the buffer holds too little.</summary>
    private bool Advance(ref Utf8JsonReader reader, List<SeedReleaseDto?> ready)
    {
        var at = _part == Part.Releases ? $"$.releases[{_count + ready.Count}]" : "$";
        try
        {
            if (!reader.Read())
            {
                return false;
            }

            switch (_part, reader.TokenType)
            {
                case (Part.BeforeRoot, JsonTokenType.StartObject):
                    _part = Part.Root;
                    return true;
                case (Part.BeforeRoot, _):
                    throw new SeedFormatException(file, ["$: the file must hold a JSON object"]);
                case (Part.Root, JsonTokenType.EndObject):
                    _part = Part.Done;
                    return true;
                case (Part.Root, _):
                    return RootProperty(ref reader);
                case (Part.Releases, JsonTokenType.EndArray):
                    _part = Part.Root;
                    return true;
                default:
                    var element = reader;
                    if (!element.TrySkip())
                    {
                        return false;
                    }

                    ready.Add(JsonSerializer.Deserialize<SeedReleaseDto>(ref reader, SeedJson.Options));
                    return true;
            }
        }
        catch (JsonException e)
        {
            throw SeedJson.Error(file, at, e);
        }
    }

    private bool RootProperty(ref Utf8JsonReader reader)
    {
        var name = reader.GetString();
        // The releases array is the stream itself: only its first token is needed; any other value is read whole.
        var value = reader;
        if ((name != "releases" && !value.TrySkip()) || !reader.Read())
        {
            return false;
        }

        switch (name)
        {
            case "releases" when reader.TokenType == JsonTokenType.StartArray:
                HasReleases = true;
                _part = Part.Releases;
                return true;
            case "releases" when reader.TokenType == JsonTokenType.Null:
                return true;
            case "releases":
                throw new SeedFormatException(file, ["$.releases: must be an array"]);
            case "snapshots":
                Snapshots = Read<List<SeedSnapshotDto>>(ref reader, "$.snapshots");
                return true;
            case "source":
                Read<SeedSourceInfo>(ref reader, "$.source");
                return true;
            case "$comment":
                Read<string>(ref reader, "$.$comment");
                return true;
            default:
                throw new SeedFormatException(file, [$"$.{name}: unknown property (expected releases, snapshots, source or $comment)"]);
        }
    }

    private T? Read<T>(ref Utf8JsonReader reader, string at)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(ref reader, SeedJson.Options);
        }
        catch (JsonException e)
        {
            throw SeedJson.Error(file, at, e);
        }
    }
}
