using ReleaseBot.Core.Domain;

namespace ReleaseBot.Core.Commands;

/// <summary>
/// The words of <c>/subscribe</c> besides vendor names, as typed in Telegram and the console. The Discord adapter
/// turns its typed options into the same words, so one parser reads both platforms.
/// </summary>
public static class SubscribeWords
{
    public const string AllVendors = "all";
    public const string AnyModality = "any";
    public const string Official = "official";
    public const string Derivatives = "derivatives";
    /// <summary><c>min:30b</c>; <c>min:0</c> (or <c>min:none</c>) removes the minimum.</summary>
    public const string MinPrefix = "min:";
    /// <summary><c>ranks:on</c> or <c>ranks:off</c>.</summary>
    public const string RanksPrefix = "ranks:";
    public const string On = "on";
    public const string Off = "off";

    /// <summary>The word of each modality a filter can choose, in the order /help lists them.</summary>
    public static IReadOnlyList<(string Word, Modality Modality)> Modalities { get; } =
    [
        ("text", Modality.Text),
        ("vision", Modality.Vision),
        ("image", Modality.Image),
        ("video", Modality.Video),
        ("audio", Modality.Audio),
        ("3d", Modality.ThreeD),
        ("multimodal", Modality.Multimodal),
        ("other", Modality.Other),
    ];

    private static readonly Dictionary<string, Modality> ModalityByWord = new(StringComparer.OrdinalIgnoreCase)
    {
        ["text"] = Modality.Text, ["文本"] = Modality.Text,
        ["vision"] = Modality.Vision, ["vlm"] = Modality.Vision, ["视觉"] = Modality.Vision,
        ["image"] = Modality.Image, ["图像"] = Modality.Image,
        ["video"] = Modality.Video, ["视频"] = Modality.Video,
        ["audio"] = Modality.Audio, ["speech"] = Modality.Audio, ["音频"] = Modality.Audio, ["语音"] = Modality.Audio,
        ["3d"] = Modality.ThreeD, ["world"] = Modality.ThreeD,
        ["multimodal"] = Modality.Multimodal, ["多模态"] = Modality.Multimodal,
        ["other"] = Modality.Other, ["其他"] = Modality.Other,
    };

    public static DeliveryMode? Mode(string word) => word.ToLowerInvariant() switch
    {
        "instant" or "即时" => DeliveryMode.Instant,
        "digest" or "摘要" => DeliveryMode.Digest,
        "both" or "两者" => DeliveryMode.Both,
        _ => null,
    };

    public static Modality? ModalityOf(string word) => ModalityByWord.TryGetValue(word, out var modality) ? modality : null;

    public static bool IsAllVendors(string word) => Is(word, AllVendors) || word == "全部";

    public static bool IsAnyModality(string word) => Is(word, AnyModality) || word == "任意";

    /// <summary>True for <c>official</c> (official releases only), false for <c>derivatives</c> (fine-tunes and quantisations too).</summary>
    public static bool? OfficialOnly(string word) =>
        Is(word, Official) || word == "官方" ? true
        : Is(word, Derivatives) || word == "衍生" ? false
        : null;

    /// <summary>The value after <paramref name="prefix"/> (a full-width colon counts too), or null when the word has another key.</summary>
    public static string? ValueOf(string word, string prefix)
    {
        var key = prefix[..^1];
        return word.Length > key.Length && word.StartsWith(key, StringComparison.OrdinalIgnoreCase) && word[key.Length] is ':' or '：'
            ? word[(key.Length + 1)..]
            : null;
    }

    private static bool Is(string word, string expected) => string.Equals(word, expected, StringComparison.OrdinalIgnoreCase);
}
