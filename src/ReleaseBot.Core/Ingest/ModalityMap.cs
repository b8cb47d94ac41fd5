using ReleaseBot.Core.Domain;

namespace ReleaseBot.Core.Ingest;

/// <summary>Coarse modality from the Hub's <c>pipeline_tag</c> (https://huggingface.co/tasks).</summary>
public static class ModalityMap
{
    public static Modality FromPipelineTag(string? pipelineTag) => pipelineTag?.ToLowerInvariant() switch
    {
        null or "" => Modality.Unknown,
        "text-generation" or "text2text-generation" or "fill-mask" or "translation" or "summarization"
            or "question-answering" or "table-question-answering" => Modality.Text,
        "image-text-to-text" or "visual-question-answering" or "image-to-text" or "video-text-to-text"
            or "document-question-answering" or "visual-document-retrieval" => Modality.Vision,
        "text-to-image" or "image-to-image" or "unconditional-image-generation" or "image-segmentation"
            or "object-detection" or "depth-estimation" or "mask-generation" => Modality.Image,
        "text-to-video" or "image-to-video" or "video-to-video" => Modality.Video,
        "automatic-speech-recognition" or "text-to-speech" or "text-to-audio" or "audio-to-audio"
            or "audio-classification" or "audio-text-to-text" or "voice-activity-detection" => Modality.Audio,
        "image-to-3d" or "text-to-3d" => Modality.ThreeD,
        "any-to-any" => Modality.Multimodal,
        _ => Modality.Other,
    };
}
