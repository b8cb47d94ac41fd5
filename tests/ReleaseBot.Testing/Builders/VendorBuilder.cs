using ReleaseBot.Core.Domain;

namespace ReleaseBot.Testing.Builders;

/// <summary>Test vendors; <see cref="Catalogue"/> is a small slice of config/vendors.json.</summary>
public sealed class VendorBuilder
{
    private Vendor vendor;

    public VendorBuilder(string id, string country = "CN") =>
        vendor = new Vendor { Id = id, NameEn = id, NameZh = id, Country = country, HfOrgs = [id] };

    public VendorBuilder Named(string english, string chinese, string? shortName = null)
    {
        vendor = vendor with { NameEn = english, NameZh = chinese, ShortName = shortName };
        return this;
    }

    public VendorBuilder WithOrgs(params string[] orgs)
    {
        vendor = vendor with { HfOrgs = orgs };
        return this;
    }

    public VendorBuilder WithLegacyOrgs(params string[] orgs)
    {
        vendor = vendor with { LegacyOrgs = orgs };
        return this;
    }

    public VendorBuilder WithFamilies(params string[] families)
    {
        vendor = vendor with { Families = families };
        return this;
    }

    public VendorBuilder WithAliases(params string[] aliases)
    {
        vendor = vendor with { Aliases = aliases };
        return this;
    }

    public Vendor Build() => vendor;

    public static Vendor Alibaba { get; } = new VendorBuilder("alibaba")
        .Named("Alibaba Group - Qwen team / Tongyi Lab (Qwen, Wan, FunAudioLLM)", "阿里巴巴 · 通义（通义千问 / 通义万相 / 通义实验室）", "Alibaba")
        .WithOrgs("Qwen", "Wan-AI", "FunAudioLLM").WithFamilies("Qwen", "Qwen3", "Qwen3-Coder", "Wan").Build();

    public static Vendor Zhipu { get; } = new VendorBuilder("zhipu")
        .Named("Zhipu AI (Z.ai)", "智谱AI", "Zhipu AI").WithOrgs("zai-org").WithLegacyOrgs("THUDM").WithFamilies("GLM", "GLM-4.5").Build();

    public static Vendor Moonshot { get; } = new VendorBuilder("moonshot")
        .Named("Moonshot AI", "月之暗面").WithOrgs("moonshotai").WithFamilies("Kimi K2", "Kimi-VL").Build();

    public static Vendor Tencent { get; } = new VendorBuilder("tencent")
        .Named("Tencent (Hunyuan)", "腾讯混元", "Tencent").WithOrgs("tencent").WithFamilies("Hunyuan", "HunyuanWorld").Build();

    public static Vendor StepFun { get; } = new VendorBuilder("stepfun")
        .Named("StepFun", "阶跃星辰").WithOrgs("stepfun-ai").WithFamilies("Step3").Build();

    public static Vendor Meta { get; } = new VendorBuilder("meta", "US")
        .Named("Meta", "Meta").WithOrgs("meta-llama", "facebook").WithFamilies("Llama").Build();

    public static IReadOnlyList<Vendor> Catalogue { get; } = [Alibaba, Zhipu, Moonshot, Tencent, StepFun, Meta];
}
