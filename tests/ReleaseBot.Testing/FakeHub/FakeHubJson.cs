using System.Globalization;
using System.Text.Json.Nodes;

namespace ReleaseBot.Testing.FakeHub;

/// <summary>
/// The Hub's JSON shapes (reference/huggingface.md §1.3, §2.2, §3; samples/hf_models_list_default_fields.json,
/// hf_model_info_meta-llama_…_gated.json, hf_trending_type-model_limit5.json).
/// </summary>
public static class FakeHubJson
{
    /// <summary>Accepted <c>expand</c> values for models (huggingface_hub <c>ExpandModelProperty_T</c>, 2026-08).</summary>
    public static readonly IReadOnlySet<string> ExpandValues = new HashSet<string>(StringComparer.Ordinal)
    {
        "author", "baseModels", "cardData", "childrenModelCount", "config", "createdAt", "disabled", "downloads",
        "downloadsAllTime", "evalResults", "gated", "gguf", "inference", "inferenceProviderMapping", "lastModified",
        "library_name", "likes", "mask_token", "model-index", "pipeline_tag", "private", "resourceGroup", "safetensors",
        "sha", "siblings", "spaces", "tags", "transformersInfo", "trendingScore", "usedStorage", "widgetData",
    };

    /// <summary>Default list item: <c>_id, id, likes, trendingScore, private, downloads, tags, pipeline_tag?, library_name?, createdAt, modelId</c>.</summary>
    public static JsonObject ListItem(FakeHubModel m, bool full, bool cardData)
    {
        var item = new JsonObject
        {
            ["_id"] = m.ObjectId,
            ["id"] = m.Id,
            ["likes"] = m.Likes,
            ["trendingScore"] = m.TrendingScore,
            ["private"] = m.Private,
            ["downloads"] = m.Downloads,
            ["tags"] = Tags(m),
        };
        AddIfSet(item, "pipeline_tag", m.PipelineTag);
        AddIfSet(item, "library_name", m.LibraryName);
        item["createdAt"] = Date(m.CreatedAt);
        item["modelId"] = m.Id;
        if (full)
        {
            item["author"] = m.Author;
            item["sha"] = m.Sha;
            item["lastModified"] = Date(m.LastModified ?? m.CreatedAt);
            item["gated"] = Gated(m);
            item["disabled"] = m.Disabled;
            item["siblings"] = Siblings(m);
        }

        if ((full || cardData) && CardData(m) is { } card)
        {
            item["cardData"] = card;
        }

        return item;
    }

    /// <summary>With <c>expand</c>: only <c>_id</c>, <c>id</c> and the requested keys.</summary>
    public static JsonObject Expanded(FakeHubModel m, IEnumerable<string> expand)
    {
        var item = new JsonObject { ["_id"] = m.ObjectId, ["id"] = m.Id };
        foreach (var key in expand.Distinct(StringComparer.Ordinal))
        {
            if (Value(m, key) is { } value)
            {
                item[key] = value;
            }
        }

        return item;
    }

    /// <summary>model_info, in the documented key order.</summary>
    public static JsonObject Detail(FakeHubModel m)
    {
        var item = new JsonObject
        {
            ["_id"] = m.ObjectId,
            ["id"] = m.Id,
            ["private"] = m.Private,
        };
        AddIfSet(item, "pipeline_tag", m.PipelineTag);
        AddIfSet(item, "library_name", m.LibraryName);
        item["tags"] = Tags(m);
        item["downloads"] = m.Downloads;
        item["likes"] = m.Likes;
        item["modelId"] = m.Id;
        item["author"] = m.Author;
        item["sha"] = m.Sha;
        item["lastModified"] = Date(m.LastModified ?? m.CreatedAt);
        item["gated"] = Gated(m);
        item["disabled"] = m.Disabled;
        item["model-index"] = null;
        if (CardData(m) is { } card)
        {
            item["cardData"] = card;
        }

        item["siblings"] = Siblings(m);
        item["spaces"] = new JsonArray();
        item["createdAt"] = Date(m.CreatedAt);
        if (Safetensors(m) is { } st)
        {
            item["safetensors"] = st;
        }

        item["usedStorage"] = (m.Parameters ?? 1_000_000) * 2;
        return item;
    }

