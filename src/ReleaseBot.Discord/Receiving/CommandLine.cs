using ReleaseBot.Core.Commands;
using ReleaseBot.Core.Ports;
using ReleaseBot.Core.Replies;
using ReleaseBot.Core.Vendors;
using ReleaseBot.Discord.Rendering;

namespace ReleaseBot.Discord.Receiving;

/// <summary>
/// The router's arguments, built one typed value at a time. Each method appends the value's arguments or returns the
/// refusal (with the command's usage) that explains why the value cannot be one.
/// </summary>
internal sealed class CommandLine(CommandContext context)
{
    private const int MaxVendorWords = 3;
    private readonly List<string> _tokens = ["/" + context.Name];

    public CommandContext Context => context;

    /// <summary>The command line for logs and tests; the router takes <see cref="Args"/>.</summary>
    public string Text => string.Join(' ', _tokens);

    public IReadOnlyList<string> Args => _tokens[1..];

    /// <summary>A value that must stay one word (a count, a repo id, a time, a zone, a pattern).</summary>
    public Reply? Word(string? value)
    {
        var clean = DiscordMarkdown.Flatten(value);
        if (clean.Length == 0)
        {
            return null;
        }

        if (clean.Any(char.IsWhiteSpace))
        {
            return CommandReplies.Usage(context, context.T.TooManyArguments);
        }

        _tokens.Add(clean);
        return null;
    }

    /// <summary>A value that is the whole argument list of its command (a vendor name for /vendor), so its words may stay words.</summary>
    public Reply? Words(string? value)
    {
        _tokens.AddRange(DiscordMarkdown.Flatten(value).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return null;
    }

    /// <summary>A choice; Discord enforces the set, but the payload may come from anywhere.</summary>
    public Reply? OneOf(string? value, IReadOnlySet<string> allowed)
    {
        if (value is null)
        {
            return null;
        }

        var clean = DiscordMarkdown.Flatten(value).ToLowerInvariant();
        if (!allowed.Contains(clean))
        {
            return CommandReplies.Usage(context, CommandReplies.Echo(clean) + " ∉ {" + string.Join(", ", allowed) + "}");
        }

        _tokens.Add(clean);
        return null;
    }

    /// <summary>A free value as one argument after its key (<c>min:</c> + "30b"); spaces in it stay inside it, for the handler to refuse.</summary>
    public Reply? Prefixed(string prefix, string? value)
    {
        var clean = DiscordMarkdown.Flatten(value);
        if (clean.Length > 0)
        {
            _tokens.Add(prefix + clean);
        }

        return null;
    }

    /// <summary>A boolean option as the word for true or for false.</summary>
    public Reply? Switch(string? value, string whenTrue, string whenFalse) => value switch
    {
        null => null,
        "true" => Add(whenTrue),
        "false" => Add(whenFalse),
        _ => CommandReplies.Usage(context, CommandReplies.Echo(value) + " ∉ {true, false}"),
    };

    /// <summary>One vendor, as its id: an id is one token that is never a number or a mode word.</summary>
    public async Task<Reply?> VendorIdAsync(string? value, IVendorStore vendorStore, CancellationToken cancellationToken)
    {
        var clean = DiscordMarkdown.Flatten(value);
        if (clean.Length == 0)
        {
            return null;
        }

        var vendors = await vendorStore.GetVendorsAsync(cancellationToken);
        var match = VendorMatcher.Match(vendors, clean);
        if (match.Vendor is null)
        {
            return CommandReplies.UnknownVendor(context, clean, match.Suggestions);
        }

        _tokens.Add(match.Vendor.Id);
        return null;
    }

    /// <summary>
    /// "qwen, deepseek", "moonshot ai zhipu" or "all": items split at commas, and inside an item the longest run of up
    /// to three words that names a vendor, as /subscribe reads its arguments; each becomes a vendor id.
    /// </summary>
    public async Task<Reply?> VendorListAsync(string? value, IVendorStore vendorStore, CancellationToken cancellationToken)
    {
        var items = DiscordMarkdown.Flatten(value).Split([',', '，', '、', ';', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (items.Length == 0)
        {
            return null;
        }

        var vendors = await vendorStore.GetVendorsAsync(cancellationToken);
        foreach (var item in items)
        {
            var words = item.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            for (var i = 0; i < words.Length;)
            {
                if (words[i].Equals("all", StringComparison.OrdinalIgnoreCase) || words[i] == "全部")
                {
                    _tokens.Add("all");
                    i++;
                    continue;
                }

                var (vendor, used) = LongestMatch(vendors, words, i);
                if (vendor is null)
                {
                    return CommandReplies.UnknownVendor(context, words[i], VendorMatcher.Match(vendors, words[i]).Suggestions);
                }

                _tokens.Add(vendor.Id);
                i += used;
            }
        }

        return null;
    }

    private Reply? Add(string token)
    {
        _tokens.Add(token);
        return null;
    }

    private static (Core.Domain.Vendor? Vendor, int Words) LongestMatch(IReadOnlyList<Core.Domain.Vendor> vendors, string[] words, int start)
    {
        for (var count = Math.Min(MaxVendorWords, words.Length - start); count >= 1; count--)
        {
            if (VendorMatcher.Match(vendors, string.Join(' ', words, start, count)).Vendor is { } vendor)
            {
                return (vendor, count);
            }
        }

        return (null, 0);
    }
}
