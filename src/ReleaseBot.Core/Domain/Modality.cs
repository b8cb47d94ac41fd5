namespace ReleaseBot.Core.Domain;

/// <summary>What a model takes and makes, coarsely, for filters and display.</summary>
public enum Modality
{
    Unknown = 0,
    Text = 1,
    /// <summary>Image (and text) in, text out: VLMs.</summary>
    Vision = 2,
    /// <summary>Text or image in, image out.</summary>
    Image = 3,
    Video = 4,
    /// <summary>Audio in or out, including speech.</summary>
    Audio = 5,
    /// <summary>3D or world generation.</summary>
    ThreeD = 6,
    /// <summary>Any-to-any and other mixed models.</summary>
    Multimodal = 7,
    /// <summary>Reward, embedding and classification models.</summary>
    Other = 8,
}
