using ReleaseBot.Core.Dispatch;

namespace ReleaseBot.Tests.Dispatch;

public sealed class DispatchOptionsTests
{
    [Fact]
    public void BackoffAfter_DoublesFromBase_CappedAtMax()
    {
        var options = new DispatchOptions { BaseBackoff = TimeSpan.FromSeconds(5), MaxBackoff = TimeSpan.FromMinutes(1) };

        Assert.Equal(TimeSpan.FromSeconds(5), options.BackoffAfter(1));
        Assert.Equal(TimeSpan.FromSeconds(10), options.BackoffAfter(2));
        Assert.Equal(TimeSpan.FromSeconds(40), options.BackoffAfter(4));
        Assert.Equal(TimeSpan.FromMinutes(1), options.BackoffAfter(5));
        Assert.Equal(TimeSpan.FromMinutes(1), options.BackoffAfter(60));
    }
}
