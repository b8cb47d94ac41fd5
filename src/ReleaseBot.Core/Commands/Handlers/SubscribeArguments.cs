using System.Diagnostics.CodeAnalysis;
using ReleaseBot.Core.Domain;
using ReleaseBot.Core.Replies;
using ReleaseBot.Core.Text;
using ReleaseBot.Core.Vendors;

namespace ReleaseBot.Core.Commands.Handlers;

/// <summary>
/// Reads the arguments of <c>/subscribe</c> (after a Telegram channel, if any) into a <see cref="SubscriptionChange"/>:
/// <see cref="SubscribeWords"/> first, anything else is a vendor name. Stops at the first bad word with a reply
/// that names it, so nothing is stored.
/// </summary>
public static class SubscribeArguments
{
    private const int MaxNameWords = 3;

    public static bool TryRead(
        CommandContext context, IReadOnlyList<string> args, IReadOnlyList<Vendor> vendors,
        [NotNullWhen(true)] out SubscriptionChange? change, [NotNullWhen(false)] out Reply? error)
    {
        var reader = new Reader(context);
        change = null;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            var known = reader.TryWord(arg);
            if (known == false)
            {
                error = reader.Error!;
                return false;
            }

            if (known is null)
            {
                var (vendor, words) = MatchSpan(vendors, args, i);
                if (vendor is null)
                {
                    error = CommandReplies.UnknownVendor(context, arg, VendorMatcher.Match(vendors, arg).Suggestions);
                    return false;
                }

                reader.AddVendor(vendor.Id);
                i += words - 1;
            }
        }

        error = null;
        change = reader.Change;
        return true;
    }

    // Vendor names may take several words ("moonshot ai", "black forest labs"): the longest span that names a vendor wins.
    private static (Vendor? Vendor, int Words) MatchSpan(IReadOnlyList<Vendor> vendors, IReadOnlyList<string> args, int start)
    {
        for (var words = Math.Min(MaxNameWords, args.Count - start); words >= 1; words--)
        {
            if (VendorMatcher.Match(vendors, string.Join(' ', args.Skip(start).Take(words))).Vendor is { } vendor)
            {
                return (vendor, words);
            }
        }

        return (null, 0);
    }

    /// <summary>The settings named so far; a setting named twice with different values is an error.</summary>
    private sealed class Reader(CommandContext context)
    {
        private readonly List<string> _vendors = [];
        private readonly List<Modality> _modalities = [];
        private bool _allVendors;
        private bool _anyModality;
        private (string Word, DeliveryMode Value)? _mode;
        private (string Word, long Value)? _min;
        private (string Word, bool Value)? _official;
        private (string Word, bool Value)? _ranks;

        public Reply? Error { get; private set; }

        public SubscriptionChange Change => new()
        {
            Mode = _mode?.Value,
            Vendors = _allVendors ? [] : _vendors.Count > 0 ? [.. _vendors.Distinct(StringComparer.Ordinal)] : null,
            Modalities = _anyModality ? [] : _modalities.Count > 0 ? [.. _modalities.Distinct()] : null,
            MinParams = _min?.Value,
            OfficialOnly = _official?.Value,
            RankAlerts = _ranks?.Value,
        };

        /// <summary>True when the word was one of <see cref="SubscribeWords"/>, false when it was but is wrong, null when it is none.</summary>
        public bool? TryWord(string word)
        {
            var t = context.T;
            if (SubscribeWords.Mode(word) is { } mode)
            {
                return _mode is null ? Set(ref _mode, (word, mode)) : Fail(CommandReplies.Usage(context, t.OneModeOnly));
            }

            if (SubscribeWords.IsAllVendors(word))
            {
                _allVendors = true;
                return true;
            }

            if (SubscribeWords.IsAnyModality(word))
            {
                _anyModality = true;
                return true;
            }

            if (SubscribeWords.ModalityOf(word) is { } modality)
            {
                _modalities.Add(modality);
                return true;
            }

            if (SubscribeWords.OfficialOnly(word) is { } official)
            {
                return Once(ref _official, (word, official));
            }

            if (SubscribeWords.ValueOf(word, SubscribeWords.MinPrefix) is { } size)
            {
                return IsNoMinimum(size) ? Once(ref _min, (word, 0L))
                    : ParamParser.TryParse(size, out var min) ? Once(ref _min, (word, min))
                    : Fail(CommandReplies.Usage(context, t.BadMinSize(CommandReplies.Echo(word))));
            }

            if (SubscribeWords.ValueOf(word, SubscribeWords.RanksPrefix) is { } onOff)
            {
                return onOff.ToLowerInvariant() switch
                {
                    SubscribeWords.On => Once(ref _ranks, (word, true)),
                    SubscribeWords.Off => Once(ref _ranks, (word, false)),
                    _ => Fail(CommandReplies.Usage(context, t.BadRanksSwitch(CommandReplies.Echo(word)))),
                };
            }

            return null;
        }

        public void AddVendor(string vendorId) => _vendors.Add(vendorId);

        private bool Once<T>(ref (string Word, T Value)? slot, (string Word, T Value) value)
        {
            if (slot is { } first && !EqualityComparer<T>.Default.Equals(first.Value, value.Value))
            {
                return Fail(CommandReplies.Usage(context, context.T.ArgumentsConflict(CommandReplies.Echo(first.Word), CommandReplies.Echo(value.Word))));
            }

            return Set(ref slot, value);
        }

        private static bool Set<T>(ref T? slot, T value)
            where T : struct
        {
            slot = value;
            return true;
        }

        private bool Fail(Reply error)
        {
            Error = error;
            return false;
        }

        private static bool IsNoMinimum(string size) =>
            size is "none" or "any" or "无" || (ParamParser.TryParse(size, out var parameters) && parameters == 0);
    }
}
