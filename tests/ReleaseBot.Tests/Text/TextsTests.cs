using System.Reflection;
using ReleaseBot.Core.Domain;
using ReleaseBot.Core.Text;

namespace ReleaseBot.Tests.Text;

public sealed class TextsTests
{
    [Fact]
    public void Chinese_EveryFixedText_IsTranslated()
    {
        var untranslated = typeof(Texts)
            .GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.PropertyType == typeof(string))
            .Where(p => (string)p.GetValue(Texts.Chinese)! == (string)p.GetValue(Texts.English)!
                || !((string)p.GetValue(Texts.Chinese)!).Any(c => c is >= '\u4e00' and <= '\u9fff'))
            .Select(p => p.Name)
            .ToList();

        Assert.Empty(untranslated);
    }

    [Fact]
    public void For_Language_PicksCatalogue()
    {
        Assert.Same(Texts.Chinese, Texts.For(Language.Zh));
        Assert.Same(Texts.English, Texts.For(Language.En));
    }

    [Theory]
    [InlineData(Modality.Text, "text", "文本")]
    [InlineData(Modality.Vision, "vision-language", "视觉语言")]
    public void ModalityName_BothLanguages(Modality modality, string en, string zh)
    {
        Assert.Equal(en, Texts.English.ModalityName(modality));
        Assert.Equal(zh, Texts.Chinese.ModalityName(modality));
    }
}