    /// <summary><c>/api/trending</c> <c>repoData</c>: no trendingScore, no createdAt.</summary>
    public static JsonObject TrendingItem(FakeHubModel m)
    {
        var data = new JsonObject
        {
            ["author"] = m.Author,
            ["authorData"] = new JsonObject
            {
                ["_id"] = m.ObjectId,
                ["avatarUrl"] = "https://cdn-avatars.huggingface.co/v1/production/uploads/placeholder.png",
                ["fullname"] = m.Author,
                ["name"] = m.Author,
                ["type"] = "org",
                ["isHf"] = false,
                ["isHfAdmin"] = false,
                ["isMod"] = false,
                ["followerCount"] = 100,
                ["isUserFollowing"] = false,
            },
            ["downloads"] = m.Downloads,
            ["gated"] = Gated(m),
            ["id"] = m.Id,
            ["availableInferenceProviders"] = new JsonArray(),
            ["isLikedByUser"] = false,
            ["lastModified"] = Date(m.LastModified ?? m.CreatedAt),
            ["likes"] = m.Likes,
        };
        AddIfSet(data, "pipeline_tag", m.PipelineTag);
        data["private"] = false;
        data["repoType"] = "model";
        if (m.Parameters is { } p)
        {
            data["numParameters"] = p;
        }

        return new JsonObject { ["repoData"] = data, ["repoType"] = "model" };
    }

    private static JsonNode? Value(FakeHubModel m, string key) => key switch
    {
        "author" => m.Author,
        "createdAt" => Date(m.CreatedAt),
        "lastModified" => Date(m.LastModified ?? m.CreatedAt),
        "likes" => m.Likes,
        "downloads" => m.Downloads,
        "downloadsAllTime" => m.Downloads * 3,
        "trendingScore" => m.TrendingScore,
        "pipeline_tag" => m.PipelineTag,
        "library_name" => m.LibraryName,
        "tags" => Tags(m),
        "gated" => Gated(m),
        "private" => m.Private,
        "disabled" => m.Disabled,
        "safetensors" => Safetensors(m),
        "cardData" => CardData(m),
        "sha" => m.Sha,
        "siblings" => Siblings(m),
        "usedStorage" => (m.Parameters ?? 1_000_000) * 2,
        "config" => new JsonObject { ["architectures"] = new JsonArray("ForCausalLM"), ["model_type"] = m.Id.Split('/')[1].ToLowerInvariant() },
        _ => null,
    };

    private static JsonArray Tags(FakeHubModel m)
    {
        var tags = new JsonArray();
        foreach (var tag in m.Tags)
        {
            tags.Add(tag);
        }

        if (m.BaseModel is not null)
        {
            tags.Add($"base_model:{m.BaseModel}");
            tags.Add($"base_model:{(m.Tags.Contains("gguf") ? "quantized" : "finetune")}:{m.BaseModel}");
        }

        if (m.License is not null)
        {
            tags.Add($"license:{m.License}");
        }

        return tags;
    }

    private static JsonNode Gated(FakeHubModel m) => m.Gated is null ? JsonValue.Create(false) : JsonValue.Create(m.Gated);

    private static JsonObject? Safetensors(FakeHubModel m) => m.Parameters is { } p
        ? new JsonObject { ["parameters"] = new JsonObject { ["BF16"] = p }, ["total"] = p }
        : null;

    private static JsonObject? CardData(FakeHubModel m)
    {
        if (!m.HasReadme)
        {
            return null;
        }

        var card = new JsonObject();
        AddIfSet(card, "license", m.License);
        AddIfSet(card, "base_model", m.BaseModel);
        AddIfSet(card, "pipeline_tag", m.PipelineTag);
        AddIfSet(card, "library_name", m.LibraryName);
        return card;
    }

    private static JsonArray Siblings(FakeHubModel m)
    {
        var files = new List<string> { ".gitattributes", "config.json" };
        if (m.HasReadme)
        {
            files.Add("README.md");
        }

        if (m.Parameters is not null)
        {
            files.Add("model-00001-of-00002.safetensors");
            files.Add("model-00002-of-00002.safetensors");
        }

        var siblings = new JsonArray();
        foreach (var file in files)
        {
            siblings.Add(new JsonObject { ["rfilename"] = file });
        }

        return siblings;
    }

    private static string Date(DateTimeOffset d) => d.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);

    private static void AddIfSet(JsonObject o, string key, string? value)
    {
        if (value is not null)
        {
            o[key] = value;
        }
    }
}
